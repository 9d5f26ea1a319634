package dev.vigil.engine.baseline;

import java.util.Locale;

/** Hours of the week in UTC, Monday 00:00–00:59 being 0 and Sunday 23:00–23:59 being 167. */
final class HourOfWeek {

    static final int HOURS = 168;
    static final long HOUR_MILLIS = 3_600_000L;

    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

    private HourOfWeek() {
    }

    static int of(long epochMillis) {
        // 1970-01-01 was a Thursday: hour 0 of the epoch is hour 72 of its week
        return (int) Math.floorMod(Math.floorDiv(epochMillis, HOUR_MILLIS) + 72, HOURS);
    }

    /** {@code Sun 03:00-03:59 UTC}. */
    static String label(int hour) {
        return String.format(Locale.ROOT, "%s %02d:00-%02d:59 UTC", DAYS[hour / 24], hour % 24, hour % 24);
    }
}
