package dev.vigil.engine.sigma;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A rule's {@code detection} section: named searches and the condition over them.
 *
 * @param searches  search identifiers in the order written
 * @param condition the condition; a list of conditions in the rule is their {@code or}
 */
public record Detection(Map<String, SearchIdentifier> searches, Condition condition) {
    public Detection {
        searches = Collections.unmodifiableMap(new LinkedHashMap<>(searches));
        Objects.requireNonNull(condition, "condition");
    }
}
