package io.pilotcheck.generate;

import io.pilotcheck.registry.InnovationFocus;
import io.pilotcheck.registry.PilotCity;
import io.pilotcheck.registry.PilotRegistry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Synthetic, realistic city dossiers for benchmarks, load tests and demos: dossier {@code i} is
 * for pilot {@code i mod 45}, dated as of the end of June in 2018 to 2021, and about a third of
 * them leave one to three requirements unmet (a late plan, a missing report, a peak year later
 * than the annex's, ...); the others are sound. Each dossier depends only on the seed and its
 * index, so a dossier is the same whether 10 or a million are generated, in any order or on any
 * number of threads.
 */
public final class DossierGenerator {

    /** The gaps a dossier can have; each breaks at least one violation-severity rule. */
    enum Gap {
        PLAN_LATE("低碳发展规划晚于截止日期通过", "the low-carbon plan was adopted late"),
        NO_PEAK_YEAR("未填写峰值年目标", "no peak-year target"),
        PEAK_TOO_LATE("峰值年晚于附件所列", "a peak year later than the annex's"),
        REPORT_MISSING("缺少一份年度进展报告", "an annual report is missing"),
        LAUNCH_LATE("试点晚于 2017 年 2 月底启动", "the pilot was launched after February 2017"),
        NO_COORDINATION("未建立协调机制", "no coordination mechanism"),
        NO_MONITORING("数据体系缺少监测", "no emission monitoring in the data system"),
        NOT_ALLOCATED("考核任务未分解到重点企业", "targets not allocated to key enterprises"),
        NO_INVENTORY("未编制温室气体清单", "no greenhouse-gas inventory"),
        REVISION_LATE("带星号城市的完善方案晚报", "a starred city's revised plan came late");

        final String zh;
        final String en;

        Gap(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }
    }

    private static final int[] AS_OF_YEARS = {2018, 2019, 2020, 2021};
    private static final String[] EVIDENCE = {
        "出台专项实施方案，明确责任分工与年度目标",
        "建成监测平台并接入重点企业，按季度通报",
        "完成试点方案编制，正在全市推广",
        "设立专项资金，支持示范项目建设",
        "与高校共建研究中心，形成技术导则",
        "开展示范园区建设，形成可复制经验",
    };

    private final long seed;
    private final List<PilotCity> pilots;

    /** A generator over the annex's pilots for one seed. */
    public DossierGenerator(PilotRegistry registry, long seed) {
        this.seed = seed;
        this.pilots = registry.cities();
    }

    /** The file name of dossier {@code i}: its number and the city's English name. */
    public String fileName(long i) {
        PilotCity p = pilot(i);
        return String.format(Locale.ROOT, "%07d-%s.yaml", i,
                p.nameEn().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", ""));
    }

    private PilotCity pilot(long i) {
        return pilots.get((int) (i % pilots.size()));
    }

    /** Whether dossier {@code i} has gaps; the {@link #yaml} of those says which in its header. */
    public boolean hasGaps(long i) {
        return gaps(random(i), pilot(i)).size() > 0;
    }

    private SplittableRandom random(long i) {
        // one independent stream per dossier, so any dossier can be made alone
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i * 0xBF58476D1CE4E5B9L + 1);
    }

    private static List<Gap> gaps(SplittableRandom r, PilotCity p) {
        List<Gap> gaps = new ArrayList<>();
        if (r.nextInt(3) != 0) {
            return gaps;
        }
        int count = 1 + r.nextInt(3);
        while (gaps.size() < count) {
            Gap g = Gap.values()[r.nextInt(Gap.values().length)];
            if (!gaps.contains(g) && (g != Gap.REVISION_LATE || p.starred())) {
                gaps.add(g);
            }
        }
        return gaps;
    }

    /** The text of dossier {@code i}. */
    public String yaml(long i) {
        SplittableRandom r = random(i);
        PilotCity p = pilot(i);
        List<Gap> gaps = gaps(r, p);
        int year = AS_OF_YEARS[r.nextInt(AS_OF_YEARS.length)];
        LocalDate asOf = LocalDate.of(year, 6, 30);
        int latest = p.peak().latestAcceptable(0);
        int peak = gaps.contains(Gap.PEAK_TOO_LATE) ? latest + 1 + r.nextInt(3) : latest - r.nextInt(2);
        Yaml y = new Yaml();
        y.comment(p.name() + "（" + p.nameEn() + "）— synthetic dossier " + i + " (pilotcheck generate, seed " + seed
                + "), not the city's real record.");
        y.comment(gaps.isEmpty() ? "Gaps: none (compliant)." : "Gaps: "
                + String.join("; ", gaps.stream().map(g -> g.en).toList()) + " | 缺项："
                + String.join("；", gaps.stream().map(g -> g.zh).toList()));
        y.blank();
        y.line("dossier_version: 1");
        y.line("city: " + p.name());
        y.line("province: " + p.province());
        y.line("pilot_no: " + p.number());
        y.line("starred: " + p.starred());
        y.line("as_of: " + asOf);
        if (!gaps.contains(Gap.NO_PEAK_YEAR)) {
            y.line("peak_target_year: " + peak);
        }
        y.section("implementation_plan", "试点实施方案");
        y.line("  finalized: " + date(r, 2017, 2, 5, 25));
        if (p.starred()) {
            y.line("  revision_submitted: " + (gaps.contains(Gap.REVISION_LATE) ? date(r, 2017, 2, 1, 20)
                    : date(r, 2017, 1, 10, 25)));
            y.line("  expert_review_addressed: true");
        }
        y.line("pilot_launched: " + (gaps.contains(Gap.LAUNCH_LATE) ? date(r, 2017, 3, 5, 30) : date(r, 2017, 2, 1, 27))
                + "   # 启动试点（三）");
        y.section("low_carbon_plan", "低碳发展规划（二（二））");
        y.line("  adopted: " + (gaps.contains(Gap.PLAN_LATE) ? date(r, 2018, 1 + r.nextInt(3), 1, 28)
                : date(r, 2017, 3 + r.nextInt(9), 1, 28)));
        if (!gaps.contains(Gap.NO_PEAK_YEAR)) {
            y.line("  peak_year: " + peak);
        }
        y.line("  in_development_plan: true");
        y.line("  in_government_work: true");
        y.line("  levers: [industrial_structure, energy_structure, energy_conservation, carbon_sinks]");
        y.line("  urbanization: true");
        y.section("target_assessment", "目标考核制度（二（三））");
        y.line("  allocated_to_districts: true");
        y.line("  allocated_to_key_enterprises: " + !gaps.contains(Gap.NOT_ALLOCATED));
        y.line("  method_issued: " + date(r, 2017, 5 + r.nextInt(7), 1, 28));
        y.line("  tracking_evaluation: true");
        y.section("innovations", "创新重点（附件；二（四））");
        for (InnovationFocus f : p.focuses()) {
            y.line("  - focus: " + f.number());
            y.line("    status: " + (r.nextBoolean() ? "achieved" : "in_progress"));
            y.line("    evidence: " + (2017 + r.nextInt(3)) + "年" + EVIDENCE[r.nextInt(EVIDENCE.length)]);
        }
        y.line("policies: [industrial, fiscal, technology]");
        y.section("governance", "组织机构（二（五）、四（一））");
        y.line("  leading_group: true");
        y.line("  coordination_mechanism: " + !gaps.contains(Gap.NO_COORDINATION));
        y.line("  principal_leader_in_charge: true");
        if (!gaps.contains(Gap.NO_INVENTORY)) {
            y.section("ghg_inventory", "温室气体排放清单（二（五））");
            y.line("  - year: 2015");
            y.line("    completed: " + date(r, 2016, 6 + r.nextInt(6), 1, 28));
            if (year >= 2019) {
                y.line("  - year: 2018");
                y.line("    completed: " + date(r, 2019, 3 + r.nextInt(3), 1, 28));
            }
        }
        y.line(gaps.contains(Gap.NO_MONITORING) ? "data_system: [statistics, accounting]"
                : "data_system: [statistics, monitoring, accounting]");
        emissions(y, r, peak, year);
        y.section("annual_reports", "年度进展情况（四（三））");
        int missing = gaps.contains(Gap.REPORT_MISSING) ? 2017 + r.nextInt(year - 2017) : -1;
        for (int report = 2017; report < year; report++) {
            if (report != missing) {
                y.line("  - year: " + report);
                y.line("    submitted: " + date(r, report + 1, 3, 5, 28));
            }
        }
        if (year >= 2020) {
            y.line("phase_summary_submitted: " + date(r, 2020, 1, 5, 25) + "   # 阶段性成果（三）");
        }
        return y.toString();
    }

    /** Emissions up to the year before {@code asOfYear}: growing to the peak year, then falling. */
    private static void emissions(Yaml y, SplittableRandom r, int peak, int asOfYear) {
        y.line("emissions:   # Mt CO2e");
        double mt = 10 + r.nextInt(500) / 10.0;
        for (int year = 2015; year < asOfYear; year++) {
            y.line(String.format(Locale.ROOT, "  - {year: %d, mt_co2e: %.1f}", year, mt));
            mt = year < peak ? mt * (1.01 + r.nextInt(3) / 100.0) : mt * (0.97 - r.nextInt(2) / 100.0);
        }
    }

    private static LocalDate date(SplittableRandom r, int year, int month, int fromDay, int toDay) {
        return LocalDate.of(year, month, fromDay + r.nextInt(toDay - fromDay + 1));
    }

    /** Lines of YAML with the fixtures' layout: a comment after each section's key. */
    private static final class Yaml {
        private final StringBuilder text = new StringBuilder(2400);

        void comment(String c) {
            text.append("# ").append(c).append('\n');
        }

        void blank() {
            text.append('\n');
        }

        void line(String l) {
            text.append(l).append('\n');
        }

        void section(String key, String note) {
            text.append(key).append(":   # ").append(note).append('\n');
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
