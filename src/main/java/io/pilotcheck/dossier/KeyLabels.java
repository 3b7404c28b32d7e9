package io.pilotcheck.dossier;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The Chinese names of the format's keys ({@code labels.properties}), so that a key written in
 * Chinese ({@code 城市: 大连市}) is told the key it means rather than only "unknown".
 */
final class KeyLabels {

    private static final Map<String, List<String>> BY_KEY = load();

    private KeyLabels() {
    }

    /** Every key with its Chinese names, the label first. */
    static Map<String, List<String>> all() {
        return BY_KEY;
    }

    /** The key among {@code keys} that a Chinese name means: said exactly, else contained either way. */
    static Optional<String> keyFor(String written, Collection<String> keys) {
        String w = written.strip();
        for (String k : keys) {
            if (BY_KEY.getOrDefault(k, List.of()).contains(w)) {
                return Optional.of(k);
            }
        }
        for (String k : keys) {
            for (String name : BY_KEY.getOrDefault(k, List.of())) {
                if (name.length() >= 2 && w.length() >= 2 && (w.contains(name) || name.contains(w))) {
                    return Optional.of(k);
                }
            }
        }
        return Optional.empty();
    }

    /** The label of a key: its first Chinese name. */
    static String label(String key) {
        return BY_KEY.getOrDefault(key, List.of(key)).get(0);
    }

    private static Map<String, List<String>> load() {
        Properties p = new Properties();
        try (InputStream in = KeyLabels.class.getResourceAsStream("labels.properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException | NullPointerException e) {
            throw new UncheckedIOException("the key labels are missing from the jar", new IOException(e));
        }
        Map<String, List<String>> out = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> out.put(k, List.of(p.getProperty(k).split("、"))));
        return out;
    }
}
