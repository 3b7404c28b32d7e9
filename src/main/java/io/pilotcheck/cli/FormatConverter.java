package io.pilotcheck.cli;

import io.pilotcheck.report.ReportFormat;
import io.pilotcheck.report.ReportFormats;
import picocli.CommandLine;

import java.util.Locale;

/** {@code -f NAME}: a report format from the registry, its name in any case. */
final class FormatConverter implements CommandLine.ITypeConverter<ReportFormat> {

    @Override
    public ReportFormat convert(String value) {
        return ReportFormats.find(value.toLowerCase(Locale.ROOT)).orElseThrow(() -> new UsageProblem("badFormat",
                "formats", ReportFormats.names(), "value", value));
    }
}
