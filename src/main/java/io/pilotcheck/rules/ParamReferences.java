package io.pilotcheck.rules;

import io.pilotcheck.source.RuleInputException;

import io.pilotcheck.source.Suggestions;
import io.pilotcheck.source.SourceLocation;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks every parameter a rule names ({@code $p.date("plan_due")}, {@code $p.parts("levers")})
 * against {@code params.yaml} before any dossier is checked. Drools evaluates such calls only when
 * a rule gets that far, so a misspelt name would otherwise fail on some dossiers and not others.
 */
public final class ParamReferences {

    private static final Pattern CALL = Pattern.compile("\\.(date|integer|dayIn|parts|label)\\(\\s*\"([^\"]*)\"");

    private ParamReferences() {
    }

    /**
     * The parameters a rule of a DRL text names, in order of first use; label groups as
     * {@code labels.<group>}. For documentation.
     */
    public static java.util.Set<String> ofRule(String drlText, String ruleName) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (DrlDiagnosis.DrlRule r : DrlDiagnosis.rules(drlText)) {
            if (r.name().equals(ruleName)) {
                Matcher m = CALL.matcher(drlText.substring(r.start(), r.end()));
                while (m.find()) {
                    out.add((m.group(1).equals("parts") || m.group(1).equals("label") ? "labels." : "") + m.group(2));
                }
            }
        }
        return out;
    }

    /** Every reference to a parameter that is missing or of another type, located in its DRL file. */
    static List<RuleInputException.Problem> problems(Path dir, Map<String, String> sources, Params params) {
        List<RuleInputException.Problem> out = new ArrayList<>();
        sources.forEach((rel, text) -> {
            List<DrlDiagnosis.DrlRule> rules = DrlDiagnosis.rules(text);
            Matcher m = CALL.matcher(text);
            while (m.find()) {
                String problem = check(m.group(1), m.group(2), params);
                if (problem != null) {
                    int line = DrlDiagnosis.lineOf(text, m.start(2));
                    int col = m.start(2) - text.lastIndexOf('\n', m.start(2) - 1);
                    String rule = rules.stream().filter(r -> r.start() <= m.start() && m.start() < r.end())
                            .map(r -> "rule \"" + r.name() + "\": ").findFirst().orElse("");
                    out.add(new RuleInputException.Problem(
                            new SourceLocation(DrlDiagnosis.display(dir, rel), line, col), rule + problem));
                }
            }
        });
        return out;
    }

    private static String check(String call, String name, Params params) {
        boolean group = call.equals("parts") || call.equals("label");
        if (group) {
            if (params.labels().containsKey(name)) {
                return null;
            }
            return "params.yaml has no label group '" + name + "'" + near(name, params.labels().keySet());
        }
        Object value = params.values().get(name);
        if (value == null) {
            return "params.yaml has no parameter '" + name + "'" + near(name, params.values().keySet());
        }
        Class<?> wanted = switch (call) {
            case "date" -> LocalDate.class;
            case "integer" -> Integer.class;
            default -> MonthDay.class;
        };
        if (!wanted.isInstance(value)) {
            return "parameter '" + name + "' is " + kind(value.getClass()) + ", but " + call + "() reads "
                    + kind(wanted);
        }
        return null;
    }

    private static String kind(Class<?> c) {
        return c == LocalDate.class ? "a date" : c == Integer.class ? "a whole number" : "a month-day";
    }

    private static String near(String name, java.util.Collection<String> known) {
        List<String> close = Suggestions.closest(name, known, 3);
        return close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?";
    }
}
