package dev.vigil.engine.baseline;

import dev.vigil.model.Evidence;

import java.time.Instant;
import java.util.Comparator;

/**
 * One CloudTrail call as a baseline remembers it: its normalised features and a reference to the record. Kept for
 * the first call of each learned value and of each active minute, which are the calls a finding cites; "first" is
 * the least by (time, origin, event id), which does not depend on the order calls arrive in.
 *
 * @param rawJson the record's text, or "" when evidence text is deferred to the caller
 * @param api     {@code eventSource:eventName}
 */
record Sighting(long time, String origin, String eventId, String rawJson, String account, String eventSource,
                String eventName, boolean readOnly, String region, String network, String userAgent, String api) {

    /** A call; its API ({@code eventSource:eventName}) is built once here, not for every profile it is added to. */
    Sighting(long time, String origin, String eventId, String rawJson, String account, String eventSource,
             String eventName, boolean readOnly, String region, String network, String userAgent) {
        this(time, origin, eventId, rawJson, account, eventSource, eventName, readOnly, region, network, userAgent,
                eventSource + ":" + eventName);
    }

    static final Comparator<Sighting> FIRST = Comparator.comparingLong(Sighting::time)
            .thenComparing(Sighting::origin).thenComparing(Sighting::eventId);

    /** The earlier of two, either of which may be null (nothing seen). */
    static Sighting earlier(Sighting a, Sighting b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        // the time decides almost always (a file is in time order): only equal times need the comparator's chain
        if (a.time != b.time) {
            return a.time < b.time ? a : b;
        }
        return FIRST.compare(a, b) <= 0 ? a : b;
    }

    String value(Feature feature) {
        return switch (feature) {
            case API -> api();
            case REGION -> region;
            case NETWORK -> network;
            case USER_AGENT -> userAgent;
        };
    }

    Evidence evidence() {
        return new Evidence(eventId, Instant.ofEpochMilli(time), origin, rawJson);
    }
}
