package dev.vigil.engine.match;

import dev.vigil.model.Event;

/**
 * Base of matchers that compare text: strings as they are, numbers and booleans by their text, JSON objects by
 * their compact JSON. {@code Event.NULL} has no text and never matches.
 */
abstract class TextValueMatcher extends ScalarValueMatcher {

    @Override
    final boolean testScalar(Object value) {
        return switch (value) {
            case String s -> testText(s);
            case Boolean b -> testText(b ? "true" : "false");
            case Long l -> testText(Long.toString(l));
            case Double d -> testText(Double.toString(d));
            case Number n -> testText(n.toString());
            case Event.ObjectValue o -> o.json() != null && testText(o.json());
            case CharSequence text -> testText(text); // a string read in place (Event.fieldText)
            default -> false;
        };
    }

    abstract boolean testText(CharSequence text);
}
