package dev.vigil.engine.match;

import dev.vigil.model.Event;

/**
 * Sigma keywords: text searched anywhere in the record. Vigil searches the record's raw JSON text, so a keyword
 * finds field names and values alike, and must be written as it appears in JSON (e.g. with {@code \"} for a quote).
 */
final class KeywordMatcher implements EventMatcher {

    private final ValueMatcher[] values;
    private final boolean all;

    KeywordMatcher(ValueMatcher[] values, boolean all) {
        this.values = values.clone();
        this.all = all;
    }

    @Override
    public boolean matches(Event event) {
        String raw = event.rawJson();
        if (raw == null) {
            return false;
        }
        if (all) {
            for (ValueMatcher m : values) {
                if (!m.test(raw)) {
                    return false;
                }
            }
            return true;
        }
        for (ValueMatcher m : values) {
            if (m.test(raw)) {
                return true;
            }
        }
        return false;
    }
}
