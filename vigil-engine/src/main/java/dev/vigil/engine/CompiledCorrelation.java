package dev.vigil.engine;

import dev.vigil.engine.sigma.CorrelationType;
import dev.vigil.engine.sigma.CountCondition;
import dev.vigil.engine.sigma.SigmaCorrelation;
import dev.vigil.model.DetectionInfo;

import java.util.List;

/**
 * A correlation ready to run: what to count, per which group, in which window.
 *
 * @param id             rule id
 * @param info           what its findings say
 * @param type           event or distinct-value count
 * @param groupBy        field paths whose values form the group key (and the finding key)
 * @param valueField     the counted field for value_count, else null
 * @param timespanMillis window length
 * @param condition      bounds on the count
 */
record CompiledCorrelation(String id, DetectionInfo info, CorrelationType type, List<String> groupBy,
                           String valueField, long timespanMillis, CountCondition condition) {

    static CompiledCorrelation of(SigmaCorrelation c) {
        DetectionInfo info = DetectionInfos.of(c.ruleId(), c.title(), c.description(), c.level(), c.tags(),
                c.vigil().types());
        return new CompiledCorrelation(c.ruleId(), info, c.type(), c.groupBy(), c.valueField(),
                c.timespan().toMillis(), c.condition());
    }
}
