package io.pilotcheck.cli;

import io.pilotcheck.report.ReportFile;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pilotcheck.diff.DiffJson;
import io.pilotcheck.diff.DiffText;
import io.pilotcheck.diff.ReportDiff;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code pilotcheck diff OLD.json NEW.json}: new, resolved and changed findings per dossier. */
@Command(name = "diff", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compare two JSON reports (check -f json): new, resolved and changed findings per dossier.",
            "A finding is matched by dossier file, rule and path, not line, so edits that move lines are not changes.",
            "Exit 0: nothing new and nothing worse; 1: a new finding, or one whose severity rose; 2: a report "
                + "cannot be read."})
public final class DiffCommand implements Callable<Integer> {

    /** Output formats of {@code diff}. */
    public enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "OLD.json", descriptionKey = "OLD", description = "the earlier report")
    Path oldReport;

    @Parameters(index = "1", paramLabel = "NEW.json", descriptionKey = "NEW", description = "the later report")
    Path newReport;

    @Option(names = {"-f", "--format"}, defaultValue = "text", paramLabel = "text|json", description = "text (default) or json")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write here (default: stdout)")
    Path output;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Optional<JsonNode> old = read(oldReport, err);
        Optional<JsonNode> neu = read(newReport, err);
        if (old.isEmpty() || neu.isEmpty()) {
            return ExitCode.CANNOT_CHECK.code();
        }
        ReportDiff.Result result = ReportDiff.compare(old.get(), neu.get());
        String text = format == Format.json ? DiffJson.render(result)
                : DiffText.render(result, oldReport.toString(), newReport.toString(), common.lang);
        ReportFile.write(text, output, spec.commandLine().getOut());
        return result.worse() ? ExitCode.FINDINGS.code() : ExitCode.OK.code();
    }

    private Optional<JsonNode> read(Path file, PrintWriter err) {
        try {
            JsonNode node = new ObjectMapper().readTree(file.toFile());
            if (node == null || !node.path("dossiers").isArray() || !"pilotcheck".equals(node.at("/tool/name").asText())) {
                err.println(Say.say(common.lang, "diffNotReport", "file", file));
                err.flush();
                return Optional.empty();
            }
            return Optional.of(node);
        } catch (JsonProcessingException e) {
            boolean started = e.getLocation() != null && (e.getLocation().getLineNr() > 1 || e.getLocation().getColumnNr() > 2);
            // A file that is not JSON from its first character (an HTML or xlsx report) is the
            // wrong file, not a damaged one: say which file to give instead.
            err.println(started
                    ? Say.say(common.lang, "diffBrokenJson", "file", file, "line", e.getLocation().getLineNr(),
                            "column", e.getLocation().getColumnNr(), "detail", e.getOriginalMessage().lines().findFirst().orElse(""))
                    : Say.say(common.lang, "diffNotReport", "file", file));
        } catch (IOException e) {
            err.println(Say.say(common.lang, "diffCannotRead", "file", file, "reason",
                    e instanceof java.nio.file.NoSuchFileException || e instanceof java.io.FileNotFoundException
                            ? Say.say(common.lang, "diffNoSuchFile") : e.getMessage()));
        }
        err.flush();
        return Optional.empty();
    }
}
