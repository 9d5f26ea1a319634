package dev.vigil.engine.intel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Times in indicator files and intel.yaml, as epoch seconds. */
final class IntelTimes {

    private IntelTimes() {
    }

    /**
     * Reads an ISO-8601 instant or offset date-time ({@code 2026-10-01T12:00:00Z}), a date-time without zone read as
     * UTC (ISO {@code T} or a space: {@code 2026-10-01 12:00:00}), or a date ({@code 2026-10-01}, midnight UTC at its
     * start).
     *
     * @return epoch seconds, or null when the text is none of these
     */
    static Long parse(String text) {
        String t = text.strip();
        if (t.isEmpty() || t.length() > 40) {
            return null;
        }
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
            }
            String iso = t.replace(' ', 'T');
            char last = iso.charAt(iso.length() - 1);
            if (last == 'Z' || last == 'z') {
                return Instant.parse(iso.toUpperCase(java.util.Locale.ROOT)).getEpochSecond();
            }
            if (iso.lastIndexOf('+') > 10 || iso.lastIndexOf('-') > 10) {
                return OffsetDateTime.parse(iso).toEpochSecond();
            }
            return LocalDateTime.parse(iso).toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
