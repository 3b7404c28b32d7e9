package io.pilotcheck.serve;

import io.pilotcheck.app.Pilots;
import io.pilotcheck.diff.ReportDiff;
import io.pilotcheck.words.Clock;
import io.pilotcheck.words.Language;
import io.pilotcheck.registry.PilotCity;
import io.pilotcheck.store.DossierEntry;
import io.pilotcheck.store.StoredSubmission;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The pages over the kept submissions: the dashboard of the pilots, a pilot's history with its
 * chart, and one submission. Each is a view made from what the application layer answers (the
 * same records the API's JSON is made from), rendered by its template; no script, nothing
 * fetched from elsewhere.
 */
final class StorePages {

    private StorePages() {
    }

    private static String day(Instant instant) {
        return instant == null ? "" : Clock.day(instant).toString();
    }

    private static String verdict(String id) {
        return id == null ? "none" : id;
    }

    /**
     * The dashboard: the pilots by province in annex order, each with what changed since its
     * submission before, filtered by province, verdict and change.
     */
    static String dashboard(PageView page, Pilots.Overview overview, String province, String verdictFilter,
                            boolean changedOnly, java.util.function.BiFunction<String, Language, String> ruleTitle) {
        Language lang = page.lang();
        Map<String, String> provinces = new LinkedHashMap<>();
        List<DashboardView.Group> groups = new ArrayList<>();
        int shown = 0;
        int oldRules = 0;
        for (Pilots.Row p : overview.pilots()) {
            PilotCity c = p.city();
            String prov = c.provinceFull(lang);
            provinces.put(c.provinceFull(), prov);
            DossierEntry latest = p.latest();
            String v = latest == null ? "none" : latest.verdict();
            if (latest != null && !p.currentRules()) {
                oldRules++;
            }
            String change = change(p.change());
            if ((province != null && !province.equals(c.provinceFull())) || (verdictFilter != null && !verdictFilter.equals(v))
                    || (changedOnly && !(change.equals("changed") || change.equals("rules")))) {
                continue;
            }
            if (groups.isEmpty() || !groups.get(groups.size() - 1).province().equals(prov)) {
                groups.add(new DashboardView.Group(prov, new ArrayList<>()));
            }
            shown++;
            String name = c.name(lang);
            String path = "/pilots/" + PageFrame.path(c.nameEn());
            List<DashboardView.Rule> rules = p.violatedRules().stream().distinct()
                    .map(id -> new DashboardView.Rule(id, ruleTitle.apply(id, lang))).toList();
            groups.get(groups.size() - 1).rows().add(latest == null
                    ? new DashboardView.Row(c.name(), c.number(), name, path, c.starred(), v, true, 0, 0, 0, 0, "", List.of(),
                    false, "first", "", "")
                    : new DashboardView.Row(c.name(), c.number(), name, path, c.starred(), v, false, latest.violations(),
                    latest.warnings(), latest.pending(), latest.errors(), day(latest.received()), rules, !p.currentRules(),
                    change, changeText(page, p.change()), p.error() == null ? "" : p.error().in(lang)));
        }
        List<DashboardView.Option> provinceOptions = new ArrayList<>();
        provinceOptions.add(new DashboardView.Option("", page.word("dash.allProvinces"), false));
        provinces.forEach((zh, label) -> provinceOptions.add(new DashboardView.Option(zh, label, zh.equals(province))));
        List<DashboardView.Option> verdictOptions = new ArrayList<>();
        verdictOptions.add(new DashboardView.Option("", page.word("dash.allVerdicts"), false));
        for (String v : new String[] {"compliant", "non_compliant", "error", "none"}) {
            verdictOptions.add(new DashboardView.Option(v, page.word("verdict." + v), v.equals(verdictFilter)));
        }
        List<DashboardView.Option> changeOptions = List.of(new DashboardView.Option("", page.word("dash.anyChange"), false),
                new DashboardView.Option("changed", page.word("dash.changedOnly"), changedOnly));
        boolean filtered = province != null || verdictFilter != null || changedOnly;
        return Templates.render("dashboard.jte", new DashboardView(page, shown, oldRules, provinceOptions, verdictOptions,
                changeOptions, filtered, groups));
    }

    /** A row's kind of change: nothing before, nothing changed, the city's file, or only the rules. */
    private static String change(Pilots.Change c) {
        if (c == null) {
            return "first";
        }
        return c.byCity().changedAtAll() ? "changed" : c.rulesChangedFindings() ? "rules" : "same";
    }

    /** A change in words: the city's new, resolved and changed findings, then the rules'. */
    private static String changeText(PageView page, Pilots.Change c) {
        if (c == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        ReportDiff.DossierDiff d = c.byCity();
        if (!d.added().isEmpty()) {
            parts.add(page.word("pilot.new") + " " + d.added().size());
        }
        if (!d.resolved().isEmpty()) {
            parts.add(page.word("pilot.resolved") + " " + d.resolved().size());
        }
        if (!d.changed().isEmpty()) {
            parts.add(page.word("pilot.changed") + " " + d.changed().size());
        }
        if (c.rulesChangedFindings()) {
            ReportDiff.DossierDiff r = c.byRules();
            parts.add(page.word("pilot.byRules") + " " + (r.added().size() + r.resolved().size() + r.changed().size()));
        }
        return String.join(page.word("listSeparator"), parts);
    }

    /**
     * A pilot's page: its submissions as a chart, then each with its change against the one
     * before; a page of its newest ones, with a link to older ones when there are more.
     *
     * @param paged whether this page was asked for older submissions than the newest
     */
    static String pilot(PageView page, Pilots.History history, boolean paged,
                        java.util.function.Function<String, java.util.Optional<io.pilotcheck.rules.RuleInfo>> rules) {
        Language lang = page.lang();
        PilotCity city = history.city();
        List<Pilots.Step> steps = history.steps();
        List<PilotView.Item> items = new ArrayList<>();
        for (int i = steps.size() - 1; i >= 0; i--) { // newest first: what a reviewer reads first
            DossierEntry s = steps.get(i).entry();
            Pilots.Change change = steps.get(i).change();
            List<PilotView.Change> lines = new ArrayList<>();
            if (change != null) {
                lines(change.byCity(), "", lines);
                if (change.byRules() != null) {
                    lines(change.byRules(), "rules-", lines);
                    ruleLines(page, change, lines);
                }
                if (!change.apart()) {
                    lines.add(new PilotView.Change("rules-differ", "", page.word("pilot.rulesDiffer")));
                }
            }
            items.add(new PilotView.Item(s.submissionId(), day(s.received()), verdict(s.verdict()), s.violations(), s.warnings(),
                    s.pending(), s.errors(), s.submitter() == null ? "" : s.submitter(), "/submissions/" + PageFrame.path(s.submissionId()),
                    "/api/v1/submissions/" + PageFrame.path(s.submissionId()) + "/files/" + PageFrame.path(s.file()), s.file(),
                    change == null, lines));
        }
        String self = "/pilots/" + PageFrame.path(city.nameEn());
        boolean whole = !paged && history.older() == null;
        return Templates.render("pilot.jte", new PilotView(page, city.provinceFull(lang),
                whole ? "pilot.submissions" : "pilot.shown", steps.size(), steps.isEmpty() ? null : chart(page, steps), items,
                paged ? self : null, history.older() == null ? null : self + "?cursor=" + PageFrame.path(history.older()),
                // the newest step of a page not asked for older ones is the pilot's latest dossier
                paged || steps.isEmpty() ? null : current(page, steps.get(steps.size() - 1), self, rules), self));
    }

    /** The latest dossier's findings, each with its rule's title and the notice's words. */
    private static PilotView.Current current(PageView page, Pilots.Step current, String self,
                                             java.util.function.Function<String, java.util.Optional<io.pilotcheck.rules.RuleInfo>> rules) {
        Language lang = page.lang();
        List<PilotView.Finding> findings = current.dossier().findings().stream().map(f -> {
            java.util.Optional<io.pilotcheck.rules.RuleInfo> rule = rules.apply(f.ruleId());
            String where = (f.path().isEmpty() ? "" : f.path() + " · ")
                    + (f.location().inSheet() ? page.word("pilot.cell", "cell", f.location().cell())
                    : page.word("pilot.line", "line", f.location().line(), "column", f.location().column()));
            return new PilotView.Finding(f.severity().id(), io.pilotcheck.report.ReportWords.severity(f.severity(), lang),
                    f.ruleId(), rule.map(r -> r.title(lang)).orElse(""), io.pilotcheck.report.ReportWords.clause(f.clause(), lang),
                    rule.map(io.pilotcheck.rules.RuleInfo::notice).orElse(""), f.message().in(lang), where, f.waived());
        }).toList();
        return new PilotView.Current(verdict(current.entry().verdict()), day(current.entry().received()), findings,
                self + "/report", self + "/report.xlsx");
    }

    /**
     * The re-check's page: before it (what a re-check would change) or after it (what it changed).
     *
     * @param ruleSet     the published rule set the rules in use are, or 0 (a rules folder's)
     * @param ruleChanges what changed in the rules, or null when the older rules were not kept
     */
    static String recheck(PageView page, boolean done, int ruleSet, int stale, List<io.pilotcheck.rules.RuleEdition.Change> ruleChanges,
                          List<io.pilotcheck.app.Rechecks.Effect> effects) {
        Language lang = page.lang();
        List<RecheckView.Effect> rows = new ArrayList<>();
        List<RecheckView.Effect> wordingOnly = new ArrayList<>();
        for (io.pilotcheck.app.Rechecks.Effect e : effects) {
            List<PilotView.Change> lines = new ArrayList<>();
            lines(e.change(), "rules-", lines);
            String counts = counts(page, e.before(), e.after());
            RecheckView.Effect row = new RecheckView.Effect(e.city().name(lang), "/pilots/" + PageFrame.path(e.city().nameEn()),
                    e.before().verdict().id(), e.after().verdict().id(), counts, lines);
            // a verdict or a count that changes is what a reviewer must see; a date in a message, less so
            (counts.isEmpty() && e.before().verdict() == e.after().verdict() ? wordingOnly : rows).add(row);
        }
        return Templates.render("recheck.jte", new RecheckView(page, done, ruleSet, stale,
                ruleChanges == null ? null : ruleChanges.stream().map(c -> ruleChange(page, c)).toList(), rows, wordingOnly));
    }

    /** The counts that differ between two results of one dossier, as {@code 违规 2→1}; all of them when none differs. */
    private static String counts(PageView page, io.pilotcheck.finding.DossierResult before, io.pilotcheck.finding.DossierResult after) {
        List<String> parts = new ArrayList<>();
        for (io.pilotcheck.finding.Severity s : new io.pilotcheck.finding.Severity[] {io.pilotcheck.finding.Severity.VIOLATION,
                io.pilotcheck.finding.Severity.WARNING, io.pilotcheck.finding.Severity.PENDING, io.pilotcheck.finding.Severity.ERROR}) {
            long b = before.findings().stream().filter(f -> f.severity() == s && !f.waived()).count();
            long a = after.findings().stream().filter(f -> f.severity() == s && !f.waived()).count();
            if (a != b) {
                parts.add(io.pilotcheck.report.ReportWords.severity(s, page.lang()) + " " + b + "→" + a);
            }
        }
        return String.join(page.word("listSeparator"), parts);
    }

    /** One change of the rules in words: the parameter and its values, or the rule added, removed or edited. */
    static String ruleChange(PageView page, io.pilotcheck.rules.RuleEdition.Change c) {
        String rules = String.join(page.word("listSeparator"), c.rules());
        return c.kind().equals("param")
                ? page.word("rules.param", "name", c.name(), "before", c.before().isEmpty() ? "—" : c.before(),
                "after", c.after().isEmpty() ? "—" : c.after(), "rules", rules.isEmpty() ? "—" : rules)
                : page.word("rules." + c.kind(), "rule", c.name());
    }

    /** Why the rules changed findings: the changes of the rules that touch them (all, when none names them). */
    private static void ruleLines(PageView page, Pilots.Change change, List<PilotView.Change> lines) {
        java.util.Set<String> touched = new java.util.HashSet<>();
        change.byRules().added().forEach(i -> touched.add(i.rule()));
        change.byRules().resolved().forEach(i -> touched.add(i.rule()));
        change.byRules().changed().forEach(c -> touched.add(c.after().rule()));
        List<io.pilotcheck.rules.RuleEdition.Change> relevant = change.rules().stream()
                .filter(c -> c.rules().stream().anyMatch(touched::contains)).toList();
        for (io.pilotcheck.rules.RuleEdition.Change c : relevant.isEmpty() ? change.rules() : relevant) {
            lines.add(new PilotView.Change("rules-why", "", ruleChange(page, c)));
        }
    }

    /** A change's lines, each of a kind {@code prefix} marks: {@code rules-} for what the rules changed. */
    private static void lines(ReportDiff.DossierDiff change, String prefix, List<PilotView.Change> lines) {
        change.added().forEach(f -> lines.add(new PilotView.Change(prefix + "new", f.rule(), f.message())));
        change.resolved().forEach(f -> lines.add(new PilotView.Change(prefix + "resolved", f.rule(), f.message())));
        change.changed().forEach(f -> lines.add(new PilotView.Change(prefix + "changed", f.after().rule(),
                f.before().message() + " → " + f.after().message())));
    }

    private static final String[][] PARTS = {{"error", "#7b2d8e"}, {"violation", "#c8372d"}, {"warning", "#e0a500"},
            {"pending", "#4a7bd0"}};

    /** Verdicts and counts over time: a stacked bar a submission, its verdict's colour beneath. */
    private static ChartView chart(PageView page, List<Pilots.Step> steps) {
        int n = steps.size();
        int max = 1;
        for (Pilots.Step s : steps) {
            DossierEntry c = s.entry();
            max = Math.max(max, c.violations() + c.warnings() + c.pending() + c.errors());
        }
        int width = Math.max(320, Math.min(960, 40 + n * 36));
        int plot = 160;
        double step = (width - 40.0) / n;
        double bar = Math.max(4, Math.min(24, step * 0.6));
        List<ChartView.Bar> bars = new ArrayList<>();
        List<ChartView.Mark> marks = new ArrayList<>();
        List<ChartView.Label> labels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            DossierEntry s = steps.get(i).entry();
            double x = 34 + i * step;
            double y = plot;
            int[] counts = {s.errors(), s.violations(), s.warnings(), s.pending()};
            for (int k = 0; k < PARTS.length; k++) {
                int count = counts[k];
                double h = (double) count * (plot - 16) / max;
                if (count > 0) {
                    y -= h;
                    bars.add(new ChartView.Bar(f(x), f(y), f(bar), f(h), PARTS[k][1],
                            day(s.received()) + " " + page.word("dash." + PARTS[k][0] + "s") + ": " + count));
                }
            }
            String colour = switch (verdict(s.verdict())) {
                case "compliant" -> "#2e8b3e";
                case "non_compliant" -> "#c8372d";
                default -> "#7b2d8e";
            };
            marks.add(new ChartView.Mark(f(x), plot + 4, f(bar), colour));
            if (n <= 12 || i % Math.max(1, n / 8) == 0) {
                // two submissions of one day are told apart by their time, on a second line
                boolean sameDay = (i > 0 && day(steps.get(i - 1).entry().received()).equals(day(s.received())))
                        || (i + 1 < n && day(steps.get(i + 1).entry().received()).equals(day(s.received())));
                labels.add(new ChartView.Label(f(x), plot + 24, day(s.received()).substring(2),
                        sameDay ? Clock.minute(s.received()).substring(6) : ""));
            }
        }
        return new ChartView(width, plot + 40, plot, max, bars, marks, labels);
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** A submission's page: who sent what when, its files, its evaluations and its report in every format. */
    static String submission(PageView page, StoredSubmission s, List<io.pilotcheck.finding.DossierResult> dossiers) {
        Language lang = page.lang();
        String id = s.id();
        String idPath = PageFrame.path(id);
        Map<String, io.pilotcheck.finding.DossierResult> byFile = new java.util.HashMap<>();
        dossiers.forEach(d -> byFile.put(d.file(), d));
        List<SubmissionView.File> files = s.files().stream().map(f -> {
            io.pilotcheck.finding.DossierResult d = byFile.get(f.name());
            String city = d == null || d.city(lang) == null ? "" : d.city(lang);
            return new SubmissionView.File(f.name(), "/api/v1/submissions/" + idPath + "/files/" + PageFrame.path(f.name()),
                    io.pilotcheck.dossier.LoadLimits.formatSize(f.size()), f.sha256(), city, d == null ? "none" : d.verdict().id());
        }).toList();
        List<SubmissionView.Evaluation> evaluations = s.evaluations().stream().map(v -> new SubmissionView.Evaluation(
                Clock.second(v.evaluatedAt()), page.word("submission.reason." + v.reason()),
                v.rulesFingerprint().substring(0, Math.min(19, v.rulesFingerprint().length())), v.toolVersion())).toList();
        String meta = page.word("submission.meta", "received", Clock.second(s.received()), "zone", Clock.zoneShown(),
                "submitter", s.submitter() == null ? "—" : s.submitter(), "source", ServeWords.word("source." + s.source().id(), lang));
        return Templates.render("submission.jte", new SubmissionView(page, meta, "/submissions/" + idPath + "/report",
                DownloadBar.links(page, id, Clock.day(s.received())), files, evaluations));
    }
}
