package dev.vigil.engine.match;

import dev.vigil.engine.sigma.FieldCondition;
import dev.vigil.engine.sigma.SearchIdentifier;
import dev.vigil.engine.sigma.SigmaRule;
import dev.vigil.model.Event;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Says why a rule did or did not match one event, search by search and, for a search that failed, which of its
 * field conditions the event did not meet. Meant for tools that show a rule's author what happened (the
 * {@code vigil rules test} runner), not for the matching path: it evaluates every search separately and allocates.
 *
 * <p>Each search and each field condition is compiled with the same compiler as the rule set, so the answers are
 * the engine's own, never a second implementation of Sigma's semantics.
 */
public final class MatchExplainer {

    /**
     * What one search identifier made of the event.
     *
     * @param identifier the search's name in the rule's {@code detection} section
     * @param matched    whether the search matched
     * @param unmet      for a search that did not match, the field conditions the event did not meet (of a list of
     *                   maps: those of the alternative that missed the fewest, then met the most); empty when it
     *                   matched
     */
    public record SearchOutcome(String identifier, boolean matched, List<FieldCondition> unmet) {
        public SearchOutcome {
            Objects.requireNonNull(identifier, "identifier");
            unmet = List.copyOf(unmet);
        }
    }

    /**
     * The verdict on one event.
     *
     * @param inScope  whether the rule's {@code logsource} covers the event's log source
     * @param matched  whether the rule matched: in scope and the condition held
     * @param searches every search identifier's outcome, in the order the rule lists them
     */
    public record Explanation(boolean inScope, boolean matched, List<SearchOutcome> searches) {
        public Explanation {
            searches = List.copyOf(searches);
        }
    }

    private record Part(FieldCondition condition, EventMatcher matcher) {
    }

    private record Search(String identifier, EventMatcher matcher, List<List<Part>> alternatives) {
    }

    private final SigmaRule rule;
    private final EventMatcher condition;
    private final List<Search> searches;

    private MatchExplainer(SigmaRule rule) {
        this.rule = rule;
        this.condition = MatcherCompiler.compile(rule);
        List<Search> all = new ArrayList<>();
        for (Map.Entry<String, SearchIdentifier> e : rule.detection().searches().entrySet()) {
            all.add(new Search(e.getKey(), MatcherCompiler.search(e.getValue()), alternatives(e.getValue())));
        }
        this.searches = List.copyOf(all);
    }

    /** An explainer for the rule; compiles its searches once. */
    public static MatchExplainer of(SigmaRule rule) {
        return new MatchExplainer(Objects.requireNonNull(rule, "rule"));
    }

    /** Evaluates the rule and each of its searches on the event. */
    public Explanation explain(Event event) {
        boolean inScope = rule.logSource().covers(event.logSource());
        List<SearchOutcome> outcomes = new ArrayList<>(searches.size());
        for (Search s : searches) {
            boolean matched = s.matcher().matches(event);
            outcomes.add(new SearchOutcome(s.identifier(), matched, matched ? List.of() : closestUnmet(s, event)));
        }
        return new Explanation(inScope, inScope && condition.matches(event), outcomes);
    }

    private static List<FieldCondition> closestUnmet(Search s, Event event) {
        List<FieldCondition> best = null;
        int bestMet = -1;
        for (List<Part> alternative : s.alternatives()) {
            List<FieldCondition> unmet = new ArrayList<>();
            for (Part p : alternative) {
                if (!p.matcher().matches(event)) {
                    unmet.add(p.condition());
                }
            }
            int met = alternative.size() - unmet.size();
            // closest: fewest conditions missed, then most conditions met (the more specific alternative)
            if (best == null || unmet.size() < best.size() || (unmet.size() == best.size() && met > bestMet)) {
                best = unmet;
                bestMet = met;
            }
        }
        return best == null ? List.of() : best;
    }

    /** The field conditions of each alternative of a search, each compiled as a search of its own. */
    private static List<List<Part>> alternatives(SearchIdentifier s) {
        return switch (s) {
            case SearchIdentifier.FieldMap m -> List.of(parts(m));
            case SearchIdentifier.MapList l -> l.alternatives().stream().map(MatchExplainer::parts).toList();
            case SearchIdentifier.Keywords k -> List.of(List.of(new Part(k.keywords(), MatcherCompiler.search(k))));
        };
    }

    private static List<Part> parts(SearchIdentifier.FieldMap m) {
        List<Part> parts = new ArrayList<>(m.conditions().size());
        for (FieldCondition c : m.conditions()) {
            parts.add(new Part(c, MatcherCompiler.search(new SearchIdentifier.FieldMap(List.of(c)))));
        }
        return parts;
    }
}
