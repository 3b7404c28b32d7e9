package io.pilotcheck.facts;

import io.pilotcheck.dossier.Dossier;
import io.pilotcheck.finding.Finding;
import io.pilotcheck.words.Language;
import io.pilotcheck.finding.Message;
import io.pilotcheck.finding.Severity;
import io.pilotcheck.registry.PilotCity;
import io.pilotcheck.rules.RuleInfo;
import org.apache.commons.text.StringSubstitutor;
import org.kie.api.runtime.rule.RuleContext;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The DRL global {@code findings}: rule consequences report through it, naming only the dossier
 * path concerned and the values their message needs. Everything else a finding carries (id,
 * severity, clause, both languages' text, location) comes from the firing rule's metadata and the
 * dossier's source map, so a consequence stays one line and a rule's words stay in its metadata.
 *
 * <p>Message templates name values in braces: {@code {city}}, {@code {due}}, {@code {days}},
 * {@code {date}} (deadline rules), {@code {as_of}}, and whatever the consequence passes as
 * name/value pairs. A value that is a {@link Message} is shown in the report's language.
 */
public final class FindingCollector {

    private final Dossier dossier;
    private final PilotCity city;
    private final LocalDate asOf;
    private final Map<String, RuleInfo> rules;
    private final List<Finding> findings = new ArrayList<>();

    /** A collector for one dossier's session. */
    public FindingCollector(Dossier dossier, PilotCity city, LocalDate asOf, Map<String, RuleInfo> rules) {
        this.dossier = dossier;
        this.city = city;
        this.asOf = asOf;
        this.rules = rules;
    }

    /** A finding with the rule's own severity and main message. */
    public void add(RuleContext rule, String path, Object... args) {
        report(rule, null, "", path, args);
    }

    /** A finding with the rule's severity and the message variant {@code @message_<variant>_zh/en}. */
    public void variant(RuleContext rule, String variant, String path, Object... args) {
        report(rule, null, variant, path, args);
    }

    /**
     * A finding for a requirement with a deadline: overdue gives the rule's severity and main
     * message, late the {@code late} variant, not yet due {@code pending} severity and the
     * {@code pending} variant. Adds {@code {due}}, {@code {days}} and {@code {date}}.
     */
    public void deadline(RuleContext rule, String path, DeadlineStatus status, Object... args) {
        Object[] all = withDates(args, status);
        switch (status.state()) {
            case MISSING -> report(rule, null, "", path, all);
            case LATE -> report(rule, null, "late", path, all);
            case PENDING -> report(rule, Severity.PENDING, "pending", path, all);
            case MET -> { /* nothing to report: a rule matched a status it should have filtered out */ }
        }
    }

    /**
     * A finding for a requirement whose dossier entry records no date of doing (a yes/no value, a
     * part of a list), judged against an assumed due date ({@link Evaluation#undone}). Not yet due
     * gives {@code pending} severity and variant; overdue gives the rule's severity with the main
     * message when the dossier does not write {@code path} at all ("not reported") and the
     * {@code false} variant when it does ("reported as not done"). Adds {@code {due}} and
     * {@code {days}}.
     */
    public void unmet(RuleContext rule, String path, DeadlineStatus status, Object... args) {
        Object[] all = withDates(args, status);
        switch (status.state()) {
            case PENDING -> report(rule, Severity.PENDING, "pending", path, all);
            case MISSING -> report(rule, null, dossier.reported(path) ? "false" : "", path, all);
            case LATE, MET -> { /* done: nothing to report */ }
        }
    }

    /** The general form: an explicit severity (null for the rule's own) and message variant. */
    public void report(RuleContext rule, Severity severity, String variant, String path, Object... args) {
        RuleInfo info = rules.get(rule.getRule().getName());
        if (info == null) {
            throw new IllegalStateException("no metadata for rule " + rule.getRule().getName());
        }
        Message message = new Message(format(info.template(variant, Language.ZH), Language.ZH, args),
                format(info.template(variant, Language.EN), Language.EN, args));
        findings.add(new Finding(info.id(), severity != null ? severity : info.severity(), info.clause(), message,
                path, dossier.sources().locate(path)));
    }

    private static Object[] withDates(Object[] args, DeadlineStatus status) {
        Object[] all = new Object[args.length + 6];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "due";
        all[args.length + 1] = status.due();
        all[args.length + 2] = "days";
        all[args.length + 3] = status.days();
        all[args.length + 4] = "date";
        all[args.length + 5] = status.done() == null ? "" : status.done();
        return all;
    }

    /** What the session reported. */
    public List<Finding> findings() {
        return List.copyOf(findings);
    }

    private static final java.util.regex.Pattern ONE_DAYS = java.util.regex.Pattern.compile("(?<pre>^|[^\\d.])1 days\\b");

    private String format(String template, Language lang, Object[] args) {
        Map<String, String> values = new HashMap<>();
        values.put("city", lang == Language.EN && city != null ? city.nameEn()
                : city != null ? city.name() : String.valueOf(dossier.city()));
        values.put("as_of", asOf.toString());
        for (int i = 0; i + 1 < args.length; i += 2) {
            values.put(String.valueOf(args[i]), show(args[i + 1], lang));
        }
        String text = fill(template, values);
        // Templates say "{days} days"; English wants the singular for one.
        return lang == Language.EN && text.contains("1 days") ? ONE_DAYS.matcher(text).replaceAll("${pre}1 day") : text;
    }

    /**
     * Replaces each {@code {name}} that has a value, leaving other braces as written. A template
     * with anything subtler (an escape, a default, nested braces) goes to commons-text, whose
     * rules these are; the plain ones, nearly all, skip its set-up on every finding.
     */
    static String fill(String template, Map<String, String> values) {
        if (template.indexOf('$') >= 0 || template.contains(":-")) {
            return substitutor(values).replace(template);
        }
        StringBuilder out = new StringBuilder(template.length() + 32);
        int from = 0;
        while (true) {
            int open = template.indexOf('{', from);
            int close = open < 0 ? -1 : template.indexOf('}', open + 1);
            if (close < 0) {
                return out.append(template, from, template.length()).toString();
            }
            if (template.lastIndexOf('{', close - 1) != open) {
                return substitutor(values).replace(template);
            }
            String value = values.get(template.substring(open + 1, close));
            out.append(template, from, value == null ? close + 1 : open);
            if (value != null) {
                out.append(value);
            }
            from = close + 1;
        }
    }

    private static StringSubstitutor substitutor(Map<String, String> values) {
        StringSubstitutor sub = new StringSubstitutor(values, "{", "}");
        sub.setDisableSubstitutionInValues(true);
        return sub;
    }

    /** How a message lists several values ({@code Words.properties} beside this class). */
    private static final io.pilotcheck.words.Words LIST = io.pilotcheck.words.Words.of("io.pilotcheck.facts.Words");

    private static String show(Object v, Language lang) {
        if (v instanceof Message m) {
            return m.in(lang);
        }
        if (v instanceof Collection<?> c) {
            return c.stream().map(x -> show(x, lang)).collect(Collectors.joining(LIST.get("listSeparator", lang)));
        }
        return String.valueOf(v);
    }
}
