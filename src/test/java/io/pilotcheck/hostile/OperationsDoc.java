package io.pilotcheck.hostile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The blocks of docs/operations.md that tests run as they stand, found between their markers. */
final class OperationsDoc {

    private OperationsDoc() {
    }

    /** The code block of language {@code lang} between {@code <!-- NAME:begin …-->} and {@code <!-- NAME:end -->}. */
    static String block(String name, String lang) throws IOException {
        String doc = Files.readString(Path.of("docs/operations.md"));
        Matcher m = Pattern.compile("<!-- " + name + ":begin[^>]*-->\\s*```" + lang + "\\n(.*?)```\\s*<!-- " + name + ":end -->",
                Pattern.DOTALL).matcher(doc);
        assertThat(m.find()).as("docs/operations.md's " + name + " block").isTrue();
        return m.group(1);
    }
}
