package dev.vigil.engine;

import dev.vigil.engine.match.MatcherCompiler;
import dev.vigil.engine.sigma.SigmaCorrelation;
import dev.vigil.engine.sigma.SigmaDocument;
import dev.vigil.engine.sigma.SigmaFilter;
import dev.vigil.engine.sigma.SigmaRule;
import dev.vigil.engine.sigma.SigmaRuleParser;
import dev.vigil.model.Problem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Finds the rules each Sigma filter names and compiles each filter once. A reference that names no rule, or a
 * correlation, is a problem; a filter whose log source cannot meet a rule's is a warning; either way the filter
 * still applies to the other rules it names.
 */
final class FilterResolver {

    private final Map<String, SigmaDocument> byReference;
    private final List<Problem> problems;
    private final List<Problem> warnings;
    private final Supplier<String> known;

    /**
     * @param byReference the loaded rules and correlations by id and by name
     * @param problems    where problems go
     * @param warnings    where warnings go
     * @param known       a short list of the loaded references, for messages
     */
    FilterResolver(Map<String, SigmaDocument> byReference, List<Problem> problems, List<Problem> warnings,
                   Supplier<String> known) {
        this.byReference = byReference;
        this.problems = problems;
        this.warnings = warnings;
        this.known = known;
    }

    /** The compiled filters of each rule, by rule id, in filter order. */
    Map<String, List<CompiledFilter>> resolve(List<SigmaFilter> filters) {
        Map<String, List<CompiledFilter>> byRule = new HashMap<>();
        for (SigmaFilter f : filters) {
            CompiledFilter compiled = new CompiledFilter(f.label(), f.logSource(), MatcherCompiler.compile(f.detection()));
            for (String ref : new LinkedHashSet<>(f.rules())) {
                SigmaRule rule = filteredRule(f, ref);
                if (rule == null) {
                    continue;
                }
                if (!f.logSource().overlaps(rule.logSource())) {
                    warnings.add(new Problem(f.source().location(), "filter-logsource", "filter '" + f.label()
                            + "' never applies to rule '" + ref + "': its logsource " + f.logSource().describe()
                            + " selects none of the events of the rule's " + rule.logSource().describe()));
                    continue;
                }
                List<CompiledFilter> list = byRule.computeIfAbsent(rule.ruleId(), x -> new ArrayList<>());
                if (!list.contains(compiled)) {
                    list.add(compiled);
                }
            }
        }
        return byRule;
    }

    /** The rule a filter reference applies to, or null after reporting why there is none. */
    private SigmaRule filteredRule(SigmaFilter f, String ref) {
        SigmaDocument target = byReference.get(ref);
        if (target instanceof SigmaRule r) {
            return r;
        }
        if (target instanceof SigmaCorrelation c) {
            // a Sigma 1 aggregating rule became a correlation over its searches: filter those
            String searchName = SigmaRuleParser.legacySearchRuleName(c.ruleId());
            if (c.rules().equals(List.of(searchName)) && byReference.get(searchName) instanceof SigmaRule r) {
                return r;
            }
            problems.add(new Problem(f.source().location(), "filter-invalid", "filter '" + f.label()
                    + "' cannot apply to '" + ref + "', a correlation: filters suppress single events, so name the"
                    + " rules it counts (" + String.join(", ", c.rules()) + ")"));
            return null;
        }
        problems.add(new Problem(f.source().location(), "reference-unknown", "filter '" + f.label()
                + "' names rule '" + ref + "', which is not loaded; check its id or name (known: " + known.get() + ")"));
        return null;
    }
}
