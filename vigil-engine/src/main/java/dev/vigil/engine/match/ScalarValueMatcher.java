package dev.vigil.engine.match;

import java.util.List;
import java.util.RandomAccess;

/**
 * Base of the matchers that look at one scalar at a time: a list (the path crossed a JSON array) matches when any
 * element does, lists inside lists included.
 */
abstract class ScalarValueMatcher implements ValueMatcher {

    @Override
    public final boolean test(Object value) {
        if (value == null) {
            return matchesAbsent();
        }
        if (value instanceof List<?> list) {
            // indexed loop: no iterator allocation for the usual random-access lists
            if (list instanceof RandomAccess) {
                for (int i = 0, n = list.size(); i < n; i++) {
                    Object element = list.get(i);
                    if (element != null && test(element)) {
                        return true;
                    }
                }
                return false;
            }
            for (Object element : list) {
                if (element != null && test(element)) {
                    return true;
                }
            }
            return false;
        }
        return testScalar(value);
    }

    /** Whether an absent field matches; only {@code null} does. */
    boolean matchesAbsent() {
        return false;
    }

    abstract boolean testScalar(Object value);
}
