package io.pilotcheck.check;

import io.pilotcheck.TestRules;
import io.pilotcheck.dossier.DossierTemplate;
import io.pilotcheck.finding.DossierResult;
import io.pilotcheck.finding.Finding;
import io.pilotcheck.registry.PilotCity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An empty value means "not given", exactly as a missing key does (issue 23, item 1: an empty
 * {@code leading_group:} read as "reports that it has none"). Walks every field of the
 * {@code init} template, for a starred and an unstarred pilot, and checks the template two ways
 * for each: the field written empty ({@code key:}) and deleted with everything under it. The
 * findings, words included, must be the same; only their locations may differ. An explicit
 * {@code false} or {@code []} is an answer ("no", "none") and keeps its own words, so the
 * untouched template writes neither.
 */
class EmptyFieldTest {

    private static final Pattern FIELD = Pattern.compile("^( *)([a-z_]+):(.*)$");
    private static final LocalDate AS_OF = LocalDate.of(2020, 6, 30);

    /** One field of the template: its line, and how many lines below belong to it. */
    private record Field(int line, String indent, String key, String value, int children) {
        String path(List<String> lines) {
            return key + " (line " + (line + 1) + ": " + lines.get(line).trim() + ")";
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"大连市", "沈阳市"})
    void anEmptyFieldGivesTheFindingsOfAMissingOne(String city) {
        PilotCity pilot = TestRules.book().registry().find(city).orElseThrow();
        List<String> lines = DossierTemplate.forPilot(pilot, AS_OF, "x.yaml").lines().toList();
        List<Field> fields = fields(lines);
        assertThat(fields).as("fields found in the template").hasSizeGreaterThan(30);
        // An empty list says "none", as false does: an untouched template must not say it.
        assertThat(fields).as("fields the template fills for the city").allSatisfy(f -> assertThat(f.value()).isNotEqualTo("[]"));
        List<String> differences = new ArrayList<>();
        for (Field f : fields) {
            List<String> absent = findings(without(lines, f, null));
            List<String> empty = findings(without(lines, f, f.indent() + f.key() + ":"));
            if (!absent.equals(empty)) {
                differences.add(f.path(lines) + " empty: " + minus(empty, absent) + " absent: " + minus(absent, empty));
            }
        }
        assertThat(differences).isEmpty();
    }

    /** Every key of the template outside list items' first keys, which cannot go alone. */
    private static List<Field> fields(List<String> lines) {
        List<Field> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = FIELD.matcher(lines.get(i));
            if (!m.matches()) {
                continue;
            }
            String value = m.group(3).replaceAll("#.*", "").trim();
            int depth = m.group(1).length();
            int children = 0;
            for (int j = i + 1; j < lines.size(); j++) {
                String next = lines.get(j);
                String body = next.replaceAll("#.*", "").trim();
                if (body.isEmpty()) {
                    if (next.trim().isEmpty()) {
                        break;
                    }
                    children++;
                    continue;
                }
                int d = next.length() - next.stripLeading().length();
                if (d <= depth) {
                    break;
                }
                children++;
            }
            out.add(new Field(i, m.group(1), m.group(2), value, value.isEmpty() ? children : 0));
        }
        return out;
    }

    /** The template with a field (and what is under it) replaced by {@code line}, or deleted. */
    private static String without(List<String> lines, Field f, String line) {
        List<String> out = new ArrayList<>(lines.subList(0, f.line()));
        if (line != null) {
            out.add(line);
        }
        out.addAll(lines.subList(f.line() + 1 + f.children(), lines.size()));
        return String.join("\n", out) + "\n";
    }

    /** What a reader sees of each finding: the rule, the severity and the words, not where. */
    private static List<String> findings(String yaml) {
        DossierResult r = TestRules.check(yaml, null);
        return r.findings().stream().map(EmptyFieldTest::seen).sorted().toList();
    }

    private static String seen(Finding f) {
        return f.ruleId() + " " + f.severity() + " " + f.message().zh() + " | " + f.message().en();
    }

    private static List<String> minus(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.removeAll(b);
        return out;
    }
}
