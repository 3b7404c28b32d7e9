package io.pilotcheck.words;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Moments as a reader sees them: in the time zone of the server or machine the tool runs on
 * ({@code serve --time-zone}, else the system's), never UTC by accident. A report's date, a
 * page's "received", a download's name and {@code history}'s dates all come from here, so an
 * upload at 01:30 in Beijing is dated that day everywhere.
 */
public final class Clock {

    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private Clock() {
    }

    /** The zone moments are shown in. */
    public static ZoneId zone() {
        return ZoneId.systemDefault();
    }

    /** The day {@code at} falls on in that zone. */
    public static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, zone());
    }

    /** {@code at} to the second in that zone ({@code 2026-12-06 02:12:49}). */
    public static String second(Instant at) {
        return SECOND.format(at.atZone(zone()));
    }

    /** {@code at} as month, day and minute in that zone ({@code 12-06 02:12}), for a chart's axis. */
    public static String minute(Instant at) {
        return MINUTE.format(at.atZone(zone()));
    }

    /** The zone's name and offset now ({@code Asia/Shanghai, UTC+08:00}), as a page says which zone its times are in. */
    public static String zoneShown() {
        String offset = zone().getRules().getOffset(Instant.now()).getId();
        return zone().getId() + ", UTC" + (offset.equals("Z") ? "" : offset);
    }
}
