package dev.vigil.engine.match;

import dev.vigil.model.Event;

/** A condition already decided, for every event it will see: what {@link MatcherSpecializer} leaves of a decided test. */
enum ConstantMatcher implements EventMatcher {
    TRUE(true),
    FALSE(false);

    private final boolean value;

    ConstantMatcher(boolean value) {
        this.value = value;
    }

    static ConstantMatcher of(boolean value) {
        return value ? TRUE : FALSE;
    }

    @Override
    public boolean matches(Event event) {
        return value;
    }
}
