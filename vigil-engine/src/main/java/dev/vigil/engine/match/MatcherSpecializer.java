package dev.vigil.engine.match;

import dev.vigil.model.Event;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Specialises a compiled condition for events whose values of a few fields are known in advance — the rule index
 * knows an event's {@code eventSource} and {@code eventName} before it tests any rule. Every test of a known field
 * (unless it compares with another field, {@code fieldref}) is decided once, and the condition is simplified around
 * the outcome: a decided {@code and} operand is dropped or decides the whole, and so on. On every event that holds
 * exactly those values, the result matches as the original does; the tests left are the ones only the event can
 * answer, so a rule selected by its pins no longer re-reads and re-compares them on each event.
 */
public final class MatcherSpecializer {

    private MatcherSpecializer() {
    }

    /**
     * The condition for events whose fields named in {@code known} hold the given values (as
     * {@link Event#field} returns them); empty when no such event can match.
     */
    public static Optional<EventMatcher> specialize(EventMatcher matcher, Map<String, Object> known) {
        EventMatcher m = of(matcher, known);
        return m == ConstantMatcher.FALSE ? Optional.empty() : Optional.of(m);
    }

    private static EventMatcher of(EventMatcher m, Map<String, Object> known) {
        return switch (m) {
            case FieldMatcher f -> known.containsKey(f.path()) && f.readsOnlyItsField()
                    ? ConstantMatcher.of(f.matchesValue(known.get(f.path()), null)) : f;
            case NotMatcher n -> {
                EventMatcher inner = of(n.operand(), known);
                if (inner instanceof ConstantMatcher c) {
                    yield ConstantMatcher.of(!c.matches(null));
                }
                yield inner == n.operand() ? n : new NotMatcher(inner);
            }
            case AllOfMatcher a -> combine(a.operands(), known, a, true);
            case AnyOfMatcher a -> combine(a.operands(), known, a, false);
            case KeywordMatcher k -> k;
            case ConstantMatcher c -> c;
        };
    }

    /** An and ({@code all}) or or over the operands: a decided operand either decides the whole or is dropped. */
    private static EventMatcher combine(EventMatcher[] operands, Map<String, Object> known, EventMatcher original,
                                       boolean all) {
        List<EventMatcher> kept = new ArrayList<>(operands.length);
        boolean changed = false;
        for (EventMatcher o : operands) {
            EventMatcher s = of(o, known);
            if (s instanceof ConstantMatcher c) {
                if (c.matches(null) != all) {
                    return c; // false in an and, true in an or
                }
                changed = true; // true in an and, false in an or: no longer needed
                continue;
            }
            changed |= s != o;
            kept.add(s);
        }
        if (!changed) {
            return original;
        }
        if (kept.isEmpty()) {
            return ConstantMatcher.of(all);
        }
        if (kept.size() == 1) {
            return kept.getFirst();
        }
        EventMatcher[] parts = kept.toArray(EventMatcher[]::new);
        return all ? new AllOfMatcher(parts) : new AnyOfMatcher(parts);
    }
}
