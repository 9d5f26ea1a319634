package dev.vigil.engine.match;

import dev.vigil.model.Event;

/**
 * Tests one field value as {@link dev.vigil.model.Event#field} returns it: null when absent, a String, Boolean,
 * Long, Double, {@code Event.NULL}, a List or an {@code Event.ObjectValue}. Implementations never throw: a value of
 * a type they do not expect simply does not match.
 */
interface ValueMatcher {
    boolean test(Object value);

    /**
     * Tests the value of a condition's field in its event. Only matchers that compare with another field of the
     * event ({@code fieldref}) look at the event; the others test the value alone.
     */
    default boolean test(Object value, Event event) {
        return test(value);
    }

    /** Whether {@link #test(Object, Event)} looks at the event beyond the value ({@code fieldref} does). */
    default boolean readsEvent() {
        return false;
    }
}
