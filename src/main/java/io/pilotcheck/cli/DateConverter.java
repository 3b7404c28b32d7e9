package io.pilotcheck.cli;

import picocli.CommandLine;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/** Reads {@code YYYY-MM-DD} strictly: 2017-02-30 is refused, not rolled over. */
public final class DateConverter implements CommandLine.ITypeConverter<LocalDate> {

    private static final DateTimeFormatter STRICT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    @Override
    public LocalDate convert(String value) {
        try {
            return LocalDate.parse(value, STRICT);
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a real date of the form YYYY-MM-DD");
        }
    }
}
