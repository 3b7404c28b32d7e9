package io.pilotcheck.cli;

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

    /** Dates as people also write them: 2017/3/1, 2017.03.01, 2017-3-1, 2017年3月1日. */
    private static final Pattern OTHER_SHAPES =
            Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");

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
        Matcher m = OTHER_SHAPES.matcher(value.strip());
        if (!m.matches()) {
            return java.util.Optional.empty();
        }
        String iso = m.group(1) + "-" + pad(m.group(2)) + "-" + pad(m.group(3));
        try {
            return java.util.Optional.of(LocalDate.parse(iso, STRICT).toString());
        } catch (DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }

    private static String pad(String n) {
        return n.length() == 1 ? "0" + n : n;
    }
}
