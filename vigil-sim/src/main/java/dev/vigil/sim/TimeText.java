package dev.vigil.sim;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Formats times the ways CloudTrail writes them. {@link #iso(long)} runs once or more per record, so it caches
 * the date part and builds the rest by hand instead of going through {@link DateTimeFormatter}.
 *
 * <p>Not thread-safe (the cache): each generator owns its instance.
 */
final class TimeText {

    private static final long DAY_MILLIS = 86_400_000L;
    /** IAM's {@code createDate} inside responseElements, e.g. {@code Oct 1, 2026 2:11:03 PM}. */
    private static final DateTimeFormatter IAM_DISPLAY =
            DateTimeFormatter.ofPattern("MMM d, yyyy h:mm:ss a", Locale.US).withZone(ZoneOffset.UTC);
    /** STS's {@code expiration}, e.g. {@code Oct 1, 2026, 2:11:03 PM}. */
    private static final DateTimeFormatter STS_DISPLAY =
            DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm:ss a", Locale.US).withZone(ZoneOffset.UTC);

    private long cachedDay = Long.MIN_VALUE;
    private final char[] buffer = "0000-00-00T00:00:00Z".toCharArray();

    /** {@code yyyy-MM-ddTHH:mm:ssZ}, UTC, truncated to the second: the {@code eventTime} format. */
    String iso(long epochMillis) {
        fill(epochMillis);
        return new String(buffer);
    }

    private void fill(long epochMillis) {
        long day = Math.floorDiv(epochMillis, DAY_MILLIS);
        if (day != cachedDay) {
            String date = LocalDate.ofEpochDay(day).toString();
            if (date.length() != 10) {
                throw new IllegalArgumentException("year outside 0000-9999: " + date);
            }
            date.getChars(0, 10, buffer, 0);
            cachedDay = day;
        }
        int secondOfDay = (int) (Math.floorMod(epochMillis, DAY_MILLIS) / 1000);
        put2(11, secondOfDay / 3600);
        put2(14, secondOfDay / 60 % 60);
        put2(17, secondOfDay % 60);
    }

    /**
     * {@link #iso(long)} as quoted ASCII bytes, for writing straight into JSON. The array is reused by the
     * next call: copy it out before calling again.
     */
    byte[] isoQuoted(long epochMillis) {
        fill(epochMillis);
        quoted[0] = '"';
        for (int i = 0; i < buffer.length; i++) {
            quoted[i + 1] = (byte) buffer[i];
        }
        quoted[buffer.length + 1] = '"';
        return quoted;
    }

    private final byte[] quoted = new byte[22];

    private void put2(int at, int value) {
        buffer[at] = (char) ('0' + value / 10);
        buffer[at + 1] = (char) ('0' + value % 10);
    }

    static String iamDisplay(long epochMillis) {
        return IAM_DISPLAY.format(Instant.ofEpochMilli(epochMillis));
    }

    static String stsDisplay(long epochMillis) {
        return STS_DISPLAY.format(Instant.ofEpochMilli(epochMillis));
    }
}
