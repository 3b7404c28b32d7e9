package io.pilotcheck.dossier;

import io.pilotcheck.source.ProblemWords;

import static io.pilotcheck.finding.BuiltInChecks.MISSING_REQUIRED;
import static io.pilotcheck.finding.BuiltInChecks.NOT_LISTED;

import io.pilotcheck.source.SourceLocation;
import io.pilotcheck.source.YamlNode;
import io.pilotcheck.source.YamlProblem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds a located YAML tree to a {@link Dossier}, following {@code dossier-format.md} field by
 * field. This class is the single place that knows the format's keys and types.
 */
final class DossierBinder {


    /** Words allowed in {@code low_carbon_plan.levers}. */
    static final List<String> LEVERS = List.of("industrial_structure", "energy_structure", "energy_conservation",
            "carbon_sinks");
    /** Words allowed in {@code policies}. */
    static final List<String> POLICIES = List.of("industrial", "fiscal", "technology");
    /** Words allowed in {@code data_system}. */
    static final List<String> DATA_SYSTEM = List.of("statistics", "monitoring", "accounting");
    /** Words allowed in {@code innovations[].status}. */
    static final List<String> STATUSES = List.of("planned", "in_progress", "achieved");

    private DossierBinder() {
    }

    static Dossier bind(String file, YamlNode root, List<YamlProblem> problems, SourceLocation start) {
        SourceMap.Builder sources = new SourceMap.Builder();
        if (!(root instanceof YamlNode.Mapping mapping)) {
            problems.add(new YamlProblem(io.pilotcheck.source.YamlTreeReader.SYNTAX, ProblemWords.zh("notMapping", "found", root.kindName()),
                    ProblemWords.en("notMapping", "found", root.kindName()), "", root.location()));
            return null;
        }
        MappingReader top = new MappingReader("", mapping, sources, problems);
        Integer version = top.integer("dossier_version");
        if (version != null && version != 1) {
            problems.add(new YamlProblem(NOT_LISTED, ProblemWords.zh("badVersion", "version", version),
                    ProblemWords.en("badVersion", "version", version), "dossier_version",
                    mapping.entries().get("dossier_version").value().location()));
        }
        String city = top.string("city");
        if (city == null && !top.given("city")) {
            // Written empty, it is as missing as when not written; located at the key then.
            problems.add(new YamlProblem(MISSING_REQUIRED, ProblemWords.zh("noCity"), ProblemWords.en("noCity"), "city",
                    top.has("city") ? mapping.entries().get("city").keyLocation() : start));
        }
        Dossier d = new Dossier(file, version, city, top.string("province"), top.integer("pilot_no"),
                top.bool("starred"), top.date("as_of"), top.year("peak_target_year"),
                implementationPlan(top.mapping("implementation_plan")), top.date("pilot_launched"),
                lowCarbonPlan(top.mapping("low_carbon_plan")), targetAssessment(top.mapping("target_assessment")),
                innovations(top), top.enumList("policies", POLICIES), governance(top.mapping("governance")),
                inventories(top), top.enumList("data_system", DATA_SYSTEM), emissions(top), annualReports(top),
                top.date("phase_summary_submitted"), sources.build(file, start));
        top.finish();
        return d;
    }

    private static ImplementationPlan implementationPlan(MappingReader r) {
        ImplementationPlan p = new ImplementationPlan(r.date("finalized"), r.date("revision_submitted"),
                r.bool("expert_review_addressed"));
        r.finish();
        return p;
    }

    private static LowCarbonPlan lowCarbonPlan(MappingReader r) {
        LowCarbonPlan p = new LowCarbonPlan(r.date("adopted"), r.year("peak_year"), r.bool("in_development_plan"),
                r.bool("in_government_work"), r.enumList("levers", LEVERS), r.bool("urbanization"));
        r.finish();
        return p;
    }

    private static TargetAssessment targetAssessment(MappingReader r) {
        TargetAssessment t = new TargetAssessment(r.bool("allocated_to_districts"),
                r.bool("allocated_to_key_enterprises"), r.date("method_issued"), r.bool("tracking_evaluation"));
        r.finish();
        return t;
    }

    private static Governance governance(MappingReader r) {
        Governance g = new Governance(r.bool("leading_group"), r.bool("coordination_mechanism"),
                r.bool("principal_leader_in_charge"));
        r.finish();
        return g;
    }

    private static List<Innovation> innovations(MappingReader top) {
        List<Innovation> out = new ArrayList<>();
        for (MappingReader r : top.mappings("innovations")) {
            out.add(new Innovation(out.size(), r.integer("focus"), r.enumValue("status", STATUSES),
                    r.string("evidence")));
            r.finish();
        }
        return List.copyOf(out);
    }

    private static List<GhgInventory> inventories(MappingReader top) {
        List<GhgInventory> out = new ArrayList<>();
        for (MappingReader r : top.mappings("ghg_inventory")) {
            out.add(new GhgInventory(out.size(), r.year("year"), r.date("completed")));
            r.finish();
        }
        return List.copyOf(out);
    }

    private static List<EmissionRecord> emissions(MappingReader top) {
        List<EmissionRecord> out = new ArrayList<>();
        for (MappingReader r : top.mappings("emissions")) {
            out.add(new EmissionRecord(out.size(), r.year("year"), r.number("mt_co2e")));
            r.finish();
        }
        return List.copyOf(out);
    }

    private static List<AnnualReport> annualReports(MappingReader top) {
        List<AnnualReport> out = new ArrayList<>();
        for (MappingReader r : top.mappings("annual_reports")) {
            out.add(new AnnualReport(out.size(), r.year("year"), r.date("submitted")));
            r.finish();
        }
        return List.copyOf(out);
    }
}
