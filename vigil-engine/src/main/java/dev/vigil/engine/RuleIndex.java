package dev.vigil.engine;

import dev.vigil.model.Event;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The rules of one log source, indexed so that an event is only tested against rules that can match it: rules
 * that pin {@code eventName} are found by the event's name, rules that pin only {@code eventSource} by its source,
 * and the rest are tested on every event. When the event's field is not a single string (absent fields cannot
 * match a pin; lists and numbers might), every rule pinned on that field is tested, so the index never hides a
 * match.
 */
final class RuleIndex {

    static final String NAME_FIELD = "eventName";
    static final String SOURCE_FIELD = "eventSource";

    private final FoldedKeyMap<CompiledRule[]> byName;
    private final CompiledRule[] allByName;
    private final FoldedKeyMap<CompiledRule[]> bySource;
    private final CompiledRule[] allBySource;
    private final CompiledRule[] unindexed;

    RuleIndex(List<CompiledRule> rules) {
        Map<String, List<CompiledRule>> names = new HashMap<>();
        Map<String, List<CompiledRule>> sources = new HashMap<>();
        List<CompiledRule> pinnedByName = new ArrayList<>();
        List<CompiledRule> pinnedBySource = new ArrayList<>();
        List<CompiledRule> rest = new ArrayList<>();
        for (CompiledRule r : rules) {
            if (r.namePins().isPresent()) {
                add(names, r.namePins().get(), r);
                pinnedByName.add(r);
            } else if (r.sourcePins().isPresent()) {
                add(sources, r.sourcePins().get(), r);
                pinnedBySource.add(r);
            } else {
                rest.add(r);
            }
        }
        byName = new FoldedKeyMap<>(toArrays(names));
        bySource = new FoldedKeyMap<>(toArrays(sources));
        allByName = pinnedByName.toArray(CompiledRule[]::new);
        allBySource = pinnedBySource.toArray(CompiledRule[]::new);
        unindexed = rest.toArray(CompiledRule[]::new);
    }

    void evaluate(Event event, FactExtractor facts, Consumer<RuleHit> out, EvidenceText text) {
        run(candidates(event.field(NAME_FIELD), byName, allByName), event, facts, out, text);
        run(candidates(event.field(SOURCE_FIELD), bySource, allBySource), event, facts, out, text);
        run(unindexed, event, facts, out, text);
    }

    private static CompiledRule[] candidates(Object value, FoldedKeyMap<CompiledRule[]> index, CompiledRule[] all) {
        if (value instanceof String s) {
            return index.get(s);
        }
        return value == null || value == Event.NULL ? null : all;
    }

    private static void run(CompiledRule[] rules, Event event, FactExtractor facts, Consumer<RuleHit> out,
                            EvidenceText text) {
        if (rules == null) {
            return;
        }
        for (CompiledRule r : rules) {
            if (r.matcher().matches(event)) {
                out.accept(r.hit(event, facts, text));
            }
        }
    }

    private static void add(Map<String, List<CompiledRule>> index, Set<String> keys, CompiledRule rule) {
        for (String k : keys) {
            index.computeIfAbsent(k, x -> new ArrayList<>()).add(rule);
        }
    }

    private static Map<String, CompiledRule[]> toArrays(Map<String, List<CompiledRule>> lists) {
        Map<String, CompiledRule[]> out = new HashMap<>();
        lists.forEach((k, v) -> out.put(k, v.toArray(CompiledRule[]::new)));
        return out;
    }
}
