package dev.vigil.engine.match;

import dev.vigil.model.Event;

/** One field condition: looks the field up once and tests its value against any (or all) of the values. */
final class FieldMatcher implements EventMatcher {

    private final String path;
    private final ValueMatcher[] values;
    private final boolean all;
    /** Every value compares text only, so the field may be read as any CharSequence ({@link Event#fieldText}). */
    private final boolean textOnly;

    FieldMatcher(String path, ValueMatcher[] values, boolean all) {
        this.path = path.intern(); // the same instance in every rule: events' per-path caches then compare by identity
        this.values = values.clone();
        this.all = all;
        boolean text = true;
        for (ValueMatcher m : values) {
            text &= m instanceof StringValueMatcher || m instanceof RegexLiterals.LiteralAlternativesMatcher;
        }
        this.textOnly = text;
    }

    @Override
    public boolean matches(Event event) {
        return matchesValue(textOnly ? event.fieldText(path) : event.field(path), event);
    }

    String path() {
        return path;
    }

    /** Whether the outcome depends on the field's value alone, so it can be decided for a known value. */
    boolean readsOnlyItsField() {
        for (ValueMatcher m : values) {
            if (m.readsEvent()) {
                return false;
            }
        }
        return true;
    }

    /** The outcome for this value of the field; {@code event} may be null when {@link #readsOnlyItsField()}. */
    boolean matchesValue(Object value, Event event) {
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
