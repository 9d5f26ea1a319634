package dev.vigil.engine;

import dev.vigil.engine.match.IndexPins;
import dev.vigil.engine.match.MatcherCompiler;
import dev.vigil.engine.sigma.RuleSource;
import dev.vigil.engine.sigma.SigmaCorrelation;
import dev.vigil.engine.sigma.SigmaDocument;
import dev.vigil.engine.sigma.SigmaFilter;
import dev.vigil.engine.sigma.SigmaRule;
import dev.vigil.model.DetectionInfo;
import dev.vigil.model.Event;
import dev.vigil.model.Problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A compiled, immutable set of detections: the stateless stage of detection. {@link #evaluate} tests one event
 * against every rule that can match it and reports a {@link RuleHit} per match; it is safe to call from many
 * threads at once. Hits then go to a {@link FindingAggregator}, which merges them into findings and evaluates
 * correlations.
 *
 * <pre>{@code
 * DetectionSet set = DetectionSet.of(RuleLoader.loadBuiltIn().plus(RuleLoader.loadDirectory(dir)));
 * set.problems().forEach(System.err::println);          // rules that did not load, with file:line
 * FindingAggregator findings = new FindingAggregator(set);
 * events.forEach(e -> set.evaluate(e, findings::accept)); // from one thread, or collect hits per thread
 * List<Finding> result = findings.findings();
 * }</pre>
 */
public final class DetectionSet {

    private final Map<String, CompiledRule> rules;
    private final Map<String, CompiledCorrelation> correlations;
    private final List<CompiledCorrelation> correlationOrder;
    private final List<DetectionInfo> detections;
    private final List<Problem> problems;
    private final List<Problem> warnings;
    private final Function<String, FactExtractor> factsByLogSource;
    private final ConcurrentHashMap<String, Scope> scopes = new ConcurrentHashMap<>();

    private record Scope(RuleIndex index, FactExtractor facts) {
    }

    private DetectionSet(Map<String, CompiledRule> rules, Map<String, CompiledCorrelation> correlations,
                         List<Problem> problems, List<Problem> warnings,
                         Function<String, FactExtractor> factsByLogSource) {
        this.rules = Map.copyOf(rules);
        this.correlations = Map.copyOf(correlations);
        this.correlationOrder = List.copyOf(correlations.values());
        this.problems = List.copyOf(problems);
        this.warnings = List.copyOf(warnings);
        this.factsByLogSource = factsByLogSource;
        List<DetectionInfo> infos = new ArrayList<>();
        rules.values().stream().filter(CompiledRule::generates).forEach(r -> infos.add(r.info()));
        correlations.values().stream().filter(CompiledCorrelation::generates).forEach(c -> infos.add(c.info()));
        infos.sort(Comparator.comparing(DetectionInfo::id));
        this.detections = List.copyOf(infos);
    }

    /** The built-in detection pack. Its rules are tested with the module, so a problem here is a packaging bug. */
    public static DetectionSet builtIn() {
        return BuiltIn.SET;
    }

    private static final class BuiltIn {
        static final DetectionSet SET = create();

        private static DetectionSet create() {
            DetectionSet set = of(RuleLoader.loadBuiltIn());
            if (!set.problems().isEmpty()) {
                throw new IllegalStateException("the built-in rules do not load; the vigil-engine build is broken: "
                        + set.problems());
            }
            return set;
        }
    }

    /**
     * Compiles loaded rules with the standard fact extractors ({@link CloudTrailFacts} for {@code aws:cloudtrail},
     * none for other sources). Rules that cannot be compiled (duplicate ids, correlations naming unknown rules) are
     * left out and reported in {@link #problems()} together with the load problems.
     */
    public static DetectionSet of(RuleLoadResult loaded) {
        return of(loaded, DetectionSet::standardFacts);
    }

    /**
     * Compiles loaded rules with the given fact extractor per log source.
     *
     * @param factsByLogSource the extractor for a log source name such as {@code aws:cloudtrail}; never null
     */
    public static DetectionSet of(RuleLoadResult loaded, Function<String, FactExtractor> factsByLogSource) {
        return new Compiler(loaded).compile(factsByLogSource);
    }

    static FactExtractor standardFacts(String logSource) {
        return CloudTrailFacts.LOG_SOURCE.equals(logSource) ? CloudTrailFacts.INSTANCE : FactExtractor.NONE;
    }

    /**
     * The detections that raise findings, sorted by id: rules and correlations (not the rules and correlations other
     * correlations count, unless those say {@code generate: true}).
     */
    public List<DetectionInfo> detections() {
        return detections;
    }

    /** A detection or counted rule by id. */
    public Optional<DetectionInfo> detection(String id) {
        CompiledRule r = rules.get(id);
        if (r != null) {
            return Optional.of(r.info());
        }
        return Optional.ofNullable(correlations.get(id)).map(CompiledCorrelation::info);
    }

    /** Every rule id in the set, correlations and the rules they count included, sorted. */
    public List<String> ruleIds() {
        Set<String> ids = new java.util.TreeSet<>(rules.keySet());
        ids.addAll(correlations.keySet());
        return List.copyOf(ids);
    }

    /** True when the id names a correlation rule. */
    public boolean isCorrelation(String id) {
        return correlations.containsKey(id);
    }

    /** Problems met while loading and compiling, with file and line. */
    public List<Problem> problems() {
        return problems;
    }

    /**
     * Problems that left their rule in the set, with file and line: malformed descriptive attributes, log sources
     * no Vigil source has, filters that cannot apply. The rules run; the warnings say what to fix.
     */
    public List<Problem> warnings() {
        return warnings;
    }

    /**
     * Tests the event against the rules of its log source and passes a hit per matching rule to {@code out}.
     * Thread-safe; allocates nothing for rules that do not match.
     */
    public void evaluate(Event event, Consumer<RuleHit> out) {
        evaluate(event, out, EvidenceText.COPIED);
    }

    /**
     * As {@link #evaluate(Event, Consumer)}; with {@link EvidenceText#DEFERRED} the hits carry no copy of the record
     * (the caller restores the text of the records its findings cite).
     */
    public void evaluate(Event event, Consumer<RuleHit> out, EvidenceText text) {
        String source = event.logSource() == null ? "" : event.logSource();
        Scope scope = scopes.get(source);
        if (scope == null) {
            scope = scopes.computeIfAbsent(source, this::scopeFor);
        }
        scope.index().evaluate(event, scope.facts(), out, text);
    }

    private Scope scopeFor(String logSource) {
        List<CompiledRule> applicable = rules.values().stream()
                .filter(r -> r.logSource().covers(logSource))
                .map(r -> r.forSource(logSource))
                .sorted(Comparator.comparing(CompiledRule::id))
                .toList();
        FactExtractor facts = factsByLogSource.apply(logSource);
        return new Scope(new RuleIndex(applicable), facts == null ? FactExtractor.NONE : facts);
    }

    /** The labels of the Sigma filters applied to a rule (their name, id or title), in loading order. */
    public List<String> filtersOf(String ruleId) {
        CompiledRule r = rules.get(ruleId);
        return r == null ? List.of() : r.filters().stream().map(CompiledFilter::label).toList();
    }

    CompiledRule rule(String id) {
        return rules.get(id);
    }

    CompiledCorrelation correlation(String id) {
        return correlations.get(id);
    }

    /** Every correlation, each after the correlations it counts. */
    List<CompiledCorrelation> correlationsInOrder() {
        return correlationOrder;
    }

    /** Resolves references between documents and compiles each rule once. */
    private static final class Compiler {
        private final RuleLoadResult loaded;
        private final List<Problem> problems;
        private final List<Problem> warnings;
        private final Map<String, SigmaDocument> byReference = new HashMap<>();
        /** Every id and name in use, rules' and filters', with where it was first written. */
        private final Map<String, String> claimed = new HashMap<>();

        Compiler(RuleLoadResult loaded) {
            this.loaded = loaded;
            this.problems = new ArrayList<>(loaded.problems());
            this.warnings = new ArrayList<>(loaded.warnings());
        }

        DetectionSet compile(Function<String, FactExtractor> facts) {
            List<SigmaDocument> accepted = new ArrayList<>();
            for (SigmaDocument doc : loaded.documents()) {
                if (claim("rule", "rule '" + doc.ruleId() + "'", doc.source(), doc.id(), doc.name())) {
                    if (doc.id() != null) {
                        byReference.put(doc.id(), doc);
                    }
                    if (doc.name() != null) {
                        byReference.put(doc.name(), doc);
                    }
                    accepted.add(doc);
                }
            }
            // which documents each correlation counts; correlations with a broken reference are left out, and so,
            // in turn, are correlations that count them
            Map<String, SigmaCorrelation> live = new LinkedHashMap<>();
            Map<String, List<SigmaDocument>> targetsOf = new HashMap<>();
            Set<String> counted = new HashSet<>();
            for (SigmaDocument doc : accepted) {
                if (doc instanceof SigmaCorrelation c) {
                    List<SigmaDocument> targets = resolve(c);
                    // the rules of a broken correlation stay counted: alone they would raise a finding per match
                    c.rules().stream().map(byReference::get).filter(Objects::nonNull)
                            .forEach(t -> counted.add(t.ruleId()));
                    if (targets != null) {
                        live.put(c.ruleId(), c);
                        targetsOf.put(c.ruleId(), targets);
                    }
                }
            }
            List<SigmaCorrelation> order = orderAndCheck(live, targetsOf);
            Map<String, Set<String>> consumerIds = new HashMap<>();
            Set<String> generating = new HashSet<>();
            for (SigmaCorrelation c : order) {
                for (SigmaDocument t : targetsOf.get(c.ruleId())) {
                    consumerIds.computeIfAbsent(t.ruleId(), x -> new LinkedHashSet<>()).add(c.ruleId());
                    if (c.generate()) {
                        generating.add(t.ruleId());
                    }
                }
            }
            Map<String, CompiledCorrelation> correlations = new LinkedHashMap<>();
            for (SigmaCorrelation c : order) {
                boolean generates = !counted.contains(c.ruleId()) || generating.contains(c.ruleId());
                CompiledCorrelation compiled = compileCorrelation(c, targetsOf.get(c.ruleId()), generates,
                        List.copyOf(consumerIds.getOrDefault(c.ruleId(), Set.of())));
                correlations.put(compiled.id(), compiled);
            }
            List<SigmaFilter> claimedFilters = new ArrayList<>();
            for (SigmaFilter f : loaded.filters()) {
                if (claim("filter", "filter '" + f.label() + "'", f.source(), f.id(), f.name())) {
                    claimedFilters.add(f);
                }
            }
            Map<String, List<CompiledFilter>> filters = new FilterResolver(byReference, problems, warnings, this::known)
                    .resolve(claimedFilters);
            Map<String, CompiledRule> rules = new LinkedHashMap<>();
            for (SigmaDocument doc : accepted) {
                if (doc instanceof SigmaRule r) {
                    List<CompiledCorrelation> cs = consumerIds.getOrDefault(r.ruleId(), Set.of()).stream()
                            .map(correlations::get).toList();
                    boolean generates = !counted.contains(r.ruleId()) || generating.contains(r.ruleId());
                    rules.put(r.ruleId(), compileRule(r, cs, generates,
                            filters.getOrDefault(r.ruleId(), List.of())));
                }
            }
            return new DetectionSet(rules, correlations, problems, warnings, facts);
        }

        /**
         * Orders correlations so that each comes after the correlations it counts, leaving out (with a problem)
         * correlations in a cycle, correlations counting a left-out one, and chained correlations whose group-by
         * or measured field the counted correlation does not provide.
         */
        private List<SigmaCorrelation> orderAndCheck(Map<String, SigmaCorrelation> live,
                                                     Map<String, List<SigmaDocument>> targetsOf) {
            List<SigmaCorrelation> order = new ArrayList<>();
            Map<String, Integer> state = new HashMap<>(); // 1 visiting, 2 accepted, 3 rejected
            for (SigmaCorrelation c : live.values()) {
                visit(c, live, targetsOf, state, order);
            }
            return order;
        }

        private boolean visit(SigmaCorrelation c, Map<String, SigmaCorrelation> live,
                              Map<String, List<SigmaDocument>> targetsOf, Map<String, Integer> state,
                              List<SigmaCorrelation> order) {
            Integer st = state.get(c.ruleId());
            if (st != null) {
                if (st == 1) {
                    problems.add(new Problem(c.source().location(), "correlation-invalid", "rule '" + c.ruleId()
                            + "' is not loaded: its chain of correlations counts itself"));
                    state.put(c.ruleId(), 3);
                    return false;
                }
                return st == 2;
            }
            state.put(c.ruleId(), 1);
            boolean ok = true;
            for (SigmaDocument t : targetsOf.get(c.ruleId())) {
                if (t instanceof SigmaCorrelation inner) {
                    SigmaCorrelation known = live.get(inner.ruleId());
                    if (known == null || !visit(known, live, targetsOf, state, order)) {
                        if (state.get(c.ruleId()) != 3) {
                            problems.add(new Problem(c.source().location(), "correlation-invalid", "rule '"
                                    + c.ruleId() + "' is not loaded: it counts the correlation '" + inner.ruleId()
                                    + "', which is not loaded"));
                        }
                        ok = false;
                        break;
                    }
                    ok &= chainFits(c, inner);
                }
            }
            if (state.get(c.ruleId()) == 3) {
                return false;
            }
            state.put(c.ruleId(), ok ? 2 : 3);
            if (ok) {
                order.add(c);
            }
            return ok;
        }

        /** A counted correlation's firings carry only its group-by values: the outer one can read nothing else. */
        private boolean chainFits(SigmaCorrelation outer, SigmaCorrelation inner) {
            List<String> needed = new ArrayList<>();
            outer.groupBy().forEach(g -> needed.add(outer.fieldFor(g, inner)));
            if (outer.valueField() != null) {
                needed.add(outer.valueField());
            }
            for (String f : needed) {
                if (!inner.groupBy().contains(f)) {
                    problems.add(new Problem(outer.source().location(), "correlation-invalid", "rule '"
                            + outer.ruleId() + "' is not loaded: it reads '" + f + "' from the firings of correlation '"
                            + inner.ruleId() + "', which only carry its group-by fields " + inner.groupBy()
                            + "; group the inner correlation by that field or map it with 'aliases'"));
                    return false;
                }
            }
            return true;
        }

        private static CompiledCorrelation compileCorrelation(SigmaCorrelation c, List<SigmaDocument> targets,
                                                              boolean generates, List<String> consumers) {
            DetectionInfo info = DetectionInfos.of(c.ruleId(), c.title(), c.description(), c.level(), c.tags(),
                    c.vigil().types());
            Map<String, List<String>> paths = new HashMap<>();
            List<String> inputs = new ArrayList<>();
            for (SigmaDocument t : targets) {
                inputs.add(t.ruleId());
                paths.put(t.ruleId(), c.groupBy().stream().map(g -> c.fieldFor(g, t)).toList());
            }
            return new CompiledCorrelation(c.ruleId(), info, c.type(), c.groupBy(), paths, inputs, c.valueField(),
                    c.percentile(), c.timespan().toMillis(), c.condition(), generates, consumers);
        }

        /** Registers an id and a name; false (and a problem) when either is already taken. */
        private boolean claim(String kind, String label, RuleSource source, String id, String name) {
            Set<String> refs = new LinkedHashSet<>();
            if (id != null) {
                refs.add(id);
            }
            if (name != null) {
                refs.add(name);
            }
            for (String ref : refs) {
                String other = claimed.get(ref);
                if (other != null) {
                    problems.add(new Problem(source.location(), "rule-duplicate", label + " is not loaded: '" + ref
                            + "' is already used by the " + other + "; ids and names must be unique"));
                    return false;
                }
            }
            refs.forEach(r -> claimed.put(r, kind + " at " + source.location()));
            return true;
        }

        /** The documents a correlation counts, in its order; null (with a problem) when one is unknown. */
        private List<SigmaDocument> resolve(SigmaCorrelation c) {
            List<SigmaDocument> targets = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (String ref : new LinkedHashSet<>(c.rules())) {
                SigmaDocument target = byReference.get(ref);
                if (target == null) {
                    problems.add(new Problem(c.source().location(), "reference-unknown", "rule '" + c.ruleId()
                            + "' is not loaded: it counts rule '" + ref + "', which is not loaded (known: "
                            + known() + ")"));
                    return null;
                }
                if (target == c) {
                    problems.add(new Problem(c.source().location(), "correlation-invalid", "rule '" + c.ruleId()
                            + "' is not loaded: it counts itself"));
                    return null;
                }
                if (seen.add(target.ruleId())) {
                    targets.add(target);
                }
            }
            return targets;
        }

        private String known() {
            return byReference.keySet().stream().sorted().limit(20).collect(Collectors.joining(", "))
                    + (byReference.size() > 20 ? ", …" : "");
        }

        private static CompiledRule compileRule(SigmaRule r, List<CompiledCorrelation> consumers, boolean generates,
                                                List<CompiledFilter> filters) {
            Set<String> hitFields = new LinkedHashSet<>(r.vigil().keys());
            for (CompiledCorrelation c : consumers) {
                hitFields.addAll(c.pathsFor(r.ruleId()));
                if (c.valueField() != null) {
                    hitFields.add(c.valueField());
                }
            }
            DetectionInfo info = DetectionInfos.of(r.ruleId(), r.title(), r.description(), r.level(), r.tags(),
                    r.vigil().types());
            return new CompiledRule(r.ruleId(), info, MatcherCompiler.compile(r), List.copyOf(filters),
                    r.logSource(), r.vigil().keys(), r.vigil().resource(), List.copyOf(hitFields), consumers,
                    generates, IndexPins.of(r, RuleIndex.NAME_FIELD), IndexPins.of(r, RuleIndex.SOURCE_FIELD),
                    IndexPins.test(r, RuleIndex.NAME_FIELD), IndexPins.test(r, RuleIndex.SOURCE_FIELD));
        }
    }
}
