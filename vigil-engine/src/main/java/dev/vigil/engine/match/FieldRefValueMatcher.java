package dev.vigil.engine.match;

import dev.vigil.engine.sigma.SigmaFieldRef;
import dev.vigil.model.Event;

import java.util.List;

/**
 * {@code fieldref}: the field compared with another field of the same event. Both must hold a value (absent and
 * JSON null never match, with or without {@code neq}). Two numbers compare by value; anything else compares as
 * text (numbers and booleans by their text, objects by their compact JSON), ignoring case unless {@code cased},
 * whole or, after {@code startswith}/{@code endswith}/{@code contains}, in part. When either field holds a list,
 * any pair of elements may match, up to {@link #MAX_PAIRS} pairs.
 *
 * <p>Substring search uses Knuth–Morris–Pratt on case-folded characters, so hostile values of any length cost time
 * linear in their length; its table is a per-thread buffer reused across events.
 */
final class FieldRefValueMatcher implements ValueMatcher {

    /** Most element pairs compared when fields hold lists; beyond it the pair is not compared. */
    static final int MAX_PAIRS = 10_000;

    private static final ThreadLocal<int[]> TABLE = ThreadLocal.withInitial(() -> new int[64]);

    private final String other;
    private final boolean leadingAny;
    private final boolean trailingAny;
    private final boolean cased;
    private final boolean negated;

    FieldRefValueMatcher(SigmaFieldRef ref) {
        this(ref.field(), ref.leadingAny(), ref.trailingAny(), ref.cased(), false);
    }

    private FieldRefValueMatcher(String other, boolean leadingAny, boolean trailingAny, boolean cased,
                                 boolean negated) {
        this.other = other;
        this.leadingAny = leadingAny;
        this.trailingAny = trailingAny;
        this.cased = cased;
        this.negated = negated;
    }

    /** The {@code neq} form: both fields hold values and no pair matches. */
    FieldRefValueMatcher negated() {
        return new FieldRefValueMatcher(other, leadingAny, trailingAny, cased, true);
    }

    /** Field references need the event; as a keyword or alone they never match. */
    @Override
    public boolean test(Object value) {
        return false;
    }

    @Override
    public boolean readsEvent() {
        return true;
    }

    @Override
    public boolean test(Object value, Event event) {
        if (!NotEqualValueMatcher.hasValue(value)) {
            return false;
        }
        Object ref = event.field(other);
        if (!NotEqualValueMatcher.hasValue(ref)) {
            return false;
        }
        int r = pairs(value, ref, MAX_PAIRS);
        // with neq, lists too long to compare fully do not match: Vigil cannot tell that no pair is equal
        return negated ? r >= 0 : r == FOUND;
    }

    private static final int FOUND = -1;
    private static final int EXHAUSTED = -2;

    /** Compares scalar pairs while the budget lasts: {@link #FOUND}, {@link #EXHAUSTED} or the budget left. */
    private int pairs(Object value, Object ref, int budget) {
        if (value instanceof List<?> list) {
            for (int i = 0, n = list.size(); i < n && budget >= 0; i++) {
                budget = pairs(list.get(i), ref, budget);
            }
            return budget;
        }
        if (ref instanceof List<?> list) {
            for (int i = 0, n = list.size(); i < n && budget >= 0; i++) {
                budget = pairs(value, list.get(i), budget);
            }
            return budget;
        }
        if (budget == 0) {
            return EXHAUSTED;
        }
        return scalars(value, ref) ? FOUND : budget - 1;
    }

    private boolean scalars(Object value, Object ref) {
        if (!leadingAny && !trailingAny && value instanceof Number a && ref instanceof Number b) {
            return sameNumber(a, b);
        }
        CharSequence text = text(value);
        CharSequence wanted = text(ref);
        if (text == null || wanted == null) {
            return false;
        }
        int n = text.length();
        int m = wanted.length();
        if (leadingAny && trailingAny) {
            return indexOf(text, wanted) >= 0;
        }
        if (trailingAny) {
            return n >= m && regionMatches(text, 0, wanted);
        }
        if (leadingAny) {
            return n >= m && regionMatches(text, n - m, wanted);
        }
        return n == m && regionMatches(text, 0, wanted);
    }

    private static boolean sameNumber(Number a, Number b) {
        if (a instanceof Long x && b instanceof Long y) {
            return x.longValue() == y.longValue();
        }
        double x = a.doubleValue();
        double y = b.doubleValue();
        return !Double.isNaN(x) && x == y;
    }

    /** The text a scalar is compared as, or null for values without one (JSON null, unknown objects). */
    private static CharSequence text(Object v) {
        return switch (v) {
            case null -> null;
            case String s -> s;
            case Boolean b -> b ? "true" : "false";
            case Long l -> Long.toString(l);
            case Double d -> Double.toString(d);
            case Number n -> n.toString();
            case Event.ObjectValue o -> o.json();
            default -> null;
        };
    }

    private char fold(char c) {
        return cased ? c : CaseFold.fold(c);
    }

    private boolean regionMatches(CharSequence text, int offset, CharSequence wanted) {
        for (int i = 0; i < wanted.length(); i++) {
            if (fold(text.charAt(offset + i)) != fold(wanted.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Knuth–Morris–Pratt search of {@code wanted} in {@code text}, comparing folded characters. */
    private int indexOf(CharSequence text, CharSequence wanted) {
        int m = wanted.length();
        if (m == 0) {
            return 0;
        }
        if (m > text.length()) {
            return -1;
        }
        int[] fail = TABLE.get();
        if (fail.length < m) {
            fail = new int[Math.max(m, fail.length * 2)];
            TABLE.set(fail);
        }
        fail[0] = 0;
        for (int i = 1, k = 0; i < m; i++) {
            char c = fold(wanted.charAt(i));
            while (k > 0 && fold(wanted.charAt(k)) != c) {
                k = fail[k - 1];
            }
            if (fold(wanted.charAt(k)) == c) {
                k++;
            }
            fail[i] = k;
        }
        for (int i = 0, k = 0; i < text.length(); i++) {
            char c = fold(text.charAt(i));
            while (k > 0 && fold(wanted.charAt(k)) != c) {
                k = fail[k - 1];
            }
            if (fold(wanted.charAt(k)) == c) {
                k++;
            }
            if (k == m) {
                return i - m + 1;
            }
        }
        return -1;
    }
}
