package io.pilotcheck.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.pilotcheck.app.Application;
import io.pilotcheck.app.Caller;
import io.pilotcheck.app.Checked;
import io.pilotcheck.app.Filings;
import io.pilotcheck.app.Role;
import io.pilotcheck.entry.EntryLayout;
import io.pilotcheck.entry.FormEntry;
import io.pilotcheck.finding.DossierResult;
import io.pilotcheck.finding.Finding;
import io.pilotcheck.registry.PilotCity;
import io.pilotcheck.report.ReportFormats;
import io.pilotcheck.report.ReportWords;
import io.pilotcheck.store.ReviewStore;
import io.pilotcheck.words.Clock;
import io.pilotcheck.words.Language;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pilot's web form, {@code /pilots/{city}/edit} (docs/spec/entry.md): its fields laid out as the
 * workbook's sheets, 检查 (check, keep nothing), 保存草稿 (the pilot's draft) and 提交 (a submission
 * named {@code {city}.yaml} into the open period). Every button is a form post, so it works
 * without JavaScript; {@code /assets/edit.js} adds findings as the user types and keeps an
 * unsaved change in the browser.
 */
final class EntryPages {

    static final String SCRIPT_PATH = "/assets/edit.js";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Empty rows a table offers beyond those filled. */
    private static final int SPARE_ROWS = 3;

    private final CheckServer server;
    private final Application app;

    EntryPages(CheckServer server, Application app) {
        this.server = server;
        this.app = app;
    }

    List<Route> routes() {
        return List.of(Route.get("/pilots/{city}/edit", Role.EVERYONE, this::form),
                Route.post("/pilots/{city}/edit", Role.EVERYONE, this::act),
                Route.get(SCRIPT_PATH, Role.PUBLIC, ctx -> CheckServer.respond(ctx, "text/javascript; charset=utf-8", script())));
    }

    /** {@code GET /pilots/{city}/edit}: the form, from the draft, the current submission or the annex. */
    private void form(Context ctx) {
        Caller caller = RouteTable.caller(ctx);
        Filings.Form f = app.filings().open(caller, ctx.pathParam("city"), Clock.day(server.now()));
        Language lang = CheckServer.lang(ctx);
        String origin = switch (f.origin()) {
            case DRAFT -> ServeWords.word("edit.fromDraft", lang, "who", f.draft().savedBy(), "at", Clock.second(f.draft().savedAt()));
            case SUBMISSION -> ServeWords.word("edit.fromSubmission", lang);
            case ANNEX -> ServeWords.word("edit.fromAnnex", lang);
        };
        render(ctx, f.pilot(), f.fields(), origin, "", null, false);
    }

    /** {@code POST /pilots/{city}/edit}: 检查, 保存草稿 or 提交, as {@code action} says. */
    private void act(Context ctx) throws java.io.IOException {
        // the body first: a form is read whole before anything slower is asked of the store
        Map<String, String> fields = fields(ctx);
        String action = String.valueOf(ctx.formParam("action"));
        Caller caller = RouteTable.caller(ctx);
        PilotCity pilot = app.filings().pilot(caller, ctx.pathParam("city"));
        Language lang = CheckServer.lang(ctx);
        Instant now = server.now().truncatedTo(ChronoUnit.MILLIS);
        FormEntry.Written form = FormEntry.yaml(fields);
        switch (action) {
            case "check" -> render(ctx, pilot, fields, "", ServeWords.word("edit.checked", lang), check(ctx, pilot, form, now, null), false);
            case "draft" -> {
                app.requireStore();
                ReviewStore.Draft d = app.filings().saveDraft(caller, pilot.name(), fields, now, server.client(ctx));
                render(ctx, pilot, fields, ServeWords.word("edit.fromDraft", lang, "who", d.savedBy(), "at", Clock.second(d.savedAt())),
                        ServeWords.word("edit.saved", lang), check(ctx, pilot, form, now, null), true);
            }
            case "submit" -> {
                app.requireStore();
                if (!caller.may(Role.SUBMIT)) {
                    throw new ApiError(403, "forbidden");
                }
                ReviewStore.Period period = server.submissions().period(ctx);
                Outcome c = check(ctx, pilot, form, now, period);
                String id;
                try {
                    id = server.submissions().keepFromPage(ctx, c.checked(), now, period);
                } catch (ApiError | io.pilotcheck.app.Accounts.Refused e) {
                    // refused (the period closed, the pilot accepted, another city's name): the form comes
                    // back as it was typed, with why, so that nothing typed is lost
                    ApiError why = e instanceof ApiError a ? a : ApiError.refused((io.pilotcheck.app.Accounts.Refused) e);
                    ctx.status(why.status());
                    render(ctx, pilot, fields, "", why.message(lang), c, false);
                    return;
                }
                app.filings().submitted(pilot);
                ctx.status(303);
                String path = ctx.path(); // under the base path, when the service has one
                ctx.header("Location", path.substring(0, path.lastIndexOf("/pilots/")) + "/submissions/" + id + "?lang=" + lang.code());
            }
            default -> throw new ApiError(400, "bad_action", "action", UploadNames.shown(action));
        }
    }

    /** A check of the form's YAML, with the YAML (whose lines place the findings). */
    private record Outcome(Checked checked, FormEntry.Written form) {
    }

    private Outcome check(Context ctx, PilotCity pilot, FormEntry.Written form, Instant at, ReviewStore.Period period) {
        return new Outcome(server.check(ctx, List.of(Filings.input(pilot, form)), ReportFormats.find("json").orElseThrow(), at, period),
                form);
    }

    /** The form's fields, as typed: every posted name the layout knows (buttons, token and language left out). */
    private static Map<String, String> fields(Context ctx) {
        Map<String, String> out = new LinkedHashMap<>();
        ctx.formParamMap().forEach((name, values) -> {
            if (!values.isEmpty() && !name.equals("action") && !name.equals("csrf") && !name.equals("lang") && !name.equals("period")
                    && name.length() <= 200 && out.size() < 2000) {
                out.put(name, values.get(0));
            }
        });
        return out;
    }

    private void render(Context ctx, PilotCity pilot, Map<String, String> fields, String origin, String notice, Outcome checked,
                        boolean saved) {
        Language lang = CheckServer.lang(ctx);
        Caller caller = RouteTable.caller(ctx);
        // every field's notes, in the form's order: the fields are laid out first, then each finding joins its field's list
        Map<String, List<EditView.Note>> notes = new LinkedHashMap<>();
        List<EditView.Section> sections = new ArrayList<>();
        for (EntryLayout.Section s : EntryLayout.sections()) {
            List<EditView.Field> out = new ArrayList<>();
            for (EntryLayout.Item item : s.items()) {
                fields(item, fields, notes, out);
            }
            sections.add(new EditView.Section(s.name(), out));
        }
        List<EditView.Note> general = new ArrayList<>();
        String verdict = "";
        if (checked != null && !checked.checked().batch().dossiers().isEmpty()) {
            DossierResult d = checked.checked().batch().dossiers().get(0);
            verdict = ReportWords.verdict(d.verdict(), lang) + counts(d, lang);
            for (Finding f : d.findings()) {
                String field = field(f, checked.form(), notes.keySet());
                (field == null ? general : notes.get(field)).add(note(f, lang));
            }
        }
        String base = "/pilots/" + PageFrame.path(pilot.nameEn()) + "/edit";
        PageView page = PageFrame.view(ctx, lang, ServeWords.word("edit.title", lang, "city", pilot.name(lang)), base + "?lang=");
        String period = app.keepsSubmissions() ? app.periods().current().map(ReviewStore.Period::name).orElse(null) : null;
        CheckServer.page(ctx, Templates.render("edit.jte", new EditView.Form(page, pilot.name(lang), page.action(base),
                page.action("/api/v1/check") + "&name=" + PageFrame.path(Filings.fileName(pilot)), "pilotcheck-edit:" + pilot.name(),
                origin, notice, verdict, saved, caller.may(Role.SUBMIT) && app.keepsSubmissions(), period, sections, general,
                rules(lang), words(lang), ctx.status().getCode() >= 400)));
    }

    /** How many findings of each severity, most serious first, after the verdict ({@code · 违规 2，警告 1}); none: nothing. */
    private static String counts(DossierResult d, Language lang) {
        Map<io.pilotcheck.finding.Severity, Integer> n = new java.util.EnumMap<>(io.pilotcheck.finding.Severity.class);
        d.findings().forEach(f -> n.merge(f.severity(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        for (io.pilotcheck.finding.Severity s : ORDER) {
            if (n.containsKey(s)) {
                parts.add(ReportWords.severity(s, lang) + " " + n.get(s));
            }
        }
        return parts.isEmpty() ? "" : " · " + String.join(ServeWords.word("listSeparator", lang), parts);
    }

    /** The severities as the counts list them, the script's order too. */
    private static final List<io.pilotcheck.finding.Severity> ORDER = List.of(io.pilotcheck.finding.Severity.ERROR,
            io.pilotcheck.finding.Severity.VIOLATION, io.pilotcheck.finding.Severity.WARNING, io.pilotcheck.finding.Severity.PENDING);

    /** The severities' and verdicts' names, for the script's findings to read as the page's. */
    private static String words(Language lang) {
        ObjectNode o = JSON.createObjectNode();
        for (io.pilotcheck.finding.Severity s : io.pilotcheck.finding.Severity.values()) {
            o.put(s.id(), ReportWords.severity(s, lang));
        }
        for (io.pilotcheck.finding.Verdict v : io.pilotcheck.finding.Verdict.values()) {
            o.put(v.id(), ReportWords.verdict(v, lang));
        }
        o.put("", ServeWords.word("listSeparator", lang)); // between the counts
        ORDER.forEach(s -> o.withArray("order").add(s.id()));
        return o.toString();
    }

    /**
     * The field a finding is about, as the page's script finds it too: the field its path names;
     * else the first field of the row or list its path names (a table's, a flags'); else the
     * field its line was written from; else none (shown above the form).
     */
    static String field(Finding f, FormEntry.Written written, java.util.Collection<String> names) {
        String path = f.path();
        if (!path.isEmpty()) {
            if (names.contains(path)) {
                return path;
            }
            String base = path.replaceAll("\\[\\d+]$", "");
            for (String name : names) {
                if (name.startsWith(path + ".")) {
                    return name;
                }
            }
            for (String name : names) {
                if (name.startsWith(base + "=") || name.startsWith(base + "[")) {
                    return name;
                }
            }
        }
        String line = written.fields().get(f.location().line());
        return line != null && !(f.location().line() == 1 && f.location().column() == 1) && path.startsWith(prefix(line)) ? line : null;
    }

    private static String prefix(String field) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^[^.\\[=]*").matcher(field);
        return m.find() ? m.group() : field;
    }

    private EditView.Note note(Finding f, Language lang) {
        java.util.Optional<io.pilotcheck.rules.RuleInfo> rule = app.pilots().rule(f.ruleId());
        io.pilotcheck.finding.Message builtIn = io.pilotcheck.finding.BuiltInChecks.title(f.ruleId());
        return new EditView.Note(f.severity().id(), ReportWords.severity(f.severity(), lang), f.ruleId(),
                rule.map(r -> r.title(lang)).orElse(builtIn == null ? "" : builtIn.in(lang)),
                rule.map(io.pilotcheck.rules.RuleInfo::notice).orElse(""), f.message().in(lang));
    }

    /** The fields of an item, each given its (for now empty) list of notes in {@code notes}, under its name. */
    private static void fields(EntryLayout.Item item, Map<String, String> values, Map<String, List<EditView.Note>> notes,
                               List<EditView.Field> out) {
        String need = item.requirement();
        java.util.function.Function<String, List<EditView.Note>> notesOf = name -> notes.computeIfAbsent(name, k -> new ArrayList<>());
        switch (item.kind()) {
            case flags -> io.pilotcheck.entry.WorkbookReader.flagValues(item, values.keySet()).forEach(value -> {
                String name = item.key() + "=" + value;
                out.add(new EditView.Field(item.label() + "：" + item.values().getOrDefault(value, value), need, "",
                        "bool", name, values.getOrDefault(name, ""), YES_NO, false, notesOf.apply(name), null, item.key(), value, -1, ""));
            });
            case table -> {
                List<String> heads = item.columns().stream().map(EntryLayout.Item::heading).toList();
                List<List<EditView.Field>> rows = new ArrayList<>();
                int filled = FormEntry.rows(values, item.key());
                for (int i = 0; i < filled + SPARE_ROWS; i++) {
                    List<EditView.Field> row = new ArrayList<>();
                    for (EntryLayout.Item col : item.columns()) {
                        String name = item.key() + "[" + i + "]." + col.key();
                        row.add(new EditView.Field(col.heading(), col.need(), col.unit(), kind(col), name,
                                values.getOrDefault(name, ""), options(col), false, notesOf.apply(name), null,
                                item.key(), col.key(), i, choices(col)));
                    }
                    rows.add(row);
                }
                out.add(new EditView.Field(item.label(), need, "", "table", item.key(),
                        "", List.of(), false, List.of(), new EditView.Table(heads, rows), item.key(), "", -1, ""));
            }
            default -> out.add(new EditView.Field(item.label(), need, item.unit(), kind(item), item.key(),
                    values.getOrDefault(item.key(), ""), options(item), item.annex(), notesOf.apply(item.key()), null, "", "", -1,
                    choices(item)));
        }
    }

    /** A choice's values with their Chinese names, for the script to write the value as the server does. */
    private static String choices(EntryLayout.Item item) {
        if (item.kind() != EntryLayout.Kind.choice) {
            return "";
        }
        ObjectNode o = JSON.createObjectNode();
        item.values().forEach(o::put);
        return o.toString();
    }

    private static String kind(EntryLayout.Item item) {
        return item.kind().name();
    }

    /** A 是/否 field's options, the first empty (not answered). */
    private static final List<String> YES_NO = List.of("", io.pilotcheck.entry.DossierWorkbook.YES, io.pilotcheck.entry.DossierWorkbook.NO);

    private static List<String> options(EntryLayout.Item item) {
        return switch (item.kind()) {
            case bool -> YES_NO;
            case choice -> {
                List<String> o = new ArrayList<>();
                o.add("");
                o.addAll(item.values().values());
                yield o;
            }
            default -> List.of();
        };
    }

    /** Every rule's title and the notice's words, for the script to show beside a finding as the page does. */
    private String rules(Language lang) {
        ObjectNode o = JSON.createObjectNode();
        app.pilots().rules().forEach(r -> o.putObject(r.id()).put("title", r.title(lang)).put("notice", r.notice()));
        for (String id : io.pilotcheck.finding.BuiltInChecks.ids()) {
            o.putObject(id).put("title", io.pilotcheck.finding.BuiltInChecks.title(id).in(lang)).put("notice", "");
        }
        return o.toString();
    }

    private static byte[] script() {
        try (java.io.InputStream in = EntryPages.class.getResourceAsStream("edit.js")) {
            return in.readAllBytes();
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("edit.js is missing from the jar", e);
        }
    }
}
