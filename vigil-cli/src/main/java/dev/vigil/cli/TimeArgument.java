package dev.vigil.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses time arguments: ISO-8601 instants, dates (midnight UTC), or ages such as {@code 30m}, {@code 24h}, {@code 7d}. */
final class TimeArgument {

    private static final Pattern AGE = Pattern.compile("(\\d{1,9})([smhd])");

    private TimeArgument() {
    }

    static Instant parse(String text, String option, Clock clock) {
        String t = text.trim();
        if (AGE.matcher(t).matches()) {
            return clock.instant().minus(duration(t, option));
        }
        return absolute(t, text, option);
    }

    /** A time in the future: an instant, a date, or a span from now such as {@code 30d} (for expiry dates). */
    static Instant future(String text, String option, Clock clock) {
        String t = text.trim();
        if (AGE.matcher(t).matches()) {
            return clock.instant().plus(duration(t, option));
        }
        return absolute(t, text, option);
    }

    /** A span such as {@code 30m}, {@code 24h}, {@code 7d}. */
    static Duration duration(String text, String option) {
        Matcher m = AGE.matcher(text.trim());
        if (!m.matches()) {
            throw new UserError(option + " '" + text + "' is not a duration: use a number and s, m, h or d, such as "
                    + "30m, 24h, 7d");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    private static Instant absolute(String t, String text, String option) {
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e2) {
                throw new UserError(option + " '" + text + "' is not a time: use 2026-10-01T12:00:00Z, 2026-10-01, "
                        + "or an age such as 30m, 24h, 7d");
            }
        }
    }
}
