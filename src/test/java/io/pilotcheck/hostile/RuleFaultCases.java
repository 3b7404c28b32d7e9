package io.pilotcheck.hostile;

import io.pilotcheck.TestRules;
import io.pilotcheck.check.EngineLimits;
import io.pilotcheck.dossier.LoadLimits;
import io.pilotcheck.hostile.HostileSuite.Case;
import io.pilotcheck.rules.RuleBook;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.pilotcheck.hostile.HostileSuite.cli;
import static io.pilotcheck.hostile.HostileSuite.dossier;

/**
 * Faults in what rule authors edit: a rule that throws or loops (the dossier is an {@code error}
 * naming the rule, its neighbour is checked as ever) and rule files that do not parse (exit 2,
 * located).
 */
final class RuleFaultCases {

    private static final String SECTION = "Rules that fail";
    private static final Map<String, Path> DALIAN = Map.of("fixtures/03-dalian.yaml", Path.of("fixtures", "03-dalian.yaml"));

    private RuleFaultCases() {
    }

    /** A rule for Dalian only (so the neighbour, Shenyang, is untouched) with the given consequence. */
    private static String rule(String id, String consequence) {
        return """
                package rules;
                import io.pilotcheck.dossier.Dossier;
                rule "%1$s a faulty rule"
                    @id("%1$s")
                    @severity("violation")
                    @clause("一")
                    @title_zh("故障规则")
                    @title_en("A faulty rule")
                    @notice("以实现碳排放峰值目标")
                    @message_zh("不会出现")
                    @message_en("never shown")
                when
                    $d : Dossier( city == "大连市" )
                then
                    %2$s
                end
                """.formatted(id, consequence);
    }

    static List<Case> all() {
        return List.of(
                new Case(SECTION, "A rule whose consequence throws", "LCP-ENGINE-01 at 1:1 (×1)", s -> {
                    RuleBook book = HostileSuite.rulesWith(s, rule("LCP-FAULT-01", "Integer.parseInt(\"二〇一七\");"));
                    return dossier(DALIAN, book, LoadLimits.DEFAULT, EngineLimits.DEFAULT);
                }),
                new Case(SECTION, "A rule that re-fires forever (`update` of its own fact), stopped at 10,000 firings",
                        "LCP-ENGINE-01 at 1:1 (×1)", s -> {
                    RuleBook book = HostileSuite.rulesWith(s, rule("LCP-FAULT-02", "update($d);"));
                    return dossier(DALIAN, book, LoadLimits.DEFAULT, EngineLimits.DEFAULT);
                }),
                new Case(SECTION, "A rule that re-fires forever, slowly, stopped by the time limit (set to 1 s here; 10 s by default)",
                        "LCP-ENGINE-01 at 1:1 (×1)", s -> {
                    RuleBook book = HostileSuite.rulesWith(s, rule("LCP-FAULT-03",
                            "java.util.concurrent.locks.LockSupport.parkNanos(5_000_000L); update($d);"));
                    return dossier(DALIAN, book, LoadLimits.DEFAULT, new EngineLimits(10_000, Duration.ofSeconds(1)));
                }),
                new Case(SECTION, "A rule that inserts a fact of its own: it goes with its dossier, never to the next one "
                        + "checked in the same (reused) session", "checked: non_compliant", s -> {
                    String inserts = rule("LCP-FAULT-05", "insert(\"大连市的事实\");");
                    // fails the neighbour, checked next in the same session, should the fact outlive its dossier
                    String sees = rule("LCP-FAULT-06", "throw new IllegalStateException(\"a fact from another dossier\");")
                            .replace("$d : Dossier( city == \"大连市\" )",
                                    "String( this == \"大连市的事实\" )\n    Dossier( city != \"大连市\" )");
                    RuleBook book = HostileSuite.rulesWith(s, inserts + sees.substring(sees.indexOf("rule \"")));
                    return dossier(DALIAN, book, LoadLimits.DEFAULT, EngineLimits.DEFAULT);
                }),
                new Case(SECTION, "`params.yaml` that is not valid YAML", "exit 2", s -> {
                    Path rules = TestRules.copyRules(s);
                    Files.writeString(rules.resolve("params.yaml"), "notice:\n  launch_due: [2017-02-28\n");
                    return cli("check", "--rules", rules.toString(), "fixtures/02-shenyang.yaml");
                }),
                new Case(SECTION, "`params.yaml` with a duplicate key", "exit 2", s -> {
                    Path rules = TestRules.copyRules(s);
                    TestRules.edit(rules.resolve("params.yaml"), "  launch_due: 2017-02-28\n",
                            "  launch_due: 2017-02-28\n  launch_due: 2017-03-31\n");
                    return cli("check", "--rules", rules.toString(), "fixtures/02-shenyang.yaml");
                }),
                new Case(SECTION, "The registry (`pilot-cities.yaml`) cut off in the middle", "exit 2", s -> {
                    Path rules = TestRules.copyRules(s);
                    Path registry = rules.resolve("pilot-cities.yaml");
                    String text = Files.readString(registry);
                    Files.writeString(registry, text.substring(0, text.indexOf("name_en:", text.length() / 2) + 12));
                    return cli("check", "--rules", rules.toString(), "fixtures/02-shenyang.yaml");
                }),
                new Case(SECTION, "A DRL file that does not compile", "exit 2", s -> {
                    Path rules = TestRules.copyRules(s);
                    Files.writeString(rules.resolve("fault.drl"), rule("LCP-FAULT-04", "findings.add(kcontext);")
                            .replace("Dossier( city", "Dossier( cty"));
                    return cli("check", "--rules", rules.toString(), "fixtures/02-shenyang.yaml");
                }));
    }
}
