package dev.vigil.formats.flowlog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;

import java.io.IOException;
import java.io.InputStream;

/**
 * Streams the JSON that {@code aws logs filter-log-events} and {@code get-log-events} print
 * ({@code {"events":[{"timestamp":…,"message":"2 1234… OK",…}],…}}), one event at a time: also several such
 * pages one after another, a bare array of events, or one event object per line. Only the {@code message} of
 * each event is used; everything else is skipped without being kept.
 */
final class CloudWatchJsonReader {

    /** Receives the events in file order. */
    interface Sink {
        /** One event's message (null when it is not a string); false stops reading. */
        boolean message(String message, long eventNumber);
    }

    private final JsonFactory factory;
    private long events;
    private boolean sawEvents;

    CloudWatchJsonReader(int maxStringBytes) {
        this.factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(maxStringBytes).maxNestingDepth(64).maxNameLength(1024).build())
                .build();
    }

    /** Events seen so far (with or without a message). */
    long events() {
        return events;
    }

    /** Whether the JSON had an {@code events} array or event objects at all (perhaps empty). */
    boolean sawEvents() {
        return sawEvents;
    }

    void read(InputStream in, Sink sink) throws IOException {
        try (JsonParser p = factory.createParser(in)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.START_ARRAY) {
                    if (!array(p, sink)) {
                        return;
                    }
                } else if (t == JsonToken.START_OBJECT) {
                    if (!object(p, sink)) {
                        return;
                    }
                } else {
                    p.skipChildren();
                }
                if (!sawEvents) {
                    return; // the first value holds no events: not an export, no need to read on
                }
            }
        }
    }

    private boolean array(JsonParser p, Sink sink) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
            if (t == JsonToken.START_OBJECT) {
                if (!object(p, sink)) {
                    return false;
                }
            } else {
                p.skipChildren();
            }
        }
        return true;
    }

    /** One object: a page with {@code events}, or an event with a {@code message}. */
    private boolean object(JsonParser p, Sink sink) throws IOException {
        boolean isEvent = false;
        String message = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if ("events".equals(name) && value == JsonToken.START_ARRAY) {
                sawEvents = true;
                if (!array(p, sink)) {
                    return false;
                }
            } else if ("message".equals(name)) {
                isEvent = true;
                message = value == JsonToken.VALUE_STRING ? p.getText() : null;
                p.skipChildren();
            } else {
                p.skipChildren();
            }
        }
        if (!isEvent) {
            return true;
        }
        sawEvents = true;
        events++;
        return sink.message(message, events);
    }
}
