package io.pilotcheck.explain;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** Where a key is set in a YAML file of the rules folder, as {@code file:line}, for explanations. */
final class TextLines {

    private TextLines() {
    }

    /** {@code file:line} of the first line that sets {@code key}, or the file name alone. */
    static String where(Path file, String key) {
        Pattern p = Pattern.compile("^\\s*(?:-\\s*)?(?:name:\\s*)?" + Pattern.quote(key) + "\\s*(?:[:,}].*)?");
        String name = file.toString().replace('\\', '/');
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (p.matcher(lines.get(i)).matches() && !lines.get(i).trim().startsWith("#")) {
                    return name + ":" + (i + 1);
                }
            }
        } catch (IOException e) {
            return name;
        }
        return name;
    }
}
