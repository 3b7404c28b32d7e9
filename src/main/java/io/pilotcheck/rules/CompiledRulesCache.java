package io.pilotcheck.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;

/**
 * Compiled rules kept between runs: the executable-model KieModule Drools builds from the DRL,
 * stored under a key that hashes every rule input (DRL, {@code params.yaml}, the registry) with
 * pilotcheck's version and build, so any edit, and any new build of the fact model, misses.
 * Each entry ends with the SHA-256 of its content; an entry that does not match (truncated,
 * damaged) is deleted and the rules are compiled again, never trusted.
 */
public final class CompiledRulesCache {

    private static final int HASH = 32;

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
     * else {@code ~/.cache/pilotcheck}.
     */
    public static Path defaultDir() {
        String own = System.getenv("PILOTCHECK_CACHE_DIR");
        if (own != null && !own.isBlank()) {
            return Path.of(own);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "pilotcheck");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "pilotcheck");
    }

    /** Where entries go, or empty for no cache. */
    public Optional<Path> dir() {
        return Optional.ofNullable(dir);
    }

    /** The key of the rules with this fingerprint, for this build of pilotcheck. */
    static String key(String rulesFingerprint) {
        return HexFormat.of().formatHex(sha256((rulesFingerprint + "\n" + build()).getBytes(
                java.nio.charset.StandardCharsets.UTF_8))).substring(0, 40);
    }

    /** The entry for {@code key}, when present and whole; a damaged one is removed. */
    Optional<byte[]> read(String key) {
        if (dir == null) {
            return Optional.empty();
        }
        Path file = file(key);
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (all.length > HASH) {
            byte[] content = Arrays.copyOf(all, all.length - HASH);
            if (Arrays.equals(sha256(content), Arrays.copyOfRange(all, all.length - HASH, all.length))) {
                return Optional.of(content);
            }
        }
        forget(key);
        return Optional.empty();
    }

    /** Stores an entry; a cache that cannot be written is no reason to fail the run. */
    void write(String key, byte[] content) {
        if (dir == null) {
            return;
        }
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "rules-", ".tmp");
            try {
                byte[] all = Arrays.copyOf(content, content.length + HASH);
                System.arraycopy(sha256(content), 0, all, content.length, HASH);
                Files.write(tmp, all);
                Files.move(tmp, file(key), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            // read-only home, full disk: the next run compiles again
        }
    }

    /** Removes an entry that could not be used. */
    void forget(String key) {
        try {
            Files.deleteIfExists(file(key));
        } catch (IOException e) {
            // nothing more to do: it will be overwritten
        }
    }

    Path file(String key) {
        return dir.resolve("rules-" + key + ".kjar");
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

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
