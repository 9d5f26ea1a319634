package dev.vigil.metrics.pattern;

import dev.vigil.model.Event;

/**
 * A log event as filter patterns see it. Term and space-delimited patterns read {@link #text()}; JSON patterns
 * read fields through {@link #field(String)}, so an already-decoded {@link Event} is never parsed again.
 *
 * <p>Values follow {@link Event#field(String)}'s conventions: {@link String}, {@link Boolean}, {@link Long},
 * {@link Double}, {@link Event#NULL}, a {@link java.util.List} for arrays, {@link Event.ObjectValue} for objects,
 * {@code null} when absent.
 */
public interface LogMessage {

    /** The message text as CloudWatch would store it (for CloudTrail: the record's JSON). */
    String text();

    /** Whether the message is a JSON object; JSON patterns never match other messages. */
    boolean isJson();

    /**
     * The value at a dotted path of object keys ({@code userIdentity.type}), or {@code null} when absent. A path
     * that would have to cross an array is absent: CloudWatch selectors reach into arrays only by index.
     */
    Object field(String path);

    /** A view of a decoded event; cheap (one small object per event, shared by every pattern). */
    static LogMessage of(Event event) {
        return new EventMessage(event);
    }

    /** A raw log line or JSON document; parsed as JSON once, on first field access. */
    static LogMessage of(String text) {
        return new TextMessage(text);
    }
}
