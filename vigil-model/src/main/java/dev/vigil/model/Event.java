package dev.vigil.model;

import java.util.List;

/**
 * One piece of evidence read from a log: a CloudTrail record, later a flow-log line or a Config change.
 *
 * <p>Detections see events only through {@link #field(String)}, which addresses nested JSON with dotted paths
 * ({@code userIdentity.sessionContext.sessionIssuer.type}), the way Sigma rules name fields. Every value an
 * event returns came from a log and is attacker-controlled: escape it wherever it is shown.
 */
public interface Event {

    /** Marker returned by {@link #field(String)} for a field that is present with the JSON value {@code null}. */
    Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /**
     * Vigil's log-source name of this event, e.g. {@code aws:cloudtrail}; Sigma's {@code logsource} selects on it.
     */
    String logSource();

    /** The source's own event id (CloudTrail {@code eventID}); may be empty when the source has none. */
    String id();

    /** Event time in epoch milliseconds, or {@link Long#MIN_VALUE} when the record had no usable time. */
    long timeMillis();

    /**
     * The value at a dotted path, or {@code null} when the path is absent.
     *
     * <p>Values are {@link String}, {@link Boolean}, {@link Long}, {@link Double}, {@link #NULL}, a {@link List}
     * for JSON arrays (elements follow the same rules) or an {@link ObjectValue} for JSON objects.
     */
    Object field(String path);

    /**
     * The value at a dotted path for a caller that only compares its text: as {@link #field}, except that a string
     * may come as another {@link CharSequence} holding the same characters — a view on the record's bytes that saves
     * decoding a String nobody keeps. Such a view is valid only while the event is; copy it ({@code toString()}) to
     * keep it.
     */
    default Object fieldText(String path) {
        return field(path);
    }

    /** The record exactly as it was read, as JSON text, for evidence. */
    String rawJson();

    /** Where the record was read: file and position, e.g. {@code logs/x.json.gz#record 12}. */
    String origin();

    /** A JSON object found at a path; {@link #json()} is its compact JSON text, which Sigma matches against. */
    record ObjectValue(String json) {
    }
}
