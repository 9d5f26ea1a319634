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
        Matcher m = AGE.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            Duration d = switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
            return clock.instant().minus(d);
        }
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
