package dev.vigil.engine.sigma;

import java.util.ArrayList;
import java.util.List;

/** A modifier that transforms each value on its own; most modifiers are one. */
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
    public final ModifiedValues apply(ModifiedValues in) throws ModifierException {
        List<SigmaValue> out = new ArrayList<>(in.values().size());
        for (SigmaValue v : in.values()) {
            out.add(modify(v));
        }
        return new ModifiedValues(out, in.all());
    }

    abstract SigmaValue modify(SigmaValue value) throws ModifierException;

    /** Strings as they are; numbers and booleans as their text, since a string modifier was asked for. */
    final SigmaString asString(SigmaValue value) throws ModifierException {
        return switch (value) {
            case SigmaString s -> s;
            case SigmaNumber n -> SigmaString.literal(n.text());
            case SigmaBoolean b -> SigmaString.literal(Boolean.toString(b.value()));
            default -> throw new ModifierException("'" + name + "' applies to strings, not to " + value.describe());
        };
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
