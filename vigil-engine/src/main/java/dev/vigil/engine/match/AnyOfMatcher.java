package dev.vigil.engine.match;

import dev.vigil.model.Event;

/** At least one operand matches; stops at the first that does. */
final class AnyOfMatcher implements EventMatcher {

    private final EventMatcher[] operands;

    AnyOfMatcher(EventMatcher[] operands) {
        this.operands = operands.clone();
    }

    /** The operands, in order; not a copy, so callers must not change it. */
    EventMatcher[] operands() {
        return operands;
    }

    @Override
    public boolean matches(Event event) {
        for (EventMatcher m : operands) {
            if (m.matches(event)) {
                return true;
            }
        }
        return false;
    }
}
