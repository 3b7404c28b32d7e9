package io.pilotcheck.rules;

import io.pilotcheck.source.RuleInputException;

import io.pilotcheck.registry.PilotRegistry;
import io.pilotcheck.source.SourceLocation;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bytes of every file a rule book is made from (the DRL files, {@code params.yaml}, the
 * registry), read once, by path relative to the rules folder in sorted order.
 *
 * <p>Two things are derived from them. The report's fingerprint ({@code sha256:}) is worked
 * out only when a report asks for it: on a short run the first SHA-256 is costly (the JDK's
 * security providers start up, and the digest runs interpreted), and the text report never
 * shows it. The compiled-rules cache instead compares {@link #encoded() the inputs themselves}
 * with the ones an entry was built from, which is exact and cheap.
 */
public final class RuleInputs {

    private final Map<String, byte[]> files;
    private volatile String fingerprint;

    private RuleInputs(Map<String, byte[]> files) {
        this.files = files;
    }

    /**
     * Reads the inputs of the rules folder {@code dir}: these DRL files, with the bytes of
     * {@code params.yaml} and the registry as the caller read (and parsed) them, so the inputs
     * name exactly what the rule book was made from.
     */
    static RuleInputs read(Path dir, List<Path> drls, byte[] params, byte[] registry) throws RuleInputException {
        Map<Path, byte[]> given = Map.of(dir.resolve(Params.FILE), params, dir.resolve(PilotRegistry.FILE), registry);
        List<Path> inputs = new ArrayList<>(drls);
        inputs.addAll(given.keySet());
        inputs.sort(null);
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Path p : inputs) {
            try {
                byte[] bytes = given.get(p);
                files.put(relative(dir, p), bytes != null ? bytes : Files.readAllBytes(p));
            } catch (IOException e) {
                throw new RuleInputException(SourceLocation.startOf(p.toString()), "cannot read " + p + ": " + e);
            }
        }
        return new RuleInputs(files);
    }

    /** How an input is named here and in the fingerprint: its path below {@code dir}, with '/'. */
    static String relative(Path dir, Path file) {
        return dir.relativize(file).toString().replace('\\', '/');
    }

    /** Every input's bytes by its path below the rules folder, in sorted order: what a rule set publishes. */
    public Map<String, byte[]> files() {
        return java.util.Collections.unmodifiableMap(files);
    }

    /** Every input's path below the rules folder, in sorted order. */
    java.util.Set<String> paths() {
        return files.keySet();
    }

    /** The bytes read of the input at {@code relativePath} (see {@link #relative}). */
    byte[] bytes(String relativePath) {
        byte[] b = files.get(relativePath);
        if (b == null) {
            throw new IllegalArgumentException("not a rule input: " + relativePath);
        }
        return b;
    }

    /**
     * {@code sha256:} over each input's relative path, a zero byte, its bytes and a zero byte,
     * in path order (the value reports have always shown).
     */
    public String fingerprint() {
        String f = fingerprint;
        if (f == null) {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                files.forEach((path, bytes) -> {
                    sha.update(path.getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) 0);
                    sha.update(bytes);
                    sha.update((byte) 0);
                });
                f = "sha256:" + HexFormat.of().formatHex(sha.digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("the JDK lacks SHA-256", e);
            }
            fingerprint = f;
        }
        return f;
    }

    /**
     * The inputs as one unambiguous byte string (count, then each path and content with their
     * lengths): equal exactly when the inputs are.
     */
    byte[] encoded() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(files.size());
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                byte[] path = e.getKey().getBytes(StandardCharsets.UTF_8);
                out.writeInt(path.length);
                out.write(path);
                out.writeInt(e.getValue().length);
                out.write(e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }
}
