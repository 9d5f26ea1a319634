package dev.vigil.engine.match;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * A regular expression searched in the text with RE2/J (linear time). Each thread reuses one {@link Matcher} per
 * expression so that testing a value does not allocate.
 */
final class RegexValueMatcher extends TextValueMatcher {

    private final ThreadLocal<Matcher> matchers;

    RegexValueMatcher(Pattern pattern) {
        this.matchers = ThreadLocal.withInitial(() -> pattern.matcher(""));
    }

    @Override
    boolean testText(CharSequence text) {
        Matcher m = matchers.get();
        m.reset(text);
        boolean found = m.find();
        m.reset("");
        return found;
    }
}
