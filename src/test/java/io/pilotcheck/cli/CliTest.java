package io.pilotcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line run in-process: exit codes, output, and the JSON contract. */
public class CliTest {

    /** What one in-process run gave. */
    public record Run(int code, String out, String err) {
    }

    /** Runs the CLI in-process. */
    public static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void checkOfTheFixturesReportsEveryDossierAndExitsOne() throws IOException {
        Run r = run("check", "--format", "json", "fixtures/");
        assertThat(r.code()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.at("/tool/name").asText()).isEqualTo("pilotcheck");
        assertThat(json.at("/rules/fingerprint").asText()).startsWith("sha256:");
        assertThat(json.at("/summary/dossiers").asInt()).isEqualTo(54);
        assertThat(json.at("/summary/errors").asInt()).isEqualTo(10); // 9 invalid files, and LCP-DATA-01 in 39-xining
        int total = json.at("/summary/compliant").asInt() + json.at("/summary/non_compliant").asInt()
                + json.at("/summary/errors").asInt();
        assertThat(total).isEqualTo(54);
        long fixtures = Stream.of(Path.of("fixtures").toFile().list()).filter(n -> n.endsWith(".yaml")).count();
        assertThat(fixtures).isEqualTo(45);
        for (JsonNode d : json.get("dossiers")) {
            assertThat(d.get("verdict").asText()).isIn("compliant", "non_compliant", "error");
            for (JsonNode f : d.get("findings")) {
                assertThat(f.get("line").asInt()).isPositive();
                assertThat(f.get("column").asInt()).isPositive();
                assertThat(f.get("rule").asText()).matches("LCP-[A-Z]+-\\d{2}");
            }
            if (d.get("file").asText().contains("/invalid/")) {
                assertThat(d.get("verdict").asText()).isEqualTo("error");
            }
        }
    }

    @Test
    void everyCatalogueRuleFiresOnSomeFixture() throws IOException {
        JsonNode json = new ObjectMapper().readTree(run("check", "--format", "json", "fixtures/").out());
        java.util.Set<String> fired = new java.util.TreeSet<>();
        json.get("dossiers").forEach(d -> d.get("findings").forEach(f -> fired.add(f.get("rule").asText())));
        java.util.Set<String> catalogue = new java.util.TreeSet<>(io.pilotcheck.rules.CatalogueGaps.catalogue(
                java.nio.file.Files.readString(Path.of("docs/spec/requirements.md"))).keySet());
        assertThat(catalogue).hasSize(33);
        java.util.Set<String> silent = new java.util.TreeSet<>(catalogue);
        silent.removeAll(fired);
        assertThat(silent).as("catalogue rules that fire on no fixture").isEmpty();
    }

    @Test
    void twoJsonRunsAreByteIdentical() {
        String first = run("check", "--format", "json", "--as-of", "2020-06-30", "fixtures/").out();
        String second = run("check", "--format", "json", "--as-of", "2020-06-30", "fixtures/").out();
        assertThat(first).isNotEmpty().isEqualTo(second);
    }

    @Test
    void findingsAreSortedByFileLineAndRule() throws IOException {
        JsonNode json = new ObjectMapper().readTree(run("check", "--format", "json", "fixtures/").out());
        String previousFile = "";
        for (JsonNode d : json.get("dossiers")) {
            assertThat(d.get("file").asText()).isGreaterThan(previousFile);
            previousFile = d.get("file").asText();
            int line = 0;
            for (JsonNode f : d.get("findings")) {
                assertThat(f.get("line").asInt()).isGreaterThanOrEqualTo(line);
                line = f.get("line").asInt();
            }
        }
    }

    @Test
    void textReadsLikeACompiler() {
        Run r = run("check", "fixtures/03-dalian.yaml");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).containsPattern(
                "fixtures/03-dalian\\.yaml:\\d+:\\d+: violation LCP-STAR-01 大连市.*\\[四（三）]");
        assertThat(r.out()).contains("fixtures/03-dalian.yaml: 大连市 — 不合规");
        assertThat(r.out()).contains("汇总：1 个档案");
        Run en = run("check", "--lang", "en", "fixtures/03-dalian.yaml");
        assertThat(en.out()).contains("Dalian").contains("non_compliant").contains("summary: 1 dossier: ");
        assertThat(run("check", "--lang", "en", "fixtures/03-dalian.yaml", "fixtures/01-wuhai.yaml").out())
                .contains("summary: 2 dossiers: ");
    }

    @Test
    void failOnSetsTheThreshold() {
        // 07-changzhou has only a warning
        assertThat(run("check", "fixtures/07-changzhou.yaml").code()).isEqualTo(0);
        assertThat(run("check", "--fail-on", "warning", "fixtures/07-changzhou.yaml").code()).isEqualTo(1);
        assertThat(run("check", "--fail-on", "never", "fixtures/03-dalian.yaml").code()).isEqualTo(0);
        // a dossier that cannot be checked fails the run whatever the threshold
        assertThat(run("check", "--fail-on", "never", "fixtures/invalid/alias.yaml").code()).isEqualTo(1);
    }

    @Test
    void aMissingPathIsExitTwo() {
        Run r = run("check", "--lang", "en", "no/such/folder");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no such file or folder: no/such/folder");
        assertThat(run("check", "no/such/folder").err()).isEqualTo("pilotcheck：没有这个文件或文件夹：no/such/folder\n");
    }

    @Test
    void badUsageIsExitTwo() {
        assertThat(run("check").code()).isEqualTo(2);
        assertThat(run("check", "--as-of", "2017-02-30", "fixtures/").code()).isEqualTo(2);
        assertThat(run("check", "--format", "pdf", "fixtures/").code()).isEqualTo(2);
    }

    @Test
    void limitsThatAreNotSizesOrAreZeroAreBadUsage() {
        Run notASize = run("check", "--lang", "en", "--max-file-size", "10 lakh", "fixtures/");
        assertThat(notASize.code()).isEqualTo(2);
        assertThat(notASize.err()).contains("'10 lakh' is not a size (examples: 10MiB, 512KB, 2048)");
        assertThat(run("check", "--max-file-size", "10 lakh", "fixtures/").err())
                .contains("--max-file-size 的取值无效：“10 lakh”不是大小（例如：10MiB、512KB、2048）");
        assertThat(run("check", "--lang=en", "--max-file-size", "0", "fixtures/").err()).contains("at least 1 byte");
        assertThat(run("check", "--max-file-size", "0", "fixtures/").err()).contains("大小至少为 1 字节");
        Run depth = run("check", "--lang", "en", "--max-depth", "0", "fixtures/");
        assertThat(depth.code()).isEqualTo(2);
        assertThat(depth.err()).contains("--max-depth must be at least 1");
        // units are binary and case-blind, as ls -h writes them
        assertThat(run("check", "--max-file-size", "2k", "-f", "json", "fixtures/02-shenyang.yaml").code()).isZero();
        assertThat(run("check", "--max-file-size", "1KiB", "-f", "json", "fixtures/02-shenyang.yaml").code()).isEqualTo(1);
    }

    @Test
    void helpDocumentsTheExitCodes() {
        Run r = run("--lang", "en", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Exit codes:").contains("0  checked").contains("2  could not check")
                .contains("130  interrupted by Ctrl-C");
        Run zh = run("--lang", "zh", "--help");
        assertThat(zh.out()).contains("用法：pilotcheck").contains("退出码：").contains("2  无法检查")
                .contains("130  按了 Ctrl-C");
    }


    /** serve, history, export and import once answered --help with "not an option", exit 2. */
    @Test
    void everyCommandAnswersHelpInBothLanguages() {
        java.util.List<String> failed = new java.util.ArrayList<>();
        java.util.List<String[]> commands = new java.util.ArrayList<>();
        PilotcheckCommand.SUBCOMMANDS.keySet().forEach(name -> commands.add(new String[] {name}));
        for (String sub : java.util.List.of("list", "validate", "doc", "test")) {
            commands.add(new String[] {"rules", sub});
        }
        for (String[] command : commands) {
            for (String lang : java.util.List.of("zh", "en")) {
                java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--lang", lang));
                args.addAll(java.util.List.of(command));
                args.add("--help");
                Run r = run(args.toArray(String[]::new));
                String usage = lang.equals("zh") ? "用法：pilotcheck " : "Usage: pilotcheck ";
                if (r.code() != 0 || !r.out().startsWith(usage + String.join(" ", command))) {
                    failed.add(String.join(" ", args) + " → exit " + r.code() + ": " + (r.out() + r.err()).lines().findFirst().orElse(""));
                }
            }
        }
        assertThat(failed).isEmpty();
    }
    @Test
    void aUsageErrorIsOneLineInTheReadersLanguageWithWhereTheHelpIs() {
        Run zh = run("check", "--lang", "zh", "--as-of", "2017/03/01", "fixtures/");
        assertThat(zh.code()).isEqualTo(2);
        assertThat(zh.err()).isEqualTo("pilotcheck：--as-of 的取值无效：“2017/03/01”不是 YYYY-MM-DD 格式的真实日期；"
                + "是否应为 2017-03-01？\n全部选项见 “pilotcheck check --help”。\n");
        Run en = run("check", "--lang", "en", "--as-of", "2017年3月1日", "fixtures/");
        assertThat(en.err()).isEqualTo("pilotcheck: invalid value for --as-of: '2017年3月1日' is not a real date of the "
                + "form YYYY-MM-DD; did you mean 2017-03-01?\nSee 'pilotcheck check --help' for every option.\n");
        assertThat(run("check", "--lang", "zh").err()).startsWith("pilotcheck：缺少必需的选项或参数：PATH\n");
        assertThat(run("chek", "--lang", "zh", "fixtures/").err()).contains("无法识别的选项或参数：chek").contains("是否应为 check？");
    }

    @Test
    void helpSpeaksChineseUnlessAskedForEnglishOrUnderAnEnglishLocale() {
        assertThat(HelpLanguage.of(new String[] {"check"}, java.util.Map.of())).isEqualTo(io.pilotcheck.words.Language.ZH);
        assertThat(HelpLanguage.of(new String[] {"check"}, java.util.Map.of("LANG", "C.UTF-8"))).isEqualTo(io.pilotcheck.words.Language.ZH);
        assertThat(HelpLanguage.of(new String[] {"check"}, java.util.Map.of("LANG", "zh_CN.UTF-8"))).isEqualTo(io.pilotcheck.words.Language.ZH);
        assertThat(HelpLanguage.of(new String[] {"check"}, java.util.Map.of("LANG", "en_US.UTF-8"))).isEqualTo(io.pilotcheck.words.Language.EN);
        assertThat(HelpLanguage.of(new String[] {"check"}, java.util.Map.of("LC_ALL", "zh_CN.UTF-8", "LANG", "en_US.UTF-8")))
                .isEqualTo(io.pilotcheck.words.Language.ZH);
        assertThat(HelpLanguage.of(new String[] {"check", "--lang", "en"}, java.util.Map.of("LANG", "zh_CN.UTF-8")))
                .isEqualTo(io.pilotcheck.words.Language.EN);
        assertThat(HelpLanguage.of(new String[] {"check", "--lang=zh"}, java.util.Map.of("LANG", "en_US.UTF-8")))
                .isEqualTo(io.pilotcheck.words.Language.ZH);
    }

    @Test
    void outputFileGetsTheReport(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("sub/report.json");
        Run r = run("check", "-f", "json", "-o", file.toString(), "fixtures/02-shenyang.yaml");
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(new ObjectMapper().readTree(file.toFile()).at("/summary/compliant").asInt()).isEqualTo(1);
        try (Stream<Path> left = Files.list(file.getParent())) {
            assertThat(left).containsExactly(file);
        }
    }

    @Test
    void registryListsTheAnnex() {
        Run r = run("registry");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("3\t辽宁\t大连市\t*\t2025\t3").contains("共 45 个试点，其中带星号（有条件批复）21 个");
        assertThat(run("registry", "--lang", "en").out()).contains("Zhongshan\t\t2023-2025");
    }

    @Test
    void rulesListShowsTheCatalogueFromMetadata() {
        Run r = run("rules", "list", "--lang", "en");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("LCP-STAR-01\tviolation\t四（三）\tA starred city submits");
    }
}
