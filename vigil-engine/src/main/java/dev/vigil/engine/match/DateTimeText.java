package dev.vigil.engine.match;

import dev.vigil.engine.sigma.SigmaTimePart;

/**
 * Reads a date-time from a log value for the time modifiers, without allocating, and takes it apart in UTC.
 *
 * <p>Accepted: ISO-8601 text {@code 2024-01-02T03:04:05Z} (the form CloudTrail writes) with optional seconds,
 * fraction and offset ({@code +02:00}, {@code +0200}, {@code +02}; none means UTC), a space or {@code T} between
 * date and time, or a date alone ({@code 2024-01-02}, midnight UTC); and epoch numbers, JSON or text: seconds when
 * their magnitude is below 10^11 (until the year 5138), milliseconds otherwise. Anything else, and dates outside
 * the years 0000 to 9999, read as no date.
 */
final class DateTimeText {

    /** Returned for a value that is not a date. */
    static final long NO_DATE = Long.MIN_VALUE;

    private static final long MIN_EPOCH_SECOND = -62_167_219_200L; // 0000-01-01T00:00:00Z
    private static final long MAX_EPOCH_SECOND = 253_402_300_799L; // 9999-12-31T23:59:59Z
    private static final double MILLIS_FROM = 1e11;
    private static final int MAX_TEXT = 64;

    private DateTimeText() {
    }

    /** The value's instant in epoch seconds (rounded down), or {@link #NO_DATE}. */
    static long epochSecond(Object value) {
        long s = switch (value) {
            case null -> NO_DATE;
            case String text -> fromText(text);
            case Long l -> fromNumber(l);
            case Double d -> fromNumber(d);
            case Integer i -> fromNumber(i.longValue());
            default -> NO_DATE;
        };
        return s != NO_DATE && s >= MIN_EPOCH_SECOND && s <= MAX_EPOCH_SECOND ? s : NO_DATE;
    }

    private static long fromNumber(long n) {
        return Math.abs(n) < MILLIS_FROM ? n : Math.floorDiv(n, 1000L);
    }

    private static long fromNumber(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d) || Math.abs(d) > 1e15) {
            return NO_DATE;
        }
        return (long) Math.floor(Math.abs(d) < MILLIS_FROM ? d : d / 1000.0);
    }

    private static long fromText(String t) {
        int n = t.length();
        if (n == 0 || n > MAX_TEXT) {
            return NO_DATE;
        }
        if (n >= 10 && t.charAt(4) == '-' && t.charAt(7) == '-') {
            return fromIso(t);
        }
        double d = NumberText.parse(t);
        return Double.isNaN(d) ? NO_DATE : fromNumber(d);
    }

    /** {@code YYYY-MM-DD[(T| )HH:MM[:SS[.f…]]][Z|±HH[:MM]|±HHMM]}. */
    private static long fromIso(String t) {
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
            return NO_DATE;
        }
        int n = t.length();
        int i = 10;
        long seconds = 0;
        if (i < n && (t.charAt(i) == 'T' || t.charAt(i) == 't' || t.charAt(i) == ' ')) {
            int hour = digits(t, i + 1, 2);
            if (hour < 0 || hour > 23 || i + 3 >= n || t.charAt(i + 3) != ':') {
                return NO_DATE;
            }
            int minute = digits(t, i + 4, 2);
            if (minute < 0 || minute > 59) {
                return NO_DATE;
            }
            i += 6;
            int second = 0;
            if (i < n && t.charAt(i) == ':') {
                second = digits(t, i + 1, 2);
                if (second < 0 || second > 59) {
                    return NO_DATE;
                }
                i += 3;
                if (i < n && (t.charAt(i) == '.' || t.charAt(i) == ',')) {
                    int start = ++i;
                    while (i < n && isDigit(t.charAt(i))) {
                        i++;
                    }
                    if (i == start) {
                        return NO_DATE;
                    }
                }
            }
            seconds = hour * 3600L + minute * 60L + second;
            if (i < n) {
                long offset = offsetSeconds(t, i);
                if (offset == NO_DATE) {
                    return NO_DATE;
                }
                seconds -= offset;
            }
        } else if (i < n) {
            return NO_DATE;
        }
        return daysFromCivil(year, month, day) * 86_400L + seconds;
    }

    /** The offset from UTC written at {@code i} to the end: Z, ±HH, ±HH:MM or ±HHMM; else {@link #NO_DATE}. */
    private static long offsetSeconds(String t, int i) {
        int n = t.length();
        char c = t.charAt(i);
        if ((c == 'Z' || c == 'z') && i + 1 == n) {
            return 0;
        }
        if (c != '+' && c != '-') {
            return NO_DATE;
        }
        int hours = digits(t, i + 1, 2);
        int minutes;
        int rest = n - (i + 3);
        if (rest == 0) {
            minutes = 0;
        } else if (rest == 3 && t.charAt(i + 3) == ':') {
            minutes = digits(t, i + 4, 2);
        } else if (rest == 2) {
            minutes = digits(t, i + 3, 2);
        } else {
            return NO_DATE;
        }
        if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59) {
            return NO_DATE;
        }
        long offset = hours * 3600L + minutes * 60L;
        return c == '-' ? -offset : offset;
    }

    /** The part of the instant, in UTC. */
    static int part(long epochSecond, SigmaTimePart.Unit unit) {
        long days = Math.floorDiv(epochSecond, 86_400L);
        int secondOfDay = (int) Math.floorMod(epochSecond, 86_400L);
        return switch (unit) {
            case MINUTE -> secondOfDay / 60 % 60;
            case HOUR -> secondOfDay / 3600;
            case DAY -> (int) (civil(days) % 100);
            case MONTH -> (int) (civil(days) / 100 % 100);
            case YEAR -> (int) (civil(days) / 10_000);
            case WEEK -> isoWeek(days);
        };
    }

    /**
     * ISO-8601 week number: weeks run Monday to Sunday and belong to the year of their Thursday; week 1 is the
     * week holding that year's first Thursday.
     */
    private static int isoWeek(long days) {
        int dayOfWeek = (int) Math.floorMod(days + 3, 7L) + 1; // 1970-01-01 was a Thursday; Monday = 1
        long thursday = days - dayOfWeek + 4;
        long year = civil(thursday) / 10_000;
        long dayOfYear = thursday - daysFromCivil((int) year, 1, 1);
        return (int) (dayOfYear / 7) + 1;
    }

    /**
     * The civil date of a day count since 1970-01-01 as {@code year * 10000 + month * 100 + day}, by the
     * era-based method (eras of 400 years, years counted from March so that the leap day comes last).
     */
    static long civil(long days) {
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097L);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        long day = dayOfYear - (153 * mp + 2) / 5 + 1;
        long month = mp < 10 ? mp + 3 : mp - 9;
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        return year * 10_000 + month * 100 + day;
    }

    /** Days since 1970-01-01 of a civil date; the inverse of {@link #civil}. */
    static long daysFromCivil(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400L);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    private static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** The number written with exactly {@code count} digits at {@code from}, or -1. */
    private static int digits(String t, int from, int count) {
        if (from < 0 || from + count > t.length()) {
            return -1;
        }
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = t.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
