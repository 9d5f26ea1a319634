package dev.vigil.posture.check.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads a timestamp as the AWS CLI prints it: epoch seconds with a fraction ({@code 1454022144.918}, the CLI's
 * {@code cli_timestamp_format = none}) or ISO-8601 ({@code 2026-06-01T11:00:00+00:00}, the v2 default).
 */
final class Timestamps {

    private Timestamps() {
    }

    static Optional<Instant> parse(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Optional.empty();
        }
        if (node.isNumber()) {
            double seconds = node.asDouble();
            return Double.isFinite(seconds) ? Optional.of(Instant.ofEpochMilli((long) (seconds * 1000))) : Optional.empty();
        }
        String text = node.asText("").strip();
        if (text.matches("\\d{9,10}(\\.\\d+)?")) {
            return Optional.of(Instant.ofEpochMilli((long) (Double.parseDouble(text) * 1000)));
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException notOffset) {
            try {
                return Optional.of(Instant.parse(text));
            } catch (DateTimeParseException notInstant) {
                return Optional.empty();
            }
        }
    }
}
