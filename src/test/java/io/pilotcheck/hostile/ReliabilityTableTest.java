package io.pilotcheck.hostile;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reliability page ({@code docs/reliability.md}) holds the hostile-input suite's outcome table,
 * generated here and never typed: this test fails when the page differs from what the suite gives
 * today.
 * {@code mvn test -Dtest=ReliabilityTableTest -Dfuzz.skip=true -Dpilotcheck.regenerate=true}
 * rewrites the section.
 */
class ReliabilityTableTest {

    static final String BEGIN = "<!-- reliability:begin (generated from the hostile-input suite by ReliabilityTableTest; do not edit) -->";
    static final String END = "<!-- reliability:end -->";

    /** The section between the markers, markers included. */
    static String table(List<HostileSuite.Result> results) {
        StringBuilder md = new StringBuilder(BEGIN).append('\n');
        String section = null;
        for (HostileSuite.Result r : results) {
            if (!r.kase().section().equals(section)) {
                section = r.kase().section();
                md.append('\n').append("**").append(section).append("**\n\n")
                        .append("| Input | Outcome | Message (`--lang en`) |\n|---|---|---|\n");
            }
            String message = r.outcome().message().isEmpty() ? "—" : cell(r.outcome().message());
            md.append("| ").append(cell(r.kase().input())).append(" | `").append(r.outcome().result()).append("` | ")
                    .append(message).append(" |\n");
        }
        return md.append('\n').append(END).toString();
    }

    private static String cell(String text) {
        // Which rule fired last when the time limit struck depends on the machine's timing.
        return text.replace("\n", " ").replace("|", "\\|")
                .replaceAll("\\(last rule fired: [A-Z0-9-]+; a loop\\?\\)", "(last rule fired: …; a loop?)");
    }

    @Test
    void theReadmeReliabilityTableIsTheSuitesOutcome() throws IOException {
        Path page = Path.of("docs/reliability.md");
        String text = Files.readString(page, StandardCharsets.UTF_8);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        assertThat(begin).as("docs/reliability.md has the reliability markers").isNotNegative();
        assertThat(end).isGreaterThan(begin);
        String current = text.substring(begin, end + END.length());
        String generated = table(HostileSuite.results());
        if (Boolean.getBoolean("pilotcheck.regenerate")) {
            Files.writeString(page, text.replace(current, generated), StandardCharsets.UTF_8);
            current = generated;
        }
        assertThat(current).as("docs/reliability.md's reliability table is stale: regenerate it with "
                + "mvn test -Dtest=ReliabilityTableTest -Dfuzz.skip=true -Dpilotcheck.regenerate=true").isEqualTo(generated);
    }
}
