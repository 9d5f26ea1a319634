package dev.vigil.engine.match;

import dev.vigil.model.Event;

/** One field condition: looks the field up once and tests its value against any (or all) of the values. */
final class FieldMatcher implements EventMatcher {

    private final String path;
    private final ValueMatcher[] values;
    private final boolean all;

    FieldMatcher(String path, ValueMatcher[] values, boolean all) {
        this.path = path;
        this.values = values.clone();
        this.all = all;
    }

    @Override
    public boolean matches(Event event) {
        Object value = event.field(path);
        if (all) {
            for (ValueMatcher m : values) {
                if (!m.test(value, event)) {
                    return false;
                }
            }
            return true;
        }
        for (ValueMatcher m : values) {
            if (m.test(value, event)) {
                return true;
            }
        }
        return false;
    }
}
