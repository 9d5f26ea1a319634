package dev.vigil.engine.match;

import dev.vigil.engine.sigma.Condition;
import dev.vigil.engine.sigma.Detection;
import dev.vigil.engine.sigma.FieldCondition;
import dev.vigil.engine.sigma.SearchIdentifier;
import dev.vigil.engine.sigma.SigmaAnyOf;
import dev.vigil.engine.sigma.SigmaBoolean;
import dev.vigil.engine.sigma.SigmaBytes;
import dev.vigil.engine.sigma.SigmaCidr;
import dev.vigil.engine.sigma.SigmaComparison;
import dev.vigil.engine.sigma.SigmaExists;
import dev.vigil.engine.sigma.SigmaFieldRef;
import dev.vigil.engine.sigma.SigmaNull;
import dev.vigil.engine.sigma.SigmaNumber;
import dev.vigil.engine.sigma.SigmaRegex;
import dev.vigil.engine.sigma.SigmaRule;
import dev.vigil.engine.sigma.SigmaString;
import dev.vigil.engine.sigma.SigmaTimePart;
import dev.vigil.engine.sigma.SigmaValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Compiles a parsed rule's detection into an {@link EventMatcher}, once, when the rule set is built. */
public final class MatcherCompiler {

    private MatcherCompiler() {
    }

    /** The matcher for the rule's condition over its searches. */
    public static EventMatcher compile(SigmaRule rule) {
        return compile(rule.detection());
    }

    /** The matcher for a detection's condition over its searches, e.g. a filter's. */
    public static EventMatcher compile(Detection detection) {
        Map<String, EventMatcher> searches = new HashMap<>();
        detection.searches().forEach((name, search) -> searches.put(name, search(search)));
        List<String> order = List.copyOf(detection.searches().keySet());
        return condition(detection.condition(), searches, order);
    }

    /** Matches what {@code rule} matches and none of {@code filters} does: a rule with its filters applied. */
    public static EventMatcher excluding(EventMatcher rule, List<EventMatcher> filters) {
        if (filters.isEmpty()) {
            return rule;
        }
        List<EventMatcher> parts = new ArrayList<>();
        parts.add(rule);
        filters.forEach(f -> parts.add(new NotMatcher(f)));
        return all(parts);
    }

    private static EventMatcher condition(Condition c, Map<String, EventMatcher> searches, List<String> order) {
        return switch (c) {
            case Condition.Ref r -> searches.get(r.identifier());
            case Condition.Not n -> new NotMatcher(condition(n.operand(), searches, order));
            case Condition.And a -> all(a.operands().stream().map(o -> condition(o, searches, order)).toList());
            case Condition.Or o -> any(o.operands().stream().map(x -> condition(x, searches, order)).toList());
            case Condition.OneOf one -> any(one.selector().select(order).stream().map(searches::get).toList());
            case Condition.AllOf all -> all(all.selector().select(order).stream().map(searches::get).toList());
        };
    }

    static EventMatcher search(SearchIdentifier s) {
        return switch (s) {
            case SearchIdentifier.FieldMap m -> fieldMap(m);
            case SearchIdentifier.MapList l -> any(l.alternatives().stream().map(MatcherCompiler::fieldMap).toList());
            case SearchIdentifier.Keywords k -> keywords(k.keywords());
        };
    }

    private static EventMatcher fieldMap(SearchIdentifier.FieldMap m) {
        List<EventMatcher> parts = new ArrayList<>();
        for (FieldCondition c : m.conditions()) {
            parts.add(c.isKeyword() ? keywords(c) : field(c));
        }
        return all(parts);
    }

    private static EventMatcher field(FieldCondition c) {
        ValueMatcher[] values = c.values().stream()
                .map(v -> c.negated() ? notEqual(value(v)) : value(v))
                .toArray(ValueMatcher[]::new);
        // neq: the field must differ from every value
        return new FieldMatcher(c.field(), values, c.all() || c.negated());
    }

    private static ValueMatcher notEqual(ValueMatcher positive) {
        return positive instanceof FieldRefValueMatcher ref ? ref.negated() : new NotEqualValueMatcher(positive);
    }

    private static EventMatcher keywords(FieldCondition c) {
        ValueMatcher[] values = c.values().stream().map(MatcherCompiler::keyword).toArray(ValueMatcher[]::new);
        return new KeywordMatcher(values, c.all());
    }

    /** Keywords are implicit "contains" searches in the raw record. */
    private static ValueMatcher keyword(SigmaValue v) {
        return switch (v) {
            case SigmaString s -> new StringValueMatcher(TextPattern.of(s.withLeadingAnyChars().withTrailingAnyChars()));
            case SigmaNumber n -> keyword(SigmaString.literal(n.text()));
            case SigmaBoolean b -> keyword(SigmaString.literal(Boolean.toString(b.value())));
            case SigmaRegex r -> RegexLiterals.matcher(r).orElseGet(() -> new RegexValueMatcher(r.compile()));
            case SigmaAnyOf g -> new AnyOfValueMatcher(g.alternatives().stream().map(MatcherCompiler::keyword)
                    .toArray(ValueMatcher[]::new));
            default -> throw new IllegalArgumentException("keyword searches take text, not " + v.describe());
        };
    }

    static ValueMatcher value(SigmaValue v) {
        return switch (v) {
            case SigmaString s -> new StringValueMatcher(TextPattern.of(s));
            case SigmaNumber n -> new NumberValueMatcher(n);
            case SigmaBoolean b -> new BooleanValueMatcher(b.value());
            case SigmaNull ignored -> new NullValueMatcher();
            case SigmaRegex r -> RegexLiterals.matcher(r).orElseGet(() -> new RegexValueMatcher(r.compile()));
            case SigmaCidr c -> new CidrValueMatcher(c);
            case SigmaComparison c -> new ComparisonValueMatcher(c);
            case SigmaExists e -> new ExistsValueMatcher(e.expected());
            case SigmaTimePart t -> new TimePartValueMatcher(t);
            case SigmaFieldRef r -> new FieldRefValueMatcher(r);
            case SigmaAnyOf g -> new AnyOfValueMatcher(g.alternatives().stream().map(MatcherCompiler::value)
                    .toArray(ValueMatcher[]::new));
            case SigmaBytes b -> throw new IllegalArgumentException(b.describe() + " must be Base64-encoded first");
        };
    }

    private static EventMatcher all(List<EventMatcher> parts) {
        return parts.size() == 1 ? parts.getFirst() : new AllOfMatcher(parts.toArray(EventMatcher[]::new));
    }

    private static EventMatcher any(List<EventMatcher> parts) {
        return parts.size() == 1 ? parts.getFirst() : new AnyOfMatcher(parts.toArray(EventMatcher[]::new));
    }
}
