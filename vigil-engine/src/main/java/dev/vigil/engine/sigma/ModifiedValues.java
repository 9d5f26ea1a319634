package dev.vigil.engine.sigma;

import java.util.List;

/**
 * The values of one field condition as they pass through its modifier chain.
 *
 * @param values the values, OR-ed unless {@code all}
 * @param all    true once the {@code all} modifier asked for every value to match
 */
public record ModifiedValues(List<SigmaValue> values, boolean all) {
    public ModifiedValues {
        values = List.copyOf(values);
    }
}
