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
            throw new UsageProblem(suggestion(value).isPresent() ? "badDateFix" : "badDate", "value", value,
                    "fix", suggestion(value).map(Object::toString).orElse(""));
        }
    }

    /** The same date written as YYYY-MM-DD, when {@code value} is a real date in another shape. */
    static java.util.Optional<String> suggestion(String value) {
        return IsoDate.suggestion(value);
    }
}
