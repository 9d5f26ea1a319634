package dev.vigil.engine.sigma;

import java.util.List;
import java.util.Objects;

/**
 * One entry of a search map, {@code field|mod1|mod2: values}, with its modifiers already applied.
 *
 * @param field     dotted field path, or null for a keyword search over the whole record
 * @param modifiers modifier names as written, for display
 * @param values    typed values; any one must match, or every one when {@code all}. Only with {@code all} may a
 *                  value be a {@link SigmaAnyOf} (one written value a modifier turned into alternatives)
 * @param all       set by the {@code all} modifier
 * @param negated   set by the {@code neq} modifier: the field holds a value that matches none of the values
 * @param source    where the entry was written
 */
public record FieldCondition(String field, List<String> modifiers, List<SigmaValue> values, boolean all,
                             boolean negated, RuleSource source) {
    public FieldCondition {
        modifiers = List.copyOf(modifiers);
        values = List.copyOf(values);
        Objects.requireNonNull(source, "source");
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a field condition needs at least one value");
        }
        if (negated && (all || field == null)) {
            throw new IllegalArgumentException("neq applies to a field, without all");
        }
    }

    /** A condition without {@code neq}. */
    public FieldCondition(String field, List<String> modifiers, List<SigmaValue> values, boolean all,
                          RuleSource source) {
        this(field, modifiers, values, all, false, source);
    }

    /** True for keyword conditions, which search the whole record rather than one field. */
    public boolean isKeyword() {
        return field == null;
    }
}
