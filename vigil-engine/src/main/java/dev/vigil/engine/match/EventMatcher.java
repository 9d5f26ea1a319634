package dev.vigil.engine.match;

import dev.vigil.model.Event;

/**
 * A compiled rule condition: decides whether one event matches. Immutable and safe to call from many threads;
 * evaluating an event that does not match allocates nothing beyond what the event's own field lookup does.
 */
public sealed interface EventMatcher
        permits AllOfMatcher, AnyOfMatcher, NotMatcher, FieldMatcher, KeywordMatcher, ConstantMatcher {

    boolean matches(Event event);
}
