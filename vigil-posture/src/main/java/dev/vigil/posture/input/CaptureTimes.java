package dev.vigil.posture.input;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Optional;

/**
 * Reads the capture times Config gives in its different channels: ISO-8601 text in files
 * ({@code 2021-01-13T05:00:23.319Z}), the CLI's offset form ({@code 2021-01-13T05:00:23.319000+00:00}), offsets
 * without a colon in old items ({@code +0000}), and epoch numbers when the raw API JSON is saved (seconds with a
 * fraction; milliseconds when the number is too large to be seconds).
 */
final class CaptureTimes {

    /** Beyond this many seconds (year 5138) a number must be milliseconds. */
    private static final long MAX_EPOCH_SECONDS = 100_000_000_000L;

    private static final DateTimeFormatter ISO_LENIENT = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2).optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .appendOffset("+HH:MM:ss", "Z")
            .toFormatter();
    private static final DateTimeFormatter ISO_NO_COLON = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2).optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .appendOffset("+HHMM", "Z")
            .toFormatter();

    private CaptureTimes() {
    }

    static Optional<Instant> parse(JsonNode value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.isNumber()) {
            return fromEpoch(value.decimalValue());
        }
        if (!value.isTextual()) {
            return Optional.empty();
        }
        String text = value.asText().strip();
        if (text.isEmpty() || text.length() > 64) {
            return Optional.empty();
        }
        if (text.matches("\\d{1,15}(\\.\\d{1,9})?")) {
            return fromEpoch(new BigDecimal(text));
        }
        for (DateTimeFormatter f : new DateTimeFormatter[]{ISO_LENIENT, ISO_NO_COLON}) {
            try {
                return Optional.of(OffsetDateTime.parse(text, f).toInstant());
            } catch (DateTimeParseException ignored) {
                // try the next form
            }
        }
        return Optional.empty();
    }

    private static Optional<Instant> fromEpoch(BigDecimal number) {
        if (number.signum() < 0) {
            return Optional.empty();
        }
        BigDecimal seconds = number.compareTo(BigDecimal.valueOf(MAX_EPOCH_SECONDS)) >= 0
                ? number.movePointLeft(3) : number;
        if (seconds.compareTo(BigDecimal.valueOf(MAX_EPOCH_SECONDS)) >= 0) {
            return Optional.empty();
        }
        long whole = seconds.longValue();
        long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
        return Optional.of(Instant.ofEpochSecond(whole, nanos));
    }
}
