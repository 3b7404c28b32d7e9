package io.pilotcheck.cli;

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
    static Optional<String> problem(List<ReportFormat> formats, List<Path> outputs, boolean watch) {
        int n = Math.max(formats.size(), 1);
        if (outputs.size() > n) {
            return Optional.of(outputs.size() + " --output files for " + n + " --format" + (n == 1 ? "" : "s")
                    + ": give one --format per --output, in the same order");
        }
        if (n - outputs.size() > 1) {
            return Optional.of((n - outputs.size()) + " reports would go to standard output; give each --format but one "
                    + "its own --output FILE");
        }
        for (Report r : pair(formats, outputs)) {
            if (r.file() == null && r.format().binary()) {
                return Optional.of("an xlsx workbook is binary; write it with --output FILE");
            }
            if (watch && r.file() == null && !r.format().name().equals("text")) {
                return Optional.of("--watch prints changes as text on standard output; write the " + r.format().name()
                        + " report with --output FILE");
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
