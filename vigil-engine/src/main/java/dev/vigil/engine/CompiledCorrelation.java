package dev.vigil.engine;

import dev.vigil.engine.sigma.CorrelationType;
import dev.vigil.engine.sigma.CountCondition;
import dev.vigil.model.DetectionInfo;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A correlation ready to run: what to measure, per which group, in which window.
 *
 * @param id             rule id
 * @param info           what its findings say
 * @param type           what is measured
 * @param groupBy        group-by entries as written (field paths or alias names): the names of the finding's keys
 * @param groupPaths     per counted rule id, the event field each group-by entry reads in that rule's hits (aliases
 *                       resolved); for a counted correlation, the names of its own group-by entries
 * @param inputs         ids of the counted rules and correlations, in the order listed (temporal_ordered's order)
 * @param valueField     the measured field for the types that need one, else null
 * @param percentile     for value_percentile, which percentile; else null
 * @param timespanMillis window length
 * @param condition      bounds on the measure
 * @param generates      whether its firings raise findings of its own (false when another correlation counts it
 *                       without {@code generate: true})
 * @param consumers      ids of the correlations that count this one's firings (chaining)
 */
record CompiledCorrelation(String id, DetectionInfo info, CorrelationType type, List<String> groupBy,
                           Map<String, List<String>> groupPaths, List<String> inputs, String valueField,
                           BigDecimal percentile, long timespanMillis, CountCondition condition, boolean generates,
                           List<String> consumers) {

    CompiledCorrelation {
        groupBy = List.copyOf(groupBy);
        groupPaths = Map.copyOf(groupPaths);
        inputs = List.copyOf(inputs);
        consumers = List.copyOf(consumers);
    }

    /** The event fields the group key is read from in hits of {@code ruleId}. */
    List<String> pathsFor(String ruleId) {
        List<String> p = groupPaths.get(ruleId);
        return p == null ? groupBy : p;
    }
}
