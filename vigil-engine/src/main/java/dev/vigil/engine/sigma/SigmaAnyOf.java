package dev.vigil.engine.sigma;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Alternatives one rule value turned into ({@code windash}, {@code base64offset}, {@code expand}): any one of them
 * must match. They stay grouped so that {@code all} still means "every value the author wrote", each matched by
 * any of its alternatives; without {@code all} the groups are flattened into the condition's value list.
 *
 * @param alternatives two or more values, none of them itself a group
 */
public record SigmaAnyOf(List<SigmaValue> alternatives) implements SigmaValue {

    public SigmaAnyOf {
        alternatives = List.copyOf(alternatives);
        if (alternatives.size() < 2 || alternatives.stream().anyMatch(a -> a instanceof SigmaAnyOf)) {
            throw new IllegalArgumentException("a group holds two or more plain values; use SigmaAnyOf.of");
        }
    }

    /** The values as one value: the single value itself, or a group of them (nested groups flattened). */
    public static SigmaValue of(List<SigmaValue> values) {
        List<SigmaValue> flat = new ArrayList<>(values.size());
        for (SigmaValue v : values) {
            if (v instanceof SigmaAnyOf g) {
                flat.addAll(g.alternatives());
            } else {
                flat.add(v);
            }
        }
        if (flat.isEmpty()) {
            throw new IllegalArgumentException("no alternatives");
        }
        return flat.size() == 1 ? flat.getFirst() : new SigmaAnyOf(flat);
    }

    /** The value's alternatives: a group's own, or the value alone. */
    public static List<SigmaValue> alternativesOf(SigmaValue value) {
        return value instanceof SigmaAnyOf g ? g.alternatives() : List.of(value);
    }

    @Override
    public String describe() {
        String shown = alternatives.stream().limit(3).map(SigmaValue::describe).collect(Collectors.joining(", "));
        return "any of " + shown + (alternatives.size() > 3 ? ", … (" + alternatives.size() + " in all)" : "");
    }
}
