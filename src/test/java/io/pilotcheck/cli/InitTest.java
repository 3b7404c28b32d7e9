package io.pilotcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pilotcheck.registry.PilotCity;
import io.pilotcheck.registry.PilotRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.pilotcheck.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code pilotcheck init CITY}: a template for every pilot that loads cleanly and says what is still to do. */
class InitTest {

    @TempDir
    Path tmp;

    @Test
    void everyPilotsTemplateIsPrefilledFromTheAnnexAndChecksWithoutAnError() throws Exception {
        PilotRegistry registry = PilotRegistry.load(Path.of("rules", PilotRegistry.FILE), PilotRegistry.FILE);
        for (PilotCity c : registry.cities()) {
            Path file = tmp.resolve(c.number() + ".yaml");
            CliTest.Run r = run("init", c.name(), "-o", file.toString(), "--as-of", "2017-03-31");
            assertThat(r.code()).as(c.name()).isZero();
            String text = Files.readString(file);
            assertThat(text).contains("city: " + c.name()).contains("province: " + c.province())
                    .contains("pilot_no: " + c.number()).contains("starred: " + c.starred())
                    .contains("附件峰值年：" + c.peak().text());
            for (var focus : c.focuses()) {
                assertThat(text).contains("  # " + focus.number() + ". ").contains("  - focus: " + focus.number() + "\n");
            }
            assertThat(text.contains("  revision_submitted:")).isEqualTo(c.starred());
        }
        CliTest.Run all = run("check", tmp.toString(), "-f", "json");
        JsonNode report = new ObjectMapper().readTree(all.out());
        assertThat(report.at("/summary/dossiers").asInt()).isEqualTo(45);
        assertThat(report.at("/summary/errors").asInt()).isZero();
        assertThat(report.at("/summary/findings/error").asInt()).isZero();
        for (JsonNode d : report.get("dossiers")) {
            // an untouched template is "everything still to do": registry data agrees, the rest is missing
            assertThat(d.get("findings").findValuesAsText("rule")).contains("LCP-PEAK-01").doesNotContain("LCP-REG-02");
        }
    }

    @Test
    void everyFieldOfTheFormatIsInTheTemplateWithAChineseComment() throws Exception {
        CliTest.Run r = run("init", "Dalian", "-o", "-");
        assertThat(r.code()).isZero();
        JsonNode schema = new ObjectMapper().readTree(Path.of("docs", "dossier.schema.json").toFile());
        schema.get("properties").fieldNames().forEachRemaining(field ->
                assertThat(r.out()).as(field).containsPattern("(?m)^\\s*(- )?" + field + ":.*#.*\\p{IsHan}"));
    }

    @Test
    void anExistingFileIsKeptAndAnUnknownCityGetsADidYouMean() throws Exception {
        Path file = tmp.resolve("dalian.yaml");
        Files.writeString(file, "mine");
        CliTest.Run kept = run("init", "--lang", "en", "大连市", "-o", file.toString());
        assertThat(kept.code()).isEqualTo(2);
        assertThat(kept.err()).contains("exists; kept it (--force overwrites)");
        assertThat(Files.readString(file)).isEqualTo("mine");
        assertThat(run("init", "大连市", "-o", file.toString(), "--force").code()).isZero();
        assertThat(Files.readString(file)).startsWith("# 低碳城市试点档案：大连市");

        CliTest.Run unknown = run("init", "--lang", "en", "大连");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("did you mean 大连市?");
        assertThat(run("init", "大连").err()).isEqualTo("pilotcheck：“大连”不是 45 个试点之一；是否应为 大连市？（pilotcheck registry 可列出全部试点）\n");
    }

    /** Issue 23 item 11: other batches' pilots, traditional characters, a full-width space. */
    @Test
    void aCityOfAnEarlierBatchIsToldSoAndTraditionalCharactersFindThePilot() {
        CliTest.Run shenzhen = run("init", "深圳市");
        assertThat(shenzhen.code()).isEqualTo(2);
        assertThat(shenzhen.err()).isEqualTo("pilotcheck：“深圳市”是第一批（2010 年）国家低碳试点，不是本通知（第三批，"
                + "2017 年）的 45 个试点之一（pilotcheck registry 可列出全部试点）\n");
        assertThat(run("init", "--lang", "en", "北京").err()).contains("'北京' is a low-carbon pilot of the second batch (2012)");
        CliTest.Run traditional = run("init", "瀋陽市", "-o", "-");
        assertThat(traditional.code()).isZero();
        assertThat(traditional.out()).contains("city: 沈阳市");
        assertThat(run("init", "沈阳市　", "-o", "-").out()).contains("city: 沈阳市");
    }
}
