package dev.vigil.engine.sigma;

import java.util.List;

/**
 * A named search of a rule's {@code detection} section, referred to by the condition.
 */
public sealed interface SearchIdentifier
        permits SearchIdentifier.FieldMap, SearchIdentifier.MapList, SearchIdentifier.Keywords {

    /** A map: every field condition must hold. */
    record FieldMap(List<FieldCondition> conditions) implements SearchIdentifier {
        public FieldMap {
            conditions = List.copyOf(conditions);
        }
    }

    /** A list of maps: any one map must hold. */
    record MapList(List<FieldMap> alternatives) implements SearchIdentifier {
        public MapList {
            alternatives = List.copyOf(alternatives);
        }
    }

    /** A list of keywords searched in the whole record: any one must appear. */
    record Keywords(FieldCondition keywords) implements SearchIdentifier {
    }
}
