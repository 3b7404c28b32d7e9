package io.pilotcheck.registry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A name written in traditional characters (瀋陽市), in simplified ones (沈阳市), for the
 * characters of the pilots' names: a reviewer in Hong Kong or Taiwan, or a form filled in with a
 * traditional input method, still names the pilot. The pairs are {@code traditional.txt}; a
 * converter library's dictionaries would be megabytes for a few dozen names.
 */
final class Simplified {

    private static final Map<Character, Character> PAIRS = load();

    private Simplified() {
    }

    /** {@code name} with each traditional character of the table replaced by its simplified form. */
    static String of(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            b.append(PAIRS.getOrDefault(c, c));
        }
        return b.toString();
    }

    private static Map<Character, Character> load() {
        Map<Character, Character> pairs = new HashMap<>();
        try (InputStream in = Simplified.class.getResourceAsStream("traditional.txt");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.length() == 2 && !line.startsWith("#")) {
                    pairs.put(line.charAt(0), line.charAt(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the traditional-character table is missing from the jar", e);
        }
        return pairs;
    }
}
