package io.pilotcheck.serve;

import com.fasterxml.jackson.databind.JsonNode;
import io.pilotcheck.finding.Language;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The pages over the kept submissions: the dashboard of the 45 pilots, a pilot's history with
 * its chart, and one submission. Each renders the JSON its API route answers, so the pages and
 * the API say the same thing; no script, nothing fetched from elsewhere.
 */
final class StorePages {

    private static final String STYLE = """
            <style>
              table { border-collapse: collapse; width: 100%; font-size: .9rem; } th, td { border-bottom: 1px solid #ddd; padding: 4px 6px; text-align: left; }
              th.province { background: #f3f6fa; } .n { text-align: right; font-variant-numeric: tabular-nums; }
              .verdict { padding: 1px 6px; border-radius: 3px; color: #fff; font-size: .85rem; white-space: nowrap; }
              .compliant { background: #2e8b3e; } .non_compliant { background: #c8372d; } .error { background: #7b2d8e; } .none { background: #999; }
              .old-rules { color: #a05a00; font-size: .85rem; } .change li { margin: 2px 0; } .new { color: #c8372d; } .resolved { color: #2e8b3e; }
              form.filter { margin: 1rem 0; } form.filter select { margin-right: 1rem; } body { max-width: 64rem; }
            </style>
            """;

    private StorePages() {
    }

    private static String w(String key, Language lang, Object... values) {
        return PageFrame.escape(ServeWords.word(key, lang, values));
    }

    private static String e(String text) {
        return text == null ? "" : PageFrame.escape(text);
    }

    private static String verdict(String id, Language lang) {
        String v = id == null ? "none" : id;
        return "<span class=\"verdict " + v + "\">" + w("verdict." + v, lang) + "</span>";
    }

    private static String day(JsonNode instant) {
        return instant.isNull() || instant.isMissingNode() ? "" : instant.asText().substring(0, 10);
    }

    /** The dashboard: the pilots by province in annex order, filtered by province and verdict. */
    static String dashboard(JsonNode pilots, Language lang, String province, String verdictFilter) {
        String l = PageFrame.code(lang);
        StringBuilder rows = new StringBuilder();
        Map<String, String> provinces = new LinkedHashMap<>();
        String current = null;
        int shown = 0;
        int oldRules = 0;
        for (JsonNode p : pilots.get("pilots")) {
            String prov = lang == Language.EN ? p.get("province_en").asText() : p.get("province").asText();
            provinces.put(p.get("province").asText(), prov);
            JsonNode latest = p.get("latest");
            String v = latest.isNull() ? "none" : latest.get("verdict").asText();
            if (!latest.isNull() && !latest.get("current_rules").asBoolean()) {
                oldRules++;
            }
            if ((province != null && !province.equals(p.get("province").asText()))
                    || (verdictFilter != null && !verdictFilter.equals(v))) {
                continue;
            }
            if (!prov.equals(current)) {
                rows.append("<tr><th class=\"province\" colspan=\"8\">").append(e(prov)).append("</th></tr>\n");
                current = prov;
            }
            shown++;
            String name = lang == Language.EN ? p.get("city_en").asText() : p.get("city").asText();
            rows.append("<tr data-city=\"").append(e(p.get("city").asText())).append("\"><td class=\"n\">")
                    .append(p.get("number").asInt()).append("</td><td><a href=\"/pilots/").append(e(PageFrame.path(p.get("city_en").asText())))
                    .append("?lang=").append(l).append("\">").append(e(name)).append("</a>")
                    .append(p.get("starred").asBoolean() ? " *" : "").append("</td><td>").append(verdict(v, lang)).append("</td>");
            if (latest.isNull()) {
                rows.append("<td colspan=\"5\" class=\"old-rules\">").append(w("dash.never", lang)).append("</td></tr>\n");
                continue;
            }
            JsonNode c = latest.get("counts");
            rows.append("<td class=\"n\">").append(c.get("violation").asInt()).append("</td><td class=\"n\">")
                    .append(c.get("warning").asInt()).append("</td><td class=\"n\">").append(c.get("pending").asInt())
                    .append("</td><td>").append(day(latest.get("received"))).append("</td><td>");
            StringBuilder overdue = new StringBuilder();
            latest.path("violated_rules").forEach(r -> overdue.append(overdue.length() == 0 ? "" : ", ").append(r.asText()));
            rows.append(e(overdue.toString()));
            if (!latest.get("current_rules").asBoolean()) {
                rows.append(" <span class=\"old-rules\">").append(w("dash.oldRules", lang)).append("</span>");
            }
            rows.append("</td></tr>\n");
        }
        StringBuilder provinceOptions = new StringBuilder("<option value=\"\">").append(w("dash.allProvinces", lang)).append("</option>");
        provinces.forEach((zh, shownName) -> provinceOptions.append("<option value=\"").append(e(zh)).append("\"")
                .append(zh.equals(province) ? " selected" : "").append(">").append(e(shownName)).append("</option>"));
        StringBuilder verdictOptions = new StringBuilder("<option value=\"\">").append(w("dash.allVerdicts", lang)).append("</option>");
        for (String v : new String[] {"compliant", "non_compliant", "error", "none"}) {
            verdictOptions.append("<option value=\"").append(v).append("\"").append(v.equals(verdictFilter) ? " selected" : "")
                    .append(">").append(w("verdict." + v, lang)).append("</option>");
        }
        String body = STYLE + """
                <p class="muted">%s</p>
                %s
                <form class="filter" method="get" action="/pilots">
                  <input type="hidden" name="lang" value="%s">
                  <select name="province">%s</select><select name="verdict">%s</select><button type="submit">%s</button>
                </form>
                <table id="pilots">
                <thead><tr><th>%s</th><th>%s</th><th>%s</th><th class="n">%s</th><th class="n">%s</th><th class="n">%s</th><th>%s</th><th>%s</th></tr></thead>
                <tbody>
                %s</tbody>
                </table>
                <p><a href="/?lang=%s">%s</a></p>
                """.formatted(w("dash.intro", lang, "shown", shown), oldRules == 0 ? ""
                        : "<form method=\"post\" action=\"/pilots/recheck?lang=" + l + "\" class=\"warn\" id=\"old-rules\">"
                        + w("dash.oldRulesNote", lang, "count", oldRules) + " <button type=\"submit\">"
                        + w("dash.recheck", lang) + "</button></form>",
                l, provinceOptions, verdictOptions, w("dash.filter", lang), w("dash.number", lang), w("dash.pilot", lang),
                w("dash.verdict", lang), w("dash.violations", lang), w("dash.warnings", lang), w("dash.pending", lang),
                w("dash.lastSubmission", lang), w("dash.overdue", lang), rows, l, w("page.title", lang));
        return PageFrame.page(lang, ServeWords.word("dash.title", lang), "/pilots?lang=", body);
    }

    /**
     * A pilot's page: its submissions as a chart, then each with its change against the one
     * before; a page of its newest ones, with a link to older ones when there are more.
     *
     * @param paged whether this page was asked for older submissions than the newest
     */
    static String pilot(JsonNode history, Language lang, boolean paged) {
        String l = PageFrame.code(lang);
        String name = lang == Language.EN ? history.get("city_en").asText() : history.get("city").asText();
        JsonNode subs = history.get("submissions");
        StringBuilder list = new StringBuilder();
        for (int i = subs.size() - 1; i >= 0; i--) { // newest first: what a reviewer reads first
            JsonNode s = subs.get(i);
            JsonNode c = s.get("counts");
            String id = s.get("submission").asText();
            list.append("<section class=\"submission\" data-submission=\"").append(e(id)).append("\"><h3>")
                    .append(day(s.get("received"))).append(" ").append(verdict(s.get("verdict").asText(), lang)).append("</h3><p>")
                    .append(w("pilot.counts", lang, "violations", c.get("violation").asInt(), "warnings", c.get("warning").asInt(),
                            "pending", c.get("pending").asInt(), "errors", c.get("error").asInt()))
                    .append(" · ").append(e(s.path("submitter").asText(""))).append(" · <a href=\"/submissions/").append(e(id))
                    .append("?lang=").append(l).append("\">").append(w("pilot.report", lang)).append("</a> · <a href=\"/api/v1/submissions/")
                    .append(e(id)).append("/files/").append(e(PageFrame.path(s.get("file").asText()))).append("\">").append(e(s.get("file").asText()))
                    .append("</a></p>");
            JsonNode change = s.get("change");
            if (change.isNull()) {
                list.append("<p class=\"muted\">").append(w("pilot.first", lang)).append("</p>");
            } else {
                list.append("<ul class=\"change\">");
                change.get("new").forEach(f -> list.append("<li class=\"new\">").append(w("pilot.new", lang)).append(" ")
                        .append(e(f.get("rule").asText())).append(": ").append(e(f.get("message").asText())).append("</li>"));
                change.get("resolved").forEach(f -> list.append("<li class=\"resolved\">").append(w("pilot.resolved", lang))
                        .append(" ").append(e(f.get("rule").asText())).append(": ").append(e(f.get("message").asText())).append("</li>"));
                change.get("changed").forEach(f -> list.append("<li class=\"changed\">").append(w("pilot.changed", lang))
                        .append(" ").append(e(f.at("/after/rule").asText())).append(": ").append(e(f.at("/before/message").asText()))
                        .append(" → ").append(e(f.at("/after/message").asText())).append("</li>"));
                if (change.get("new").isEmpty() && change.get("resolved").isEmpty() && change.get("changed").isEmpty()) {
                    list.append("<li class=\"muted\">").append(w("pilot.unchanged", lang)).append("</li>");
                }
                list.append("</ul>");
            }
            list.append("</section>\n");
        }
        String self = "/pilots/" + e(PageFrame.path(history.get("city_en").asText())) + "?lang=" + l;
        StringBuilder more = new StringBuilder();
        if (paged) {
            more.append("<a id=\"newest\" href=\"").append(self).append("\">").append(w("pilot.newest", lang)).append("</a> ");
        }
        if (!history.path("next_cursor").isNull()) {
            more.append("<a id=\"older\" href=\"").append(self).append("&amp;cursor=").append(e(history.get("next_cursor").asText()))
                    .append("\">").append(w("pilot.older", lang)).append("</a>");
        }
        boolean whole = !paged && history.path("next_cursor").isNull();
        String body = STYLE + """
                <p class="muted">%s · %s</p>
                %s
                %s
                <p>%s</p>
                <p><a href="/pilots?lang=%s">%s</a></p>
                """.formatted(e(lang == Language.EN ? history.get("province_en").asText() : history.get("province").asText()),
                w(whole ? "pilot.submissions" : "pilot.shown", lang, "count", subs.size()),
                subs.isEmpty() ? "<p>" + w("dash.never", lang) + "</p>" : chart(subs, lang), list, more, l, w("page.dashboard", lang));
        return PageFrame.page(lang, name, "/pilots/" + PageFrame.path(history.get("city_en").asText()) + "?lang=", body);
    }

    /** Verdicts and counts over time: a stacked bar a submission, its verdict's colour beneath. */
    private static String chart(JsonNode subs, Language lang) {
        int n = subs.size();
        int max = 1;
        for (JsonNode s : subs) {
            JsonNode c = s.get("counts");
            max = Math.max(max, c.get("violation").asInt() + c.get("warning").asInt() + c.get("pending").asInt() + c.get("error").asInt());
        }
        int width = Math.max(320, Math.min(960, 40 + n * 36));
        int plot = 160;
        double step = (width - 40.0) / n;
        double bar = Math.max(4, Math.min(24, step * 0.6));
        StringBuilder svg = new StringBuilder("<svg id=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"")
                .append(width).append("\" height=\"").append(plot + 40).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(plot + 40).append("\"><title>").append(w("pilot.chart", lang)).append("</title>")
                .append("<line x1=\"30\" y1=\"").append(plot).append("\" x2=\"").append(width).append("\" y2=\"").append(plot)
                .append("\" stroke=\"#999\"/><text x=\"2\" y=\"12\" font-size=\"10\">").append(max).append("</text>");
        String[][] parts = {{"error", "#7b2d8e"}, {"violation", "#c8372d"}, {"warning", "#e0a500"}, {"pending", "#4a7bd0"}};
        for (int i = 0; i < n; i++) {
            JsonNode s = subs.get(i);
            double x = 34 + i * step;
            double y = plot;
            for (String[] part : parts) {
                int count = s.get("counts").get(part[0]).asInt();
                double h = (double) count * (plot - 16) / max;
                if (count > 0) {
                    y -= h;
                    svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s %s: %d</title></rect>",
                            x, y, bar, h, part[1], day(s.get("received")), e(ServeWords.word("dash." + part[0] + "s", lang)), count));
                }
            }
            String colour = switch (s.get("verdict").asText()) {
                case "compliant" -> "#2e8b3e";
                case "non_compliant" -> "#c8372d";
                default -> "#7b2d8e";
            };
            svg.append(String.format(Locale.ROOT, "<rect class=\"verdict-mark\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"6\" fill=\"%s\"/>",
                    x, plot + 4, bar, colour));
            if (n <= 12 || i % Math.max(1, n / 8) == 0) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"9\">%s</text>", x, plot + 24,
                        day(s.get("received")).substring(2)));
            }
        }
        return svg.append("</svg>").toString();
    }

    /** A submission's page: who sent what when, its files, its evaluations and its report in every format. */
    static String submission(JsonNode s, Language lang) {
        String l = PageFrame.code(lang);
        String id = s.get("id").asText();
        StringBuilder files = new StringBuilder();
        s.get("files").forEach(f -> files.append("<li><a href=\"/api/v1/submissions/").append(e(id)).append("/files/")
                .append(e(PageFrame.path(f.get("name").asText()))).append("\">").append(e(f.get("name").asText())).append("</a> <span class=\"muted\">")
                .append(f.get("size").asLong()).append(" B · sha256 ").append(e(f.get("sha256").asText().substring(0, 12)))
                .append("…</span></li>"));
        StringBuilder evaluations = new StringBuilder();
        s.get("evaluations").forEach(v -> evaluations.append("<li>").append(e(v.get("evaluated").asText().replace('T', ' ').substring(0, 19)))
                .append(" · ").append(w("submission.reason." + v.get("reason").asText(), lang)).append(" · ")
                .append(e(v.get("rules_fingerprint").asText().substring(0, Math.min(19, v.get("rules_fingerprint").asText().length()))))
                .append("… · pilotcheck ").append(e(v.get("tool_version").asText())).append("</li>"));
        String downloads = DownloadBar.links(id, lang, java.time.LocalDate.ofInstant(
                java.time.Instant.parse(s.get("received").asText()), java.time.ZoneId.systemDefault()));
        String body = STYLE + """
                <p>%s</p>
                <p><a id="report" href="/submissions/%s/report?lang=%s">%s</a></p>
                <p>%s %s</p>
                <h2>%s</h2><ul id="files">%s</ul>
                <h2>%s</h2><ul>%s</ul>
                <p><a href="/pilots?lang=%s">%s</a></p>
                """.formatted(w("submission.meta", lang, "received", s.get("received").asText().replace('T', ' ').replace("Z", " UTC"),
                        "submitter", s.path("submitter").asText("—"), "source", ServeWords.word("source." + s.get("source").asText(), lang)),
                e(id), l, w("submission.report", lang), w("page.downloads", lang), downloads, w("submission.files", lang), files,
                w("submission.evaluations", lang), evaluations, l, w("page.dashboard", lang));
        return PageFrame.page(lang, ServeWords.word("submission.title", lang, "id", id.substring(0, 12)),
                "/submissions/" + id + "?lang=", body);
    }
}
