package dev.vigil.engine.match;

/**
 * Tests one field value as {@link dev.vigil.model.Event#field} returns it: null when absent, a String, Boolean,
 * Long, Double, {@code Event.NULL}, a List or an {@code Event.ObjectValue}. Implementations never throw: a value of
 * a type they do not expect simply does not match.
 */
interface ValueMatcher {
    boolean test(Object value);
}
