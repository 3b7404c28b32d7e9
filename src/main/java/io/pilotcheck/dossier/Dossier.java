package io.pilotcheck.dossier;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one pilot city has done under the notice, as of a date: one YAML file of the format in
 * {@code dossier-format.md}. Immutable; absent values are {@code null} (scalars) or empty
 * (lists, sub-records), and {@link #reported} tells "absent" from "written as empty".
 *
 * @param file                   the file as the user named it
 * @param dossierVersion         format version (1)
 * @param city                   the city as written (annex name or English name)
 * @param province               as stated; checked against the annex
 * @param pilotNo                序号 as stated
 * @param starred                conditionally approved flag as stated
 * @param asOf                   the date the facts are current to
 * @param peakTargetYear         the city's own committed peak year
 * @param implementationPlan     试点实施方案
 * @param pilotLaunched          启动试点
 * @param lowCarbonPlan          低碳发展规划
 * @param targetAssessment       目标考核制度
 * @param innovations            initiatives by focus
 * @param policies               policy kinds issued
 * @param governance             organisation and leadership
 * @param ghgInventory           inventories compiled
 * @param dataSystem             parts of the emission data system in place
 * @param emissions              optional emissions series
 * @param annualReports          yearly progress reports
 * @param phaseSummarySubmitted  2017–2019 phase summary submitted
 * @param sources                where each value was written
 */
public record Dossier(String file, Integer dossierVersion, String city, String province, Integer pilotNo,
                      Boolean starred, LocalDate asOf, Integer peakTargetYear,
                      ImplementationPlan implementationPlan, LocalDate pilotLaunched, LowCarbonPlan lowCarbonPlan,
                      TargetAssessment targetAssessment, List<Innovation> innovations, List<String> policies,
                      Governance governance, List<GhgInventory> ghgInventory, List<String> dataSystem,
                      List<EmissionRecord> emissions, List<AnnualReport> annualReports,
                      LocalDate phaseSummarySubmitted, SourceMap sources) {

    /** Whether the dossier wrote this path at all: tells "not reported" from "reported as not done". */
    public boolean reported(String path) {
        return sources.has(path);
    }

    /** The earliest completion date among the inventories, or null: when an inventory first existed. */
    public LocalDate firstInventoryCompleted() {
        return ghgInventory.stream().map(GhgInventory::completed).filter(Objects::nonNull)
                .min(LocalDate::compareTo).orElse(null);
    }

    /** Every date the dossier states other than {@code as_of}, in file-format order. */
    public List<DatedEntry> dates() {
        List<DatedEntry> out = new ArrayList<>();
        dated(out, "implementation_plan.finalized", implementationPlan.finalized());
        dated(out, "implementation_plan.revision_submitted", implementationPlan.revisionSubmitted());
        dated(out, "pilot_launched", pilotLaunched);
        dated(out, "low_carbon_plan.adopted", lowCarbonPlan.adopted());
        dated(out, "target_assessment.method_issued", targetAssessment.methodIssued());
        ghgInventory.forEach(g -> dated(out, g.path() + ".completed", g.completed()));
        annualReports.forEach(r -> dated(out, r.path() + ".submitted", r.submitted()));
        dated(out, "phase_summary_submitted", phaseSummarySubmitted);
        return out;
    }

    private static void dated(List<DatedEntry> out, String path, LocalDate date) {
        if (date != null) {
            out.add(new DatedEntry(path, date));
        }
    }

    /** The earliest submission date of a report on {@code year}, or null when none is dated. */
    public LocalDate reportSubmitted(int year) {
        return annualReports.stream().filter(r -> r.year() != null && r.year() == year)
                .map(AnnualReport::submitted).filter(Objects::nonNull)
                .min(LocalDate::compareTo).orElse(null);
    }
}
