package dev.vigil.engine.match;

import dev.vigil.model.Event;

import java.util.List;

/**
 * {@code neq}: the field holds a value and the value matcher rejects it. Absent fields, JSON null and lists holding
 * no value do not match, since there is nothing to differ; for a list, no element may match.
 */
final class NotEqualValueMatcher implements ValueMatcher {

    private final ValueMatcher positive;

    NotEqualValueMatcher(ValueMatcher positive) {
        this.positive = positive;
    }

    @Override
    public boolean test(Object value) {
        return hasValue(value) && !positive.test(value);
    }

    @Override
    public boolean readsEvent() {
        return positive.readsEvent();
    }

    @Override
    public boolean test(Object value, Event event) {
        return hasValue(value) && !positive.test(value, event);
    }

    /** True when the field holds something other than JSON null, directly or in a list. */
    static boolean hasValue(Object value) {
        if (value == null || value == Event.NULL) {
            return false;
        }
        if (value instanceof List<?> list) {
            for (int i = 0, n = list.size(); i < n; i++) {
                if (hasValue(list.get(i))) {
                    return true;
                }
            }
            return false;
        }
        return true;
    }
}
