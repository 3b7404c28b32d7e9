package io.pilotcheck.serve;

import io.pilotcheck.TestRules;
import io.pilotcheck.app.Periods;
import io.pilotcheck.store.SubmissionStore;
import io.pilotcheck.store.sql.SqlSubmissionStore;
import io.pilotcheck.store.sql.StoreLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web form without JavaScript, over a real port (docs/spec/entry.md): every button is a form
 * post and the page comes back with each finding beside its field; a draft is kept and comes
 * back; a submission refused (into a closed period) brings the form back as it was typed, with
 * why; a value that is not of its field's kind gets the message YAML gets, beside the field.
 */
class EntryFormTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path tmp;

    private static String encode(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static HttpResponse<String> post(CheckServer server, String query, Map<String, String> fields) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/pilots/Dalian/edit?lang=zh" + query))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields))).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The text of the notes list beside a field. */
    private static String beside(String page, String field) {
        int at = page.indexOf("<ul class=\"notes\" data-for=\"" + field + "\">");
        assertThat(at).as(field).isNotNegative();
        return page.substring(at, page.indexOf("</ul>", at));
    }

    @Test
    void theFormWorksAsPlainPostsAndLosesNothingTyped() throws Exception {
        try (SubmissionStore store = SqlSubmissionStore.open(StoreLocation.embedded(tmp.resolve("data")))) {
            Periods periods = Periods.of(store, () -> TestRules.book().registry());
            periods.add("已截止", LocalDate.of(2026, 1, 10), null, List.of("大连市"), "cli", null, Instant.now());
            periods.close("已截止", "cli", null, Instant.now());
            CheckServer server = new CheckServer(() -> new ServedRules.State(TestRules.book(), List.of()), UploadLimits.DEFAULTS,
                    line -> { }, store).start("127.0.0.1", 0);
            try {
                HttpResponse<String> form = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                        + "/pilots/Dalian/edit?lang=zh")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(form.statusCode()).isEqualTo(200);
                assertThat(form.body()).contains("首次填报", "name=\"city\" value=\"大连市\" readonly");

                Map<String, String> fields = new LinkedHashMap<>();
                fields.put("city", "大连市");
                fields.put("province", "辽宁");
                fields.put("pilot_no", "3");
                fields.put("starred", "是");
                fields.put("dossier_version", "1");
                fields.put("as_of", "2020-06-30");
                fields.put("peak_target_year", "二〇二五");
                fields.put("low_carbon_plan.adopted", "2018-02-01");
                fields.put("ghg_inventory[0].year", "2015");
                fields.put("ghg_inventory[0].completed", "2017年6月30日");
                fields.put("action", "check");
                HttpResponse<String> checked = post(server, "", fields);
                assertThat(checked.statusCode()).isEqualTo(200);
                // the same words as for YAML, beside the field; the rest of the form is not checked then
                assertThat(beside(checked.body(), "peak_target_year")).contains("LCP-SCHEMA-03", "peak_target_year 应为整数，实际为“二〇二五”");

                fields.put("peak_target_year", "2025");
                checked = post(server, "", fields);
                assertThat(beside(checked.body(), "low_carbon_plan.adopted")).contains("LCP-PLAN-01", "编制并通过低碳发展规划",
                        "比截止日期 2017-12-31 晚 32 天");
                assertThat(beside(checked.body(), "ghg_inventory[0].completed")).contains("LCP-SCHEMA-10", "已按 2017-06-30 读取");
                assertThat(checked.body()).containsPattern("检查结果：不合规 · 违规 \\d+，警告 \\d+")
                        .contains("已检查", "value=\"2018-02-01\"", "name=\"ghg_inventory[3].year\"")
                        .doesNotContain("name=\"ghg_inventory[4].year\"");

                fields.put("action", "draft");
                assertThat(post(server, "", fields).body()).contains("草稿已保存");
                String again = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                        + "/pilots/Dalian/edit?lang=zh")).build(), HttpResponse.BodyHandlers.ofString()).body();
                assertThat(again).contains("保存的草稿", "value=\"2018-02-01\"", "value=\"2017年6月30日\"");

                // into a closed period: refused, and the form comes back as typed
                fields.put("action", "submit");
                HttpResponse<String> refused = post(server, "&period=" + URLEncoder.encode("已截止", StandardCharsets.UTF_8), fields);
                assertThat(refused.statusCode()).isEqualTo(409);
                assertThat(refused.body()).contains("id=\"notice\" class=\"error\"", "value=\"2018-02-01\"", "value=\"2017年6月30日\"");
                assertThat(store.draft("大连市")).as("kept until a submission is").isPresent();

                HttpResponse<String> submitted = post(server, "&period=none", fields);
                assertThat(submitted.statusCode()).isEqualTo(303);
                assertThat(submitted.headers().firstValue("Location").orElseThrow()).startsWith("/submissions/");
                assertThat(store.draft("大连市")).isEmpty();
            } finally {
                server.close();
            }
        }
    }
}
