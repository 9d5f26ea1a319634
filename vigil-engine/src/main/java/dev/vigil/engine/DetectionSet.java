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
        this.problems = List.copyOf(problems);
        this.warnings = List.copyOf(warnings);
        this.factsByLogSource = factsByLogSource;
        List<DetectionInfo> infos = new ArrayList<>();
        rules.values().stream().filter(CompiledRule::generates).forEach(r -> infos.add(r.info()));
        correlations.values().forEach(c -> infos.add(c.info()));
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

    /** The detections that raise findings, sorted by id: rules and correlations (not the rules correlations count). */
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
        String source = event.logSource() == null ? "" : event.logSource();
        Scope scope = scopes.get(source);
        if (scope == null) {
            scope = scopes.computeIfAbsent(source, this::scopeFor);
        }
        scope.index().evaluate(event, scope.facts(), out);
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
            Map<String, Set<CompiledCorrelation>> consumers = new HashMap<>();
            Set<String> generating = new HashSet<>();
            Set<String> counted = new HashSet<>();
            Map<String, CompiledCorrelation> correlations = new LinkedHashMap<>();
            for (SigmaDocument doc : accepted) {
                if (doc instanceof SigmaCorrelation c) {
                    List<SigmaRule> targets = resolve(c);
                    targets.forEach(t -> counted.add(t.ruleId()));
                    if (targets.size() != new LinkedHashSet<>(c.rules()).size()) {
                        continue;
                    }
                    CompiledCorrelation compiled = CompiledCorrelation.of(c);
                    correlations.put(compiled.id(), compiled);
                    for (SigmaRule t : targets) {
                        consumers.computeIfAbsent(t.ruleId(), x -> new LinkedHashSet<>()).add(compiled);
                        if (c.generate()) {
                            generating.add(t.ruleId());
                        }
                    }
                }
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
                    List<CompiledCorrelation> cs = List.copyOf(consumers.getOrDefault(r.ruleId(), Set.of()));
                    boolean generates = !counted.contains(r.ruleId()) || generating.contains(r.ruleId());
                    rules.put(r.ruleId(), compileRule(r, cs, generates,
                            filters.getOrDefault(r.ruleId(), List.of())));
                }
            }
            return new DetectionSet(rules, correlations, problems, warnings, facts);
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

        private List<SigmaRule> resolve(SigmaCorrelation c) {
            List<SigmaRule> targets = new ArrayList<>();
            for (String ref : new LinkedHashSet<>(c.rules())) {
                SigmaDocument target = byReference.get(ref);
                if (target instanceof SigmaRule r) {
                    targets.add(r);
                } else if (target instanceof SigmaCorrelation) {
                    problems.add(new Problem(c.source().location(), "correlation-invalid", "rule '" + c.ruleId()
                            + "' is not loaded: it counts the correlation '" + ref
                            + "', and chaining correlations is not supported by Vigil yet"));
                } else {
                    problems.add(new Problem(c.source().location(), "reference-unknown", "rule '" + c.ruleId()
                            + "' is not loaded: it counts rule '" + ref + "', which is not loaded (known: "
                            + known() + ")"));
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
                hitFields.addAll(c.groupBy());
                if (c.valueField() != null) {
                    hitFields.add(c.valueField());
                }
            }
            DetectionInfo info = DetectionInfos.of(r.ruleId(), r.title(), r.description(), r.level(), r.tags(),
                    r.vigil().types());
            return new CompiledRule(r.ruleId(), info, MatcherCompiler.compile(r), List.copyOf(filters),
                    r.logSource(), r.vigil().keys(), r.vigil().resource(), List.copyOf(hitFields), consumers,
                    generates, IndexPins.of(r, RuleIndex.NAME_FIELD), IndexPins.of(r, RuleIndex.SOURCE_FIELD));
        }
    }
}
