package dev.vigil.engine;

import dev.vigil.model.Event;

/**
 * Derives the key facts every finding carries — account, region and acting principal — from an event of one log
 * source. {@link CloudTrailFacts} reads CloudTrail records; other sources plug in their own.
 * Implementations must not throw on odd values: they return "" for what they cannot tell.
 */
public interface FactExtractor {

    /** The account the activity happened in, or "". */
    String account(Event event);

    /** The region, or "". */
    String region(Event event);

    /** The acting principal (an ARN or a service name), or "". */
    String principal(Event event);

    /** For log sources without these facts. */
    FactExtractor NONE = new FactExtractor() {
        @Override
        public String account(Event event) {
            return "";
        }

        @Override
        public String region(Event event) {
            return "";
        }

        @Override
        public String principal(Event event) {
            return "";
        }
    };
}
