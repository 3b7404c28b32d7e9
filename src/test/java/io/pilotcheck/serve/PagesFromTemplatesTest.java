package io.pilotcheck.serve;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's pages come from templates ({@code src/main/jte}), which escape every value by
 * where it lands: no Java source of the service writes an HTML tag, so none can forget to escape.
 */
class PagesFromTemplatesTest {

    /** An opening or closing tag, or a comment. */
    private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][a-zA-Z0-9]*(\\s[^>]*)?/?>|<!--");

    /** A string literal on one line. */
    private static final Pattern LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");

    /** The text of the string literals and text blocks of Java source lines, a line each. */
    static List<String> literals(List<String> lines) {
        List<String> out = new ArrayList<>();
        boolean block = false;
        for (String line : lines) {
            String code = line.strip();
            if (block) {
                out.add(code.contains("\"\"\"") ? code.substring(0, code.indexOf("\"\"\"")) : code);
                block = !code.contains("\"\"\"");
                continue;
            }
            if (code.startsWith("*") || code.startsWith("/**") || code.startsWith("//")) {
                out.add(""); // Javadoc and comments may name tags
                continue;
            }
            if (code.endsWith("\"\"\"")) {
                block = true;
            }
            StringBuilder text = new StringBuilder();
            Matcher m = LITERAL.matcher(code);
            while (m.find()) {
                if (!m.group().startsWith("\"/")) { // a route's path: Javalin writes its parameters <so>
                    text.append(m.group()).append(' ');
                }
            }
            out.add(text.toString());
        }
        return out;
    }

    @Test
    void noJavaSourceOfTheServiceWritesAnHtmlTag() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/pilotcheck/serve"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                List<String> lines = Files.readAllLines(f);
                List<String> literals = literals(lines);
                for (int i = 0; i < lines.size(); i++) {
                    if (TAG.matcher(literals.get(i)).find()) {
                        found.add(f + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        assertThat(found).as("HTML tags written by Java code instead of a template").isEmpty();
    }

    @Test
    void theCheckFindsATagWrittenInJava() {
        List<String> found = literals(List.of("out.append(\"<td class=\\\"n\\\">\");", "String end = \"</tr>\";",
                "String page = \"\"\"", "    <p class=\"muted\">%s</p>", "    \"\"\";",
                "int at = report.indexOf(\"<body\");", "if (a < b && c > d) {", "List<String> names = List.of(\"a\");",
                " * the {@code <table>} of pilots"));
        assertThat(found.stream().map(l -> TAG.matcher(l).find()).toList())
                .containsExactly(true, true, false, true, false, false, false, false, false);
    }
}
