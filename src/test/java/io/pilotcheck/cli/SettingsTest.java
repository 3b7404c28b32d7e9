package io.pilotcheck.cli;

import io.pilotcheck.store.TestDatabases;
import io.pilotcheck.store.sql.StoreLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Settings once were flags only, and the database password stood in {@code ps}: now a settings
 * file and {@code PILOTCHECK_*} variables set every serve and store option, a flag over the
 * environment over the file, and the password comes from a file or the environment.
 */
class SettingsTest {

    @TempDir
    Path tmp;

    private ServeCommand parsed(Settings settings, String... args) {
        ServeCommand serve = new ServeCommand();
        CommandLine cli = new CommandLine(serve).setCaseInsensitiveEnumValuesAllowed(true);
        cli.setDefaultValueProvider(settings);
        cli.parseArgs(args);
        return serve;
    }

    @Test
    void aFlagWinsOverTheEnvironmentWhichWinsOverTheFile() throws Exception {
        Path file = Files.writeString(tmp.resolve("pilotcheck.yaml"),
                "port: 9000\nbind: 127.0.0.2\ntime-zone: Asia/Shanghai\npool-size: 20\ndata: /srv/pilotcheck\nmigrate: false\n");
        Settings settings = Settings.of(new String[] {"serve", "--config", file.toString()}, Map.of("PILOTCHECK_PORT", "9100",
                "PILOTCHECK_CHECKS_AT_ONCE", "3"));
        ServeCommand fromFile = parsed(settings, "--config", file.toString());
        assertThat(fromFile.port).isEqualTo(9100);                 // the environment over the file
        assertThat(fromFile.bind).isEqualTo("127.0.0.2");          // the file over the default
        assertThat(fromFile.timeZone).isEqualTo("Asia/Shanghai");
        assertThat(fromFile.poolSize).isEqualTo(20);
        assertThat(fromFile.checksAtOnce).isEqualTo(3);
        assertThat(fromFile.migrate).isFalse();
        assertThat(fromFile.storeOptions.location().file()).contains(Path.of("/srv/pilotcheck/pilotcheck.db"));
        ServeCommand flagged = parsed(settings, "--config", file.toString(), "--port", "9200");
        assertThat(flagged.port).isEqualTo(9200);                  // the flag over both
        ServeCommand none = parsed(Settings.of(new String[] {"serve"}, Map.of("XDG_CONFIG_HOME", tmp.resolve("none").toString())));
        assertThat(none.port).isEqualTo(8417);
    }

    @Test
    void aSettingThatIsNoOptionIsRefusedWithItsLineAndColumn() throws Exception {
        Path file = Files.writeString(tmp.resolve("p.yaml"), "port: 9000\nprot: 9001\n");
        assertThatThrownBy(() -> Settings.of(new String[] {"--config", file.toString()}, Map.of()))
                .isInstanceOf(Settings.Unusable.class).hasMessageContaining(file + ":2:").hasMessageContaining("'prot' is not a setting");
        CliTest.Run run = CliTest.run("history", "--lang", "en", "--config", file.toString(), "大连市");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("the settings cannot be used", "'prot'").doesNotContain("\tat ");
        CliTest.Run missing = CliTest.run("history", "--config", tmp.resolve("nowhere.yaml").toString(), "大连市");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("nowhere.yaml");
    }

    @Test
    void theSettingsFileNamesTheStoreForEveryCommand() throws Exception {
        Path data = tmp.resolve("data");
        Path file = Files.writeString(tmp.resolve("p.yaml"), "data: " + data + "\n");
        CliTest.Run history = CliTest.run("history", "--lang", "en", "--config", file.toString(), "大连市");
        assertThat(history.code()).as(history.err()).isZero();
        assertThat(data.resolve(StoreLocation.FILE_NAME)).exists();
    }

    @Test
    void thePasswordComesFromAFileNotTheCommandLine() throws Exception {
        StoreLocation where = TestDatabases.freshPostgres();
        String password = where.url().replaceFirst(".*[?&]password=([^&]*).*", "$1");
        String bare = where.url().replaceFirst("[&]password=[^&]*", "").replaceFirst("\\?password=[^&]*&?", "?");
        assertThat(bare).doesNotContain("password");
        Path secret = Files.writeString(tmp.resolve("db-password"), password + "\n");
        CliTest.Run history = CliTest.run("history", "--lang", "en", "--db", bare, "--db-password-file", secret.toString(), "大连市");
        assertThat(history.code()).as(history.err()).isZero();
        CliTest.Run wrong = CliTest.run("history", "--lang", "en", "--db", bare, "--db-password-file", tmp.resolve("none").toString(), "大连市");
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err()).contains("cannot read the password file");
    }

    @Test
    void everySettingIsAnOptionOfServeOrOfTheStore() {
        Set<String> options = new TreeSet<>();
        new CommandLine(new ServeCommand()).getCommandSpec().options().forEach(o -> options.add(o.longestName().replaceFirst("^--", "")));
        assertThat(options).containsAll(Settings.NAMES);
    }
}
