package dev.vigil.engine;

import dev.vigil.engine.match.EventMatcher;
import dev.vigil.engine.match.MatcherSpecializer;
import dev.vigil.model.Event;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The rules of one log source, indexed so that an event is only tested against rules that can match it: rules
 * that pin {@code eventName} are found by the event's name, rules that pin only {@code eventSource} by its source,
 * and the rest are tested on every event. When the event's field is not a single string (absent fields cannot
 * match a pin; lists and numbers might), every rule pinned on that field is tested, so the index never hides a
 * match.
 *
 * <p>Events whose name and source are both strings (nearly all) take a faster path: the rules worth testing for a
 * (source, name) pair are worked out once — the pinned rules found as above, minus every rule whose required
 * name or source test ({@code eventName|endswith: Policy}, {@code eventSource|startswith: s3.}) the pair fails —
 * and remembered, so a source-pinned rule that also requires a name pattern costs nothing on the other names of
 * its source. At most {@value #MAX_REMEMBERED} pairs are remembered, because names come from the logs and an
 * attacker can make up any number of them; further pairs are worked out per event.
 */
final class RuleIndex {

    static final String NAME_FIELD = "eventName";
    static final String SOURCE_FIELD = "eventSource";

    private final FoldedKeyMap<CompiledRule[]> byName;
    private final CompiledRule[] allByName;
    private final FoldedKeyMap<CompiledRule[]> bySource;
    private final CompiledRule[] allBySource;
    private final CompiledRule[] unindexed;
    private final ConcurrentHashMap<String, ConcurrentHashMap<String, Selection>> selected =
            new ConcurrentHashMap<>();
    private final AtomicInteger remembered = new AtomicInteger();

    static final int MAX_REMEMBERED = 16_384;

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
        if (event.field(NAME_FIELD) instanceof String name && event.field(SOURCE_FIELD) instanceof String source) {
            selected(source, name).run(event, facts, out, text);
            return;
        }
        run(candidates(event.field(NAME_FIELD), byName, allByName), event, facts, out, text);
        run(candidates(event.field(SOURCE_FIELD), bySource, allBySource), event, facts, out, text);
        run(unindexed, event, facts, out, text);
    }

    /**
     * The rules that can match an event with this source and name, in the order the general path tests them, each
     * with its condition specialised for that source and name.
     */
    private Selection selected(String source, String name) {
        ConcurrentHashMap<String, Selection> byNameOfSource = selected.get(source);
        if (byNameOfSource != null) {
            Selection rules = byNameOfSource.get(name);
            if (rules != null) {
                return rules;
            }
        }
        if (remembered.get() >= MAX_REMEMBERED) {
            // not remembered: specialising would cost more than it saves on a single event
            return new Selection(select(source, name), null);
        }
        Selection rules = Selection.specialized(select(source, name), source, name);
        remembered.incrementAndGet();
        selected.computeIfAbsent(source, s -> new ConcurrentHashMap<>()).putIfAbsent(name, rules);
        return rules;
    }

    private CompiledRule[] select(String source, String name) {
        List<CompiledRule> out = new ArrayList<>();
        addPassing(byName.get(name), source, name, out);
        addPassing(bySource.get(source), source, name, out);
        addPassing(unindexed, source, name, out);
        return out.toArray(CompiledRule[]::new);
    }

    /**
     * Rules selected for one (source, name) pair and the conditions to test them with: each rule's condition with
     * its tests of {@code eventSource} and {@code eventName} already decided ({@link MatcherSpecializer}), or, when
     * {@code matchers} is null, the rules' own conditions. Rules that cannot match the pair are left out.
     */
    record Selection(CompiledRule[] rules, EventMatcher[] matchers) {

        static Selection specialized(CompiledRule[] candidates, String source, String name) {
            Map<String, Object> known = Map.of(SOURCE_FIELD, source, NAME_FIELD, name);
            List<CompiledRule> rules = new ArrayList<>(candidates.length);
            List<EventMatcher> matchers = new ArrayList<>(candidates.length);
            for (CompiledRule r : candidates) {
                MatcherSpecializer.specialize(r.matcher(), known).ifPresent(m -> {
                    rules.add(r);
                    matchers.add(m);
                });
            }
            return new Selection(rules.toArray(CompiledRule[]::new), matchers.toArray(EventMatcher[]::new));
        }

        void run(Event event, FactExtractor facts, Consumer<RuleHit> out, EvidenceText text) {
            if (matchers == null) {
                RuleIndex.run(rules, event, facts, out, text);
                return;
            }
            for (int i = 0; i < rules.length; i++) {
                if (matchers[i].matches(event)) {
                    out.accept(rules[i].hit(event, facts, text));
                }
            }
        }
    }

    private static void addPassing(CompiledRule[] rules, String source, String name, List<CompiledRule> out) {
        if (rules == null) {
            return;
        }
        for (CompiledRule r : rules) {
            if (r.nameTest().map(t -> t.test(name)).orElse(true) && r.sourceTest().map(t -> t.test(source)).orElse(true)) {
                out.add(r);
            }
        }
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
