package io.pilotcheck.cli;

import io.pilotcheck.entry.DossierWorkbook;
import io.pilotcheck.entry.WorkbookReader;
import io.pilotcheck.files.OutputFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import io.pilotcheck.finding.BuiltInChecks;
import java.util.concurrent.Callable;

/**
 * {@code pilotcheck convert FILE -o FILE}: a dossier between its YAML and the city's workbook,
 * either way, by the files' extensions (docs/spec/entry.md).
 */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Convert a dossier between YAML (.yaml/.yml) and the city's workbook (.xlsx), either way.")
public final class ConvertCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "FILE", descriptionKey = "FILE", description = "the dossier to convert")
    Path input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "where to write it: .xlsx or .yaml")
    Path output;

    @Option(names = "--force", description = "overwrite FILE if it exists")
    boolean force;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        boolean toWorkbook = name(output).endsWith(".xlsx");
        boolean fromWorkbook = name(input).endsWith(".xlsx");
        if (toWorkbook == fromWorkbook || !(toWorkbook ? yaml(input) : yaml(output))) {
            return say(err, "convertKinds", "input", input, "output", output);
        }
        if (Files.exists(output) && !force) {
            return say(err, "fileExists", "file", output);
        }
        try {
            byte[] bytes = Files.readAllBytes(input);
            if (toWorkbook) {
                // what the workbook has no row for would be dropped without a word: refused instead
                List<io.pilotcheck.source.YamlProblem> lost = new io.pilotcheck.dossier.DossierLoader().loadBytes(input.toString(), bytes)
                        .problems().stream().filter(p -> UNHELD.contains(p.ruleId())).toList();
                if (!lost.isEmpty()) {
                    lost.forEach(p -> err.println(p.location() + ": error " + p.ruleId() + " "
                            + (common.lang == io.pilotcheck.words.Language.ZH ? p.messageZh() : p.messageEn())));
                    return say(err, "convertCannotHold", "input", input);
                }
            }
            byte[] result = toWorkbook ? DossierWorkbook.fromYaml(bytes)
                    : WorkbookReader.read(bytes).yaml().getBytes(StandardCharsets.UTF_8);
            OutputFile.write(result, output);
            err.println(Say.say(common.lang, "converted", "input", input, "output", output));
            err.flush();
            return ExitCode.OK.code();
        } catch (WorkbookReader.NotATemplate e) {
            return say(err, "convertNotATemplate", "input", input);
        } catch (IOException e) {
            return say(err, "convertFailed", "input", input, "reason", String.valueOf(e.getMessage()));
        }
    }

    /** The problems of a YAML dossier about what a workbook cannot hold: it does not read, a key repeated or unknown, an alias. */
    private static final java.util.Set<String> UNHELD = java.util.Set.of(BuiltInChecks.SYNTAX, BuiltInChecks.UNKNOWN_KEY,
            BuiltInChecks.DUPLICATE_KEY, BuiltInChecks.FORBIDDEN_FEATURE);

    private static String name(Path p) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT);
    }

    private static boolean yaml(Path p) {
        return name(p).endsWith(".yaml") || name(p).endsWith(".yml");
    }

    private int say(PrintWriter err, String key, Object... values) {
        err.println(Say.say(common.lang, key, values));
        err.flush();
        return ExitCode.CANNOT_CHECK.code();
    }
}
