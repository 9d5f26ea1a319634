package dev.vigil.engine.match;

/** A Sigma string, with or without wildcards. */
final class StringValueMatcher extends TextValueMatcher {

    private final TextPattern pattern;

    StringValueMatcher(TextPattern pattern) {
        this.pattern = pattern;
    }

    @Override
    boolean testText(CharSequence text) {
        return pattern.matches(text);
    }
}
