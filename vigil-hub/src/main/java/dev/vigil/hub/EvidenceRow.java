package dev.vigil.hub;

import dev.vigil.model.Evidence;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;

/**
 * One evidence record in its stored form.
 *
 * <p>{@code key} identifies the record within its finding: a SHA-256 over the event id, or over the raw record
 * when the source gave no event id (so records without ids are still told apart instead of collapsing into one).
 * Hashing keeps the key short whatever an attacker put in the event id, and the two prefixes keep a forged
 * event id from colliding with the hash of a raw record.
 */
record EvidenceRow(String key, String eventId, long time, String origin, String rawJson) {

    /** Oldest first; the key breaks ties the same way the database does ({@code ORDER BY event_time, key}). */
    static final Comparator<EvidenceRow> OLDEST_FIRST =
            Comparator.comparingLong(EvidenceRow::time).thenComparing(EvidenceRow::key);

    static EvidenceRow of(Evidence evidence, String findingId) {
        String eventId = StoredText.of(evidence.eventId());
        String rawJson = StoredText.of(evidence.rawJson());
        String key = eventId.isEmpty() ? sha256("raw\0" + rawJson) : sha256("event\0" + eventId);
        return new EvidenceRow(key, eventId, EpochMillis.of(evidence.time(), "evidence time of finding " + findingId),
                StoredText.of(evidence.origin()), rawJson);
    }

    Evidence toEvidence() {
        return new Evidence(eventId, Instant.ofEpochMilli(time), origin, rawJson);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
