package dev.vigil.engine.match;

import dev.vigil.engine.sigma.Condition;
import dev.vigil.engine.sigma.FieldCondition;
import dev.vigil.engine.sigma.SearchIdentifier;
import dev.vigil.engine.sigma.SigmaRule;
import dev.vigil.engine.sigma.SigmaString;
import dev.vigil.engine.sigma.SigmaValue;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Finds the values a rule pins a field to: when a rule can only match events whose field equals one of a few
 * plain strings (e.g. {@code eventName: [StopLogging, DeleteTrail]} in an AND at the top of the condition), the
 * rule set only evaluates it for events carrying one of them.
 *
 * <p>The analysis is conservative: {@code not}, {@code neq}, {@code all}, wildcards, values that are not plain
 * strings, numbers and keyword searches never pin, and an {@code or} pins only if every branch does.
 */
public final class IndexPins {

    private IndexPins() {
    }

    /**
     * The folded values ({@link CaseFold}) the field must equal for the rule to match, or empty when the rule
     * can match other values. Valid for events whose field is a single string.
     */
    public static Optional<Set<String>> of(SigmaRule rule, String field) {
        return condition(rule.detection().condition(), rule, field);
    }

    /**
     * A test that every value of the field the rule can match passes: for a rule that requires
     * {@code eventName|endswith: Policy} it is that endswith test. Unlike {@link #of}, it covers every modifier that
     * tests the value alone (wildcards, startswith, endswith, contains, re, cidr…), so a rule set can skip rules
     * whose required name or source test fails, whatever shape the test has. Empty when some match of the rule does
     * not constrain the field. Valid for events whose field is a single string; the test never throws.
     */
    public static Optional<Predicate<String>> test(SigmaRule rule, String field) {
        return testOf(rule.detection().condition(), rule, field);
    }

    private static Optional<Predicate<String>> testOf(Condition c, SigmaRule rule, String field) {
        List<String> ids = List.copyOf(rule.detection().searches().keySet());
        return switch (c) {
            case Condition.Ref r -> searchTest(rule.detection().searches().get(r.identifier()), field);
            case Condition.Not n -> Optional.empty();
            case Condition.And a -> both(a.operands().stream().map(o -> testOf(o, rule, field)).toList());
            case Condition.Or o -> either(o.operands().stream().map(x -> testOf(x, rule, field)).toList());
            case Condition.OneOf one -> either(one.selector().select(ids).stream()
                    .map(id -> searchTest(rule.detection().searches().get(id), field)).toList());
            case Condition.AllOf all -> both(all.selector().select(ids).stream()
                    .map(id -> searchTest(rule.detection().searches().get(id), field)).toList());
        };
    }

    private static Optional<Predicate<String>> searchTest(SearchIdentifier s, String field) {
        return switch (s) {
            case SearchIdentifier.FieldMap m -> fieldMapTest(m, field);
            case SearchIdentifier.MapList l -> either(l.alternatives().stream().map(m -> fieldMapTest(m, field)).toList());
            case SearchIdentifier.Keywords k -> Optional.empty();
        };
    }

    private static Optional<Predicate<String>> fieldMapTest(SearchIdentifier.FieldMap m, String field) {
        return both(m.conditions().stream().map(c -> fieldConditionTest(c, field)).toList());
    }

    private static Optional<Predicate<String>> fieldConditionTest(FieldCondition c, String field) {
        if (c.isKeyword() || !c.field().equals(field) || c.negated() || c.values().isEmpty()) {
            return Optional.empty();
        }
        List<ValueMatcher> values = new java.util.ArrayList<>();
        for (SigmaValue v : c.values()) {
            if (dev.vigil.engine.sigma.SigmaAnyOf.alternativesOf(v).stream()
                    .anyMatch(a -> a instanceof dev.vigil.engine.sigma.SigmaFieldRef)) {
                return Optional.empty(); // compares with another field of the event, which a name alone lacks
            }
            values.add(MatcherCompiler.value(v));
        }
        ValueMatcher[] tests = values.toArray(ValueMatcher[]::new);
        boolean all = c.all();
        return Optional.of(text -> {
            for (ValueMatcher t : tests) {
                if (t.test(text) != all) {
                    return !all;
                }
            }
            return all;
        });
    }

    /** AND: every constrained operand's test; unconstrained operands add nothing. */
    private static Optional<Predicate<String>> both(List<Optional<Predicate<String>>> operands) {
        List<Predicate<String>> tests = operands.stream().flatMap(Optional::stream).toList();
        if (tests.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(text -> tests.stream().allMatch(t -> t.test(text)));
    }

    /** OR: constrained only when every operand is. */
    private static Optional<Predicate<String>> either(List<Optional<Predicate<String>>> operands) {
        if (operands.isEmpty() || operands.stream().anyMatch(Optional::isEmpty)) {
            return Optional.empty();
        }
        List<Predicate<String>> tests = operands.stream().map(Optional::get).toList();
        return Optional.of(text -> tests.stream().anyMatch(t -> t.test(text)));
    }

    private static Optional<Set<String>> condition(Condition c, SigmaRule rule, String field) {
        List<String> ids = List.copyOf(rule.detection().searches().keySet());
        return switch (c) {
            case Condition.Ref r -> search(rule.detection().searches().get(r.identifier()), field);
            case Condition.Not n -> Optional.empty();
            case Condition.And a -> intersect(a.operands().stream().map(o -> condition(o, rule, field)).toList());
            case Condition.Or o -> union(o.operands().stream().map(x -> condition(x, rule, field)).toList());
            case Condition.OneOf one -> union(one.selector().select(ids).stream()
                    .map(id -> search(rule.detection().searches().get(id), field)).toList());
            case Condition.AllOf all -> intersect(all.selector().select(ids).stream()
                    .map(id -> search(rule.detection().searches().get(id), field)).toList());
        };
    }

    private static Optional<Set<String>> search(SearchIdentifier s, String field) {
        return switch (s) {
            case SearchIdentifier.FieldMap m -> fieldMap(m, field);
            case SearchIdentifier.MapList l -> union(l.alternatives().stream().map(m -> fieldMap(m, field)).toList());
            case SearchIdentifier.Keywords k -> Optional.empty();
        };
    }

    private static Optional<Set<String>> fieldMap(SearchIdentifier.FieldMap m, String field) {
        return intersect(m.conditions().stream().map(c -> fieldCondition(c, field)).toList());
    }

    private static Optional<Set<String>> fieldCondition(FieldCondition c, String field) {
        if (c.isKeyword() || !c.field().equals(field) || c.all() || c.negated()) {
            return Optional.empty();
        }
        Set<String> values = new HashSet<>();
        for (SigmaValue v : c.values()) {
            if (!(v instanceof SigmaString s) || s.plainText().isEmpty()) {
                return Optional.empty();
            }
            values.add(CaseFold.fold(s.plainText().get()));
        }
        return Optional.of(values);
    }

    /** AND: the pinned operands' sets intersected; unpinned operands do not constrain. */
    private static Optional<Set<String>> intersect(List<Optional<Set<String>>> operands) {
        Set<String> result = null;
        for (Optional<Set<String>> o : operands) {
            if (o.isPresent()) {
                if (result == null) {
                    result = new HashSet<>(o.get());
                } else {
                    result.retainAll(o.get());
                }
            }
        }
        return Optional.ofNullable(result).map(Set::copyOf);
    }

    /** OR: pinned only when every operand is, to the union of their sets. */
    private static Optional<Set<String>> union(List<Optional<Set<String>>> operands) {
        Set<String> result = new HashSet<>();
        for (Optional<Set<String>> o : operands) {
            if (o.isEmpty()) {
                return Optional.empty();
            }
            result.addAll(o.get());
        }
        return operands.isEmpty() ? Optional.empty() : Optional.of(Set.copyOf(result));
    }
}
