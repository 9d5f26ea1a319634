package dev.vigil.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A record that contributed to a finding, kept whole so an investigator goes from the finding to the raw
 * evidence in one step.
 *
 * @param eventId the source's event id (CloudTrail {@code eventID})
 * @param time    the event time
 * @param origin  file and position the record was read from
 * @param rawJson the record as read
 */
public record Evidence(String eventId, Instant time, String origin, String rawJson) {

    /**
     * The event id and origin of a finding's summary entry: not a record but the facts a detection over many records
     * decided on (window, peers, ports, bytes, the baseline it departed from), as a JSON object, kept first.
     */
    public static final String SUMMARY = "summary";
    public Evidence {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(rawJson, "rawJson");
    }

    public static Evidence of(Event e) {
        return new Evidence(e.id(), Instant.ofEpochMilli(e.timeMillis()), e.origin(), e.rawJson());
    }

    /**
     * The event's id, time and origin without a copy of its text ({@code rawJson} empty), for a caller that reads
     * the record back from its origin when it is cited.
     */
    public static Evidence withoutText(Event e) {
        return new Evidence(e.id(), Instant.ofEpochMilli(e.timeMillis()), e.origin(), "");
    }

    /** A summary entry (see {@link #SUMMARY}) with the facts in {@code json}. */
    public static Evidence summary(Instant time, String json) {
        return new Evidence(SUMMARY, time, SUMMARY, json);
    }

    /** True for a finding's summary entry rather than a record. */
    public boolean isSummary() {
        return SUMMARY.equals(eventId) && SUMMARY.equals(origin);
    }

    /** True when this evidence holds the record's text. */
    public boolean hasText() {
        return !rawJson.isEmpty();
    }
}
