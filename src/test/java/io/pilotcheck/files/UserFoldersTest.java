package io.pilotcheck.files;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UserFoldersTest {

    /** The compiled-rules cache went to the password file's home although HOME named another. */
    @Test
    void aFreshHomeIsWhereTheCacheAndDataGo() {
        Map<String, String> env = Map.of("HOME", "/tmp/fresh-home");
        assertThat(UserFolders.under(env, "XDG_CACHE_HOME", ".cache")).isEqualTo(Path.of("/tmp/fresh-home/.cache/pilotcheck"));
        assertThat(UserFolders.under(env, "XDG_DATA_HOME", ".local/share"))
                .isEqualTo(Path.of("/tmp/fresh-home/.local/share/pilotcheck"));
    }

    @Test
    void xdgFoldersComeFirstAndThePasswordFilesHomeLast() {
        assertThat(UserFolders.under(Map.of("HOME", "/h", "XDG_CACHE_HOME", "/x"), "XDG_CACHE_HOME", ".cache"))
                .isEqualTo(Path.of("/x/pilotcheck"));
        assertThat(UserFolders.under(Map.of(), "XDG_CACHE_HOME", ".cache"))
                .isEqualTo(Path.of(System.getProperty("user.home"), ".cache", "pilotcheck"));
    }
}
