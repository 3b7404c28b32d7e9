package io.pilotcheck.cli;

import io.pilotcheck.report.ReportFile;
import io.pilotcheck.dossier.DossierTemplate;
import io.pilotcheck.source.Suggestions;
import io.pilotcheck.registry.EarlierPilot;
import io.pilotcheck.registry.PilotCity;
import io.pilotcheck.registry.PilotRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code pilotcheck init CITY}: a dossier template for one pilot, prefilled from the annex. */
@Command(name = "init", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write a dossier template for a pilot, prefilled from the annex (province, number, starred, "
                + "peak year, one innovations entry per focus) with every field commented in Chinese.",
            "The file is CITY's English name in lower case (dalian.yaml) unless -o is given; an existing file "
                + "is kept unless --force."})
public final class InitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "CITY", descriptionKey = "CITY", description = "the pilot, as the annex names it (大连市) or in English (Dalian)")
    String city;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "where to write it; - for standard output")
    String output;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", converter = DateConverter.class,
            description = "the template's as_of (default: today)")
    LocalDate asOf;

    @Option(names = "--format", defaultValue = "yaml", paramLabel = "yaml|xlsx",
            description = "yaml (default), or xlsx: the city's workbook, a sheet a section, the annex's facts filled in and locked")
    String format;

    @Option(names = "--force", description = "overwrite FILE if it exists")
    boolean force;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<PilotRegistry> registry = RulesLoading.loadRegistry(common.rulesDir(), common.lang, err);
        if (registry.isEmpty()) {
            return ExitCode.CANNOT_CHECK.code();
        }
        Optional<PilotCity> pilot = registry.get().find(city);
        Optional<EarlierPilot> earlier = registry.get().earlier(city);
        if (earlier.isPresent()) {
            EarlierPilot e = earlier.get();
            err.println(Say.say(common.lang, "earlierPilot", "city", city.strip(), "year", e.year(),
                    "batch", e.batch(common.lang)));
            err.flush();
            return ExitCode.CANNOT_CHECK.code();
        }
        if (pilot.isEmpty()) {
            List<String> near = registry.get().suggest(city);
            String names = String.join(Say.say(common.lang, "orSeparator"), near);
            err.println(Say.say(common.lang, "notAPilot", "city", city,
                    "near", near.isEmpty() ? "" : Say.say(common.lang, "notAPilotNear", "names", names)));
            err.flush();
            return ExitCode.CANNOT_CHECK.code();
        }
        boolean workbook = "xlsx".equalsIgnoreCase(format);
        if (!workbook && !"yaml".equalsIgnoreCase(format)) {
            err.println(Say.say(common.lang, "initBadFormat", "format", format));
            err.flush();
            return ExitCode.CANNOT_CHECK.code();
        }
        String fileName = output != null ? output
                : pilot.get().nameEn().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + (workbook ? ".xlsx" : ".yaml");
        String text = DossierTemplate.forPilot(pilot.get(), asOf != null ? asOf : LocalDate.now(),
                "-".equals(fileName) ? pilot.get().nameEn().toLowerCase(Locale.ROOT) + ".yaml" : fileName);
        if ("-".equals(fileName) && !workbook) {
            ReportFile.write(text, null, out);
            return ExitCode.OK.code();
        }
        Path file = Path.of(fileName);
        if (Files.exists(file) && !force) {
            err.println(Say.say(common.lang, "fileExists", "file", file));
            err.flush();
            return ExitCode.CANNOT_CHECK.code();
        }
        if (workbook) {
            try {
                io.pilotcheck.files.OutputFile.write(io.pilotcheck.entry.DossierWorkbook.fromYaml(
                        text.getBytes(java.nio.charset.StandardCharsets.UTF_8)), file);
            } catch (java.io.IOException e) {
                err.println(Say.say(common.lang, "cannotWrite", "what", file + ": " + e.getMessage()));
                err.flush();
                return ExitCode.CANNOT_CHECK.code();
            }
        } else {
            ReportFile.write(text, file, out);
        }
        out.println(Say.say(common.lang, "wroteTemplate", "file", file, "city", pilot.get().name(),
                "cityEn", pilot.get().nameEn(), "focuses", pilot.get().focuses().size()));
        out.flush();
        return ExitCode.OK.code();
    }
}
