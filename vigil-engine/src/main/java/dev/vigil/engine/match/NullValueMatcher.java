package dev.vigil.engine.match;

import dev.vigil.model.Event;

/** {@code field: null}: the field is absent or JSON {@code null}. */
final class NullValueMatcher extends ScalarValueMatcher {

    @Override
    boolean matchesAbsent() {
        return true;
    }

    @Override
    boolean testScalar(Object value) {
        return value == Event.NULL;
    }
}
