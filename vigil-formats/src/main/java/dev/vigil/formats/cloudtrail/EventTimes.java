package dev.vigil.formats.cloudtrail;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Parses CloudTrail's {@code yyyy-MM-ddTHH:mm:ssZ} quickly, falling back to full ISO-8601 for other forms. */
public final class EventTimes {

    private EventTimes() {
    }

    /**
     * Parses the body of a JSON string, {@code b[from, to)}, without making a String for the common form; escaped
     * or other forms go through {@link #parseMillis(String)}.
     */
    public static long parseMillis(byte[] b, int from, int to) {
        if (to - from == 20) {
            boolean plain = true;
            for (int i = from; i < to; i++) {
                if (b[i] == '\\' || b[i] < 0) {
                    plain = false;
                    break;
                }
            }
            if (plain) {
                return parseMillis(new AsciiView(b, from));
            }
        }
        return parseMillis(dev.vigil.formats.json.JsonStrings.decode(b, from, to));
    }

    /** Twenty ASCII bytes seen as characters, so the fast path needs no copy. */
    private record AsciiView(byte[] b, int from) implements CharSequence {
        @Override
        public int length() {
            return 20;
        }

        @Override
        public char charAt(int index) {
            return (char) b[from + index];
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new String(b, from + start, end - start, java.nio.charset.StandardCharsets.US_ASCII);
        }

        @Override
        public String toString() {
            return new String(b, from, 20, java.nio.charset.StandardCharsets.US_ASCII);
        }
    }

    /** Epoch milliseconds, or {@link Long#MIN_VALUE} when the text is not a time. */
    public static long parseMillis(String s) {
        return parseMillis((CharSequence) s);
    }

    private static long parseMillis(CharSequence s) {
        if (s.length() == 20 && s.charAt(4) == '-' && s.charAt(7) == '-' && s.charAt(10) == 'T'
                && s.charAt(13) == ':' && s.charAt(16) == ':' && s.charAt(19) == 'Z') {
            int y = digits(s, 0, 4);
            int mo = digits(s, 5, 2);
            int d = digits(s, 8, 2);
            int h = digits(s, 11, 2);
            int mi = digits(s, 14, 2);
            int se = digits(s, 17, 2);
            if (y >= 0 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(y, mo) && h >= 0 && h < 24
                    && mi >= 0 && mi < 60 && se >= 0 && se < 60) {
                long days = epochDay(y, mo, d);
                return ((days * 24 + h) * 60 + mi) * 60_000L + se * 1000L;
            }
            return Long.MIN_VALUE;
        }
        try {
            return OffsetDateTime.parse(s.toString()).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            return Long.MIN_VALUE;
        }
    }

    private static int digits(CharSequence s, int from, int n) {
        int v = 0;
        for (int i = from; i < from + n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static int daysIn(int y, int m) {
        return switch (m) {
            case 2 -> (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static long epochDay(int y, int m, int d) {
        return java.time.LocalDate.of(y, m, d).toEpochDay();
    }
}
