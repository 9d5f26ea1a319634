package dev.vigil.report;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Instants as shown in reports: always UTC, so times from different analysts and logs line up. */
final class UtcTime {

    /** What the model uses for "the record had no usable time" ({@code Event.timeMillis() == Long.MIN_VALUE}). */
    static final Instant NO_TIME = Instant.ofEpochMilli(Long.MIN_VALUE);

    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private UtcTime() {
    }

    /** {@code 2024-07-31 13:06:24}, with milliseconds only when the instant has them; {@code unknown} for no time. */
    static String format(Instant t) {
        if (t == null || t.equals(NO_TIME)) {
            return "unknown";
        }
        try {
            return (t.getNano() == 0 ? SECONDS : MILLIS).format(t);
        } catch (DateTimeException beyondCalendar) {
            // Instants near Instant.MIN/MAX have no calendar date; their ISO form is still unambiguous.
            return t.toString();
        }
    }

    /** Like {@link #format(Instant)} with the zone spelled out, for places without a "UTC" column heading. */
    static String formatWithZone(Instant t) {
        String s = format(t);
        return s.equals("unknown") || s.endsWith("Z") ? s : s + " UTC";
    }
}
