package dev.vigil.engine.sigma;

import java.util.ArrayList;
import java.util.List;

/**
 * A modifier that transforms each value on its own; most modifiers are one. A value usually becomes one value
 * ({@link #modify}); a modifier that turns it into several alternatives ({@code windash}, {@code base64offset},
 * {@code expand}) overrides {@link #variants} instead. The alternatives of one written value stay grouped in a
 * {@link SigmaAnyOf}, and later modifiers apply to each of them.
 */
abstract class ValueModifier implements Modifier {

    private final String name;

    ValueModifier(String name) {
        this.name = name;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final ModifiedValues apply(ModifiedValues in, ModifierContext context) throws ModifierException {
        List<SigmaValue> out = new ArrayList<>(in.values().size());
        int count = 0;
        for (SigmaValue v : in.values()) {
            List<SigmaValue> alternatives = new ArrayList<>();
            for (SigmaValue a : SigmaAnyOf.alternativesOf(v)) {
                alternatives.addAll(variants(a, context));
            }
            count += alternatives.size();
            if (count > ModifiedValues.MAX_VALUES) {
                throw new ModifierException("'" + name + "' makes more than " + ModifiedValues.MAX_VALUES
                        + " values for one field, the most Vigil tests per event; use fewer values or split them over"
                        + " several selections");
            }
            out.add(SigmaAnyOf.of(alternatives));
        }
        return new ModifiedValues(out, in.all(), in.negated());
    }

    /** The values one value becomes: one for most modifiers ({@link #modify}), several for some. */
    List<SigmaValue> variants(SigmaValue value, ModifierContext context) throws ModifierException {
        return List.of(modify(value));
    }

    /** One value to one value; modifiers that give several values override {@link #variants} instead. */
    SigmaValue modify(SigmaValue value) throws ModifierException {
        throw new UnsupportedOperationException("'" + name + "' overrides variants");
    }

    /** Strings as they are; numbers and booleans as their text, since a string modifier was asked for. */
    final SigmaString asString(SigmaValue value) throws ModifierException {
        return switch (value) {
            case SigmaString s -> s;
            case SigmaNumber n -> SigmaString.literal(n.text());
            case SigmaBoolean b -> SigmaString.literal(Boolean.toString(b.value()));
            default -> throw new ModifierException("'" + name + "' applies to strings, not to " + value.describe());
        };
    }

    /** Plain text without wildcards, for modifiers that encode it; names the problem otherwise. */
    final String plainText(SigmaValue value) throws ModifierException {
        SigmaString s = asString(value);
        return s.plainText().orElseThrow(() -> new ModifierException("'" + name + "' cannot encode the wildcards of "
                + s.describe() + ": put contains, startswith or endswith after it (field|" + name
                + "|contains: text), or escape a literal * or ? with \\"));
    }

    /** The text the rule author wrote, for modifiers that give it their own syntax (regex, CIDR). */
    final String sourceText(SigmaValue value) throws ModifierException {
        return switch (value) {
            case SigmaString s when s.source() != null -> s.source();
            case SigmaNumber n -> n.text();
            default -> throw new ModifierException("'" + name + "' must come first and apply to a plain string, not to "
                    + value.describe());
        };
    }
}
