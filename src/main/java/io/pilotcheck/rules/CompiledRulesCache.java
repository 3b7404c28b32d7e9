package io.pilotcheck.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.zip.CRC32C;

/**
 * Compiled rules kept between runs: the executable-model KieModule Drools builds from the DRL,
 * stored with the exact rule inputs it was built from (every DRL file, {@code params.yaml}, the
 * registry) and pilotcheck's version and build, so any edit, and any new build of the fact
 * model, misses. An entry is used only when those stored inputs equal the current ones byte for
 * byte; its file name is merely a checksum of them. Each entry ends with a CRC-32C of its
 * content: one that does not match (truncated, damaged) is deleted and the rules are compiled
 * again, never trusted.
 *
 * <p>Entry layout: {@code "PCK1"}, the length of the inputs' encoding, that encoding, the
 * KieModule's bytes, the CRC-32C of all before it.
 *
 * <p>The folder does not grow without end: writing a new entry removes those not used for
 * {@value #KEEP_DAYS} days, and the oldest beyond {@value #KEEP_ENTRIES}. A hit marks its entry
 * used by its modification time; its content is never rewritten.
 */
public final class CompiledRulesCache {

    private static final byte[] MAGIC = "PCK1".getBytes(StandardCharsets.US_ASCII);
    private static final int HEAD = MAGIC.length + Integer.BYTES;
    private static final int TRAILER = Integer.BYTES;
    /** Entries not used for this many days are removed when a new one is written. */
    static final int KEEP_DAYS = 30;
    /** At most this many entries are kept: rule authors' edits each leave one. */
    static final int KEEP_ENTRIES = 32;
    private static final String PREFIX = "rules-";
    private static final String SUFFIX = ".kjar";

    private final Path dir;

    private CompiledRulesCache(Path dir) {
        this.dir = dir;
    }

    /** No cache: compile every time ({@code --no-cache}, and tests). */
    public static CompiledRulesCache none() {
        return new CompiledRulesCache(null);
    }

    /** A cache in {@code dir}. */
    public static CompiledRulesCache in(Path dir) {
        return new CompiledRulesCache(dir);
    }

    /**
     * The user's cache folder: {@code $PILOTCHECK_CACHE_DIR}, else {@code $XDG_CACHE_HOME/pilotcheck},
     * else {@code $HOME/.cache/pilotcheck}.
     */
    public static Path defaultDir() {
        String own = System.getenv("PILOTCHECK_CACHE_DIR");
        if (own != null && !own.isBlank()) {
            return Path.of(own);
        }
        return io.pilotcheck.files.UserFolders.cache();
    }

    /** Where entries go, or empty for no cache. */
    public Optional<Path> dir() {
        return Optional.ofNullable(dir);
    }

    /** The compiled rules built from {@code inputs}, when an intact entry for exactly them is stored. */
    Optional<byte[]> read(RuleInputs inputs) {
        if (dir == null) {
            return Optional.empty();
        }
        byte[] identity = identity(inputs);
        Path file = file(identity);
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (!intact(all)) {
            forget(file);
            return Optional.empty();
        }
        int stored = ByteBuffer.wrap(all, MAGIC.length, Integer.BYTES).getInt();
        if (!Arrays.equals(all, HEAD, HEAD + stored, identity, 0, identity.length)) {
            // other inputs with the same checksum: a miss, and the compile overwrites it
            return Optional.empty();
        }
        try {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
        } catch (IOException e) {
            // a read-only cache still serves; it is only pruned sooner
        }
        return Optional.of(Arrays.copyOfRange(all, HEAD + stored, all.length - TRAILER));
    }

    /** Stores the compiled rules built from {@code inputs}; a cache that cannot be written is no reason to fail the run. */
    void write(RuleInputs inputs, byte[] kjar) {
        if (dir == null) {
            return;
        }
        byte[] identity = identity(inputs);
        try {
            Files.createDirectories(dir);
            prune();
            Path tmp = Files.createTempFile(dir, PREFIX, ".tmp");
            try {
                ByteBuffer all = ByteBuffer.allocate(HEAD + identity.length + kjar.length + TRAILER);
                all.put(MAGIC).putInt(identity.length).put(identity).put(kjar);
                CRC32C crc = new CRC32C();
                crc.update(all.array(), 0, all.position());
                all.putInt((int) crc.getValue());
                Files.write(tmp, all.array());
                Files.move(tmp, file(identity), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            // read-only home, full disk: the next run compiles again
        }
    }

    /** Removes the entry for {@code inputs}: Drools could not load it. */
    void forget(RuleInputs inputs) {
        if (dir != null) {
            forget(file(identity(inputs)));
        }
    }

    private static void forget(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // nothing more to do: it will be overwritten
        }
    }

    /** Whether {@code all} is a whole entry: its magic, a sane inputs length, and its checksum. */
    private static boolean intact(byte[] all) {
        if (all.length < HEAD + TRAILER || !Arrays.equals(all, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            return false;
        }
        int stored = ByteBuffer.wrap(all, MAGIC.length, Integer.BYTES).getInt();
        if (stored < 0 || stored > all.length - HEAD - TRAILER) {
            return false;
        }
        CRC32C crc = new CRC32C();
        crc.update(all, 0, all.length - TRAILER);
        return (int) crc.getValue() == ByteBuffer.wrap(all, all.length - TRAILER, TRAILER).getInt();
    }

    /** Removes entries unused for {@link #KEEP_DAYS} days, the oldest beyond {@link #KEEP_ENTRIES}, and stale temporary files. */
    private void prune() {
        Instant now = Instant.now();
        Map<Path, Instant> entries = new HashMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, PREFIX + "*")) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                Instant used = Files.getLastModifiedTime(f).toInstant();
                if (name.endsWith(".tmp") && used.isBefore(now.minus(Duration.ofDays(1)))) {
                    forget(f); // left by a run that was killed while writing
                } else if (name.endsWith(SUFFIX)) {
                    if (used.isBefore(now.minus(Duration.ofDays(KEEP_DAYS)))) {
                        forget(f);
                    } else {
                        entries.put(f, used);
                    }
                }
            }
        } catch (IOException e) {
            return; // pruning is housekeeping; a folder that cannot be listed is left as it is
        }
        // one place is kept for the entry about to be written
        entries.entrySet().stream().sorted(Map.Entry.<Path, Instant>comparingByValue().reversed())
                .skip(KEEP_ENTRIES - 1L).forEach(e -> forget(e.getKey()));
    }

    /** What an entry must have been built from: this build of pilotcheck and exactly these inputs. */
    private static byte[] identity(RuleInputs inputs) {
        byte[] build = build().getBytes(StandardCharsets.UTF_8);
        byte[] encoded = inputs.encoded();
        return ByteBuffer.allocate(Integer.BYTES + build.length + encoded.length)
                .putInt(build.length).put(build).put(encoded).array();
    }

    /** An entry's file: named by a checksum and the length of what it was built from (a name, not a proof). */
    Path file(byte[] identity) {
        CRC32C crc = new CRC32C();
        crc.update(identity);
        return dir.resolve(PREFIX + java.util.HexFormat.of().toHexDigits((int) crc.getValue()) + "-" + Integer.toHexString(identity.length) + SUFFIX);
    }

    /** pilotcheck's version and build time: a new build may change the fact model the rules compile against. */
    private static String build() {
        try (InputStream in = CompiledRulesCache.class.getResourceAsStream("/io/pilotcheck/pilotcheck.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "dev") + " " + p.getProperty("build", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
