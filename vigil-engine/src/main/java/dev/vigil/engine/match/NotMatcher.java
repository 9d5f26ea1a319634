package dev.vigil.engine.match;

import dev.vigil.model.Event;

/** The operand does not match. */
final class NotMatcher implements EventMatcher {

    private final EventMatcher operand;

    NotMatcher(EventMatcher operand) {
        this.operand = operand;
    }

    EventMatcher operand() {
        return operand;
    }

    @Override
    public boolean matches(Event event) {
        return !operand.matches(event);
    }
}
