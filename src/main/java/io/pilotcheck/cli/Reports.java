package io.pilotcheck.cli;

import io.pilotcheck.words.Language;
import io.pilotcheck.report.ReportFormat;
import io.pilotcheck.report.ReportFormats;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The reports one {@code check} run writes: each {@code -f} with the {@code -o} of the same
 * position, so {@code -f html -o report.html -f json -o report.json} serves people and machines
 * from one batch. A format without its {@code -o} goes to standard output; only one may.
 */
final class Reports {

    /** One report: a format and its file, or null for standard output. */
    record Report(ReportFormat format, Path file) {
    }

    private Reports() {
    }

    /** Why the options cannot be paired, or empty when they can. */
    static Optional<String> problem(List<ReportFormat> formats, List<Path> outputs, boolean watch, Language lang) {
        int n = Math.max(formats.size(), 1);
        if (outputs.size() > n) {
            return Optional.of(Say.say(lang, "tooManyOutputs", "outputs", outputs.size(), "formats", n,
                    "plural", n == 1 ? "" : "s"));
        }
        if (n - outputs.size() > 1) {
            return Optional.of(Say.say(lang, "tooManyToStdout", "n", n - outputs.size()));
        }
        for (Report r : pair(formats, outputs)) {
            if (r.file() == null && r.format().binary()) {
                return Optional.of(Say.say(lang, "binaryToStdout"));
            }
            if (watch && r.file() == null && !r.format().name().equals("text")) {
                return Optional.of(Say.say(lang, "watchNeedsText", "format", r.format().name()));
            }
        }
        return Optional.empty();
    }

    /** The pairs, in the order given; {@code text} to standard output when no format is given. */
    static List<Report> pair(List<ReportFormat> formats, List<Path> outputs) {
        List<ReportFormat> fs = formats.isEmpty() ? List.of(ReportFormats.find("text").orElseThrow()) : formats;
        List<Report> out = new ArrayList<>();
        for (int i = 0; i < fs.size(); i++) {
            out.add(new Report(fs.get(i), i < outputs.size() ? outputs.get(i) : null));
        }
        return out;
    }
}
