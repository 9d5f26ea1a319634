package dev.vigil.engine.match;

import dev.vigil.model.Event;

/** The alternatives one written value became ({@code windash}, {@code base64offset}, {@code expand}): any one. */
final class AnyOfValueMatcher implements ValueMatcher {

    private final ValueMatcher[] alternatives;

    AnyOfValueMatcher(ValueMatcher[] alternatives) {
        this.alternatives = alternatives.clone();
    }

    @Override
    public boolean test(Object value) {
        for (ValueMatcher m : alternatives) {
            if (m.test(value)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean readsEvent() {
        for (ValueMatcher m : alternatives) {
            if (m.readsEvent()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean test(Object value, Event event) {
        for (ValueMatcher m : alternatives) {
            if (m.test(value, event)) {
                return true;
            }
        }
        return false;
    }
}
