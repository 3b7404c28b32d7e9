package io.pilotcheck.facts;

import org.apache.commons.text.StringSubstitutor;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Message templates: the quick fill gives what commons-text gives, for every shipped template and odd ones. */
class FindingCollectorTest {

    @Test
    void fillingATemplateIsWhatCommonsTextDoes() throws IOException {
        List<String> templates = new ArrayList<>(List.of("", "plain", "{city}", "{city}{days} days", "{unknown} x",
                "{", "}", "{city", "city}", "a}{city}{", "{{city}}", "{}", "{ci{ty}", "${city}", "{city:-x}",
                "{nope:-fallback}", "{a.b}", "{city} {city}", "{due}：{date}{part}", "{city}}"));
        Pattern message = Pattern.compile("@message\\w*\\(\"((?:[^\"\\\\]|\\\\.)*)\"\\)");
        try (Stream<Path> drl = Files.list(Path.of("rules"))) {
            for (Path p : drl.filter(p -> p.toString().endsWith(".drl")).toList()) {
                Matcher m = message.matcher(Files.readString(p));
                while (m.find()) {
                    templates.add(m.group(1));
                }
            }
        }
        assertThat(templates).hasSizeGreaterThan(100);
        Map<String, String> values = Map.of("city", "乌海市", "days", "1", "due", "2017-02-28", "date", "",
                "part", "{city}", "a.b", "$x", "ci{ty", "?");
        for (String t : templates) {
            StringSubstitutor sub = new StringSubstitutor(values, "{", "}");
            sub.setDisableSubstitutionInValues(true);
            assertThat(FindingCollector.fill(t, values)).as(t).isEqualTo(sub.replace(t));
        }
    }
}
