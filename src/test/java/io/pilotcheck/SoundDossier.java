package io.pilotcheck;

/**
 * A dossier that meets every requirement on time as of 2020-06-30: starred 大连市, whose annex peak
 * is 2025 with three innovation focuses. Rule tests edit one thing in it (with
 * {@link TestRules#edit}) and expect exactly that rule to react. {@code annual_reports} stays the
 * last block so tests can append entries.
 */
public final class SoundDossier {

    /** The whole text. */
    public static final String DALIAN = """
            city: 大连市
            province: 辽宁
            pilot_no: 3
            starred: true
            as_of: 2020-06-30
            implementation_plan:
              finalized: 2017-02-20
              revision_submitted: 2017-01-20
              expert_review_addressed: true
            low_carbon_plan:
              adopted: 2017-08-01
              peak_year: 2025
              in_development_plan: true
              in_government_work: true
              levers: [industrial_structure, energy_structure, energy_conservation, carbon_sinks]
              urbanization: true
            peak_target_year: 2025
            pilot_launched: 2017-02-15
            target_assessment:
              allocated_to_districts: true
              allocated_to_key_enterprises: true
              method_issued: 2017-11-01
              tracking_evaluation: true
            innovations:
              - focus: 1
                status: achieved
              - focus: 2
                status: in_progress
              - focus: 3
                status: in_progress
            policies: [industrial, fiscal, technology]
            governance:
              leading_group: true
              coordination_mechanism: true
              principal_leader_in_charge: true
            data_system: [statistics, monitoring, accounting]
            emissions:
              - {year: 2015, mt_co2e: 41.2}
              - {year: 2016, mt_co2e: 42.0}
              - {year: 2017, mt_co2e: 42.3}
              - {year: 2018, mt_co2e: 42.9}
              - {year: 2019, mt_co2e: 43.1}
            phase_summary_submitted: 2020-01-15
            ghg_inventory:
              - year: 2015
                completed: 2016-11-30
              - year: 2018
                completed: 2019-10-15
            annual_reports:
              - year: 2017
                submitted: 2018-03-02
              - year: 2018
                submitted: 2019-03-28
              - year: 2019
                submitted: 2020-03-20
            """;

    private SoundDossier() {
    }
}
