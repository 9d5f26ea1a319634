package dev.vigil.engine.sigma;

import java.util.List;

/**
 * The values of one field condition as they pass through its modifier chain.
 *
 * @param values  the values, OR-ed unless {@code all}; a {@link SigmaAnyOf} stands for one written value that a
 *                modifier turned into several alternatives
 * @param all     true once the {@code all} modifier asked for every value to match
 * @param negated true once the {@code neq} modifier asked for the field to equal none of the values
 */
public record ModifiedValues(List<SigmaValue> values, boolean all, boolean negated) {

    /**
     * Most values one condition may hold once modifiers have multiplied them ({@code windash}, {@code base64offset},
     * {@code expand}); each is tested against every event, so a larger condition is refused at load.
     */
    public static final int MAX_VALUES = 4096;

    public ModifiedValues {
        values = List.copyOf(values);
    }

    /** Values before {@code neq}. */
    public ModifiedValues(List<SigmaValue> values, boolean all) {
        this(values, all, false);
    }

    /** The number of values, counting each alternative of a group. */
    public int count() {
        int n = 0;
        for (SigmaValue v : values) {
            n += v instanceof SigmaAnyOf g ? g.alternatives().size() : 1;
        }
        return n;
    }
}
