package io.pilotcheck.waiver;

import io.pilotcheck.source.Suggestions;
import io.pilotcheck.finding.Waiver;
import io.pilotcheck.registry.PilotCity;
import io.pilotcheck.registry.PilotRegistry;
import io.pilotcheck.source.RuleInputException;
import io.pilotcheck.source.RuleInputException.Problem;
import io.pilotcheck.source.CollectingYaml;
import io.pilotcheck.source.RuleYaml;
import io.pilotcheck.source.YamlNode;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Reads a {@code waivers.yaml}. Strict, like the rule inputs: an unknown key, city or rule id, a
 * missing reason, approver or expiry, or a date that is not one is a located problem and the run
 * stops with exit 2, because a waiver that silently matched nothing would hide that the gap it
 * names is still open.
 *
 * <pre>
 * waivers:
 *   - city: 大连市                    # annex name, or English name
 *     rule: LCP-INV-02
 *     dossier: fixtures/dalian.yaml   # optional: only findings in this file
 *     reason: 2015 年清单在编，省厅已同意延期
 *     approver: 省发展改革委气候处 张三
 *     expires: 2027-06-30             # last day the waiver holds
 * </pre>
 */
public final class WaiverFile {

    private static final List<String> KEYS = List.of("city", "rule", "dossier", "reason", "approver", "expires");

    private WaiverFile() {
    }

    /**
     * Reads every waiver of the file.
     *
     * @param display   how messages name the file
     * @param ruleIds   the rule ids a waiver may name (the loaded rules; errors cannot be waived)
     * @param registry  the pilots a waiver may name
     * @throws RuleInputException with every problem, located
     */
    public static List<Waiver> read(Path file, String display, Collection<String> ruleIds, PilotRegistry registry)
            throws RuleInputException {
        YamlNode.Mapping root = RuleYaml.mapping(RuleYaml.read(file, display), display);
        List<Problem> problems = new ArrayList<>();
        root.entries().values().stream().filter(e -> !e.key().equals("waivers"))
                .forEach(e -> problems.add(new Problem(e.keyLocation(), "unknown key '" + e.key()
                        + "': a waivers file has only 'waivers:', a list")));
        List<Waiver> out = new ArrayList<>();
        for (YamlNode item : RuleYaml.list(RuleYaml.required(root, "waivers", display), "waivers")) {
            try {
                out.add(waiver(RuleYaml.mapping(item, "a waiver"), ruleIds, registry));
            } catch (RuleInputException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleInputException(problems);
        }
        return out;
    }

    private static Waiver waiver(YamlNode.Mapping m, Collection<String> ruleIds, PilotRegistry registry)
            throws RuleInputException {
        List<Problem> problems = new ArrayList<>();
        CollectingYaml yaml = new CollectingYaml(problems);
        for (YamlNode.Entry e : m.entries().values()) {
            if (!KEYS.contains(e.key())) {
                problems.add(new Problem(e.keyLocation(), "unknown key '" + e.key() + "' in a waiver"
                        + Suggestions.didYouMean(Suggestions.closest(e.key(), KEYS, 1)) + "; a waiver has " + String.join(", ", KEYS)));
            }
        }
        String city = yaml.text(m, "city", "a waiver");
        String rule = yaml.text(m, "rule", "a waiver");
        String reason = yaml.text(m, "reason", "a waiver");
        String approver = yaml.text(m, "approver", "a waiver");
        LocalDate expires = yaml.text(m, "expires", "a waiver") == null ? null
                : yaml.date(m.entries().get("expires").value(), "expires");
        String dossier = m.entries().containsKey("dossier") ? yaml.text(m, "dossier", "a waiver") : null;
        Optional<PilotCity> pilot = city == null ? Optional.empty() : registry.find(city);
        if (city != null && pilot.isEmpty()) {
            yaml.problem(m.entries().get("city").value().location(), "'" + city
                    + "' is not one of the 45 pilots" + Suggestions.didYouMean(registry.suggest(city)));
        }
        if (rule != null && !ruleIds.contains(rule)) {
            yaml.problem(m.entries().get("rule").value().location(), "no rule has the id '" + rule + "'"
                    + Suggestions.didYouMean(Suggestions.closest(rule, ruleIds, 1)));
        }
        if (!problems.isEmpty()) {
            throw new RuleInputException(problems);
        }
        return new Waiver(pilot.orElseThrow().name(), rule, dossier, reason, approver, expires, m.location());
    }
}
