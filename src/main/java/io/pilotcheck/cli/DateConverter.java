package io.pilotcheck.cli;

import io.pilotcheck.source.IsoDate;

import picocli.CommandLine;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code YYYY-MM-DD} strictly: 2017-02-30 is refused, not rolled over. */
public final class DateConverter implements CommandLine.ITypeConverter<LocalDate> {

    private static final DateTimeFormatter STRICT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    @Override
    public LocalDate convert(String value) {
        try {
            return LocalDate.parse(value, STRICT);
        } catch (DateTimeParseException e) {
            String fix = suggestion(value).map(d -> "; did you mean " + d + "?").orElse("");
            String fixZh = suggestion(value).map(d -> "；是否应为 " + d + "？").orElse("");
            throw new UsageProblem("“" + value + "”不是 YYYY-MM-DD 格式的真实日期" + fixZh,
                    "'" + value + "' is not a real date of the form YYYY-MM-DD" + fix);
        }
    }

    /** The same date written as YYYY-MM-DD, when {@code value} is a real date in another shape. */
    static java.util.Optional<String> suggestion(String value) {
        return IsoDate.suggestion(value);
    }
}
