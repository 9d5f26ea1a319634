package dev.vigil.engine.sigma;

import java.util.List;

/**
 * Vigil's custom rule attributes, the {@code vigil:} block of a rule (Sigma allows custom attributes).
 *
 * @param keys     event field paths that, with account, region and principal, identify a finding: hits that agree
 *                 on all of them merge into one finding
 * @param resource field paths; the first one with a non-empty value names the finding's resource
 * @param types    ASFF-style finding types, {@code namespace/category/classifier}
 */
public record VigilAttributes(List<String> keys, List<String> resource, List<String> types) {

    public static final VigilAttributes NONE = new VigilAttributes(List.of(), List.of(), List.of());

    public VigilAttributes {
        keys = List.copyOf(keys);
        resource = List.copyOf(resource);
        types = List.copyOf(types);
    }
}
