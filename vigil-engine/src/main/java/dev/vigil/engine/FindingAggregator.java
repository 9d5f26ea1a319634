package dev.vigil.engine;

import dev.vigil.model.Finding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The stateful stage of detection: merges the hits of a run into findings and evaluates correlation rules on event
 * time. Feed it every hit of the run (from one thread, in any order), then call {@link #findings()} once.
 *
 * <p>A rule's hits merge into one finding per rule and key: account, region, principal and the rule's
 * {@code vigil.keys}. A correlation raises one finding per group (its {@code group-by} values) holding the events
 * of the windows that satisfied its condition. Correlations are evaluated after the correlations they count, and a
 * chained correlation allows its inputs as much extra lateness as the counted correlation needs to close a window. The findings do not depend on the order of the hits, except that a
 * correlated hit arriving more than {@link AggregatorOptions#allowedLateness()} behind the latest event time of its
 * own group is dropped (see {@link #stats()}), and a group idle for longer than the lateness behind the run's
 * latest event time is closed (a later record for it starts the group afresh).
 *
 * <p>Not thread-safe.
 */
public final class FindingAggregator {

    private static final Comparator<Finding> ORDER = Comparator
            .comparing(Finding::severity, Comparator.reverseOrder())
            .thenComparing(Finding::firstSeen)
            .thenComparing(Finding::id);

    private final DetectionSet set;
    private final long lateness;
    private final Map<SimpleKey, FindingAccumulator> simple = new HashMap<>();
    private final Map<String, CorrelationState> correlations = new LinkedHashMap<>();
    private final int maxHitsPerGroup;
    private final EvidenceCache evidence;
    private long maxTime = Long.MIN_VALUE;
    private long nextAdvance = Long.MIN_VALUE;
    private long hits;
    private long late;
    private long untimed;
    private boolean finished;

    private record SimpleKey(String ruleId, String account, String region, String principal, List<String> keys) {
    }

    public FindingAggregator(DetectionSet set) {
        this(set, AggregatorOptions.defaults());
    }

    public FindingAggregator(DetectionSet set, AggregatorOptions options) {
        this.set = Objects.requireNonNull(set, "set");
        this.lateness = options.allowedLateness().toMillis();
        this.maxHitsPerGroup = options.maxHitsPerGroup();
        this.evidence = new EvidenceCache(options.evidenceBudgetChars());
        Map<String, Long> latenessOf = new HashMap<>();
        for (CompiledCorrelation c : set.correlationsInOrder()) { // counted correlations come first
            long l = lateness;
            for (String input : c.inputs()) {
                CompiledCorrelation inner = set.correlation(input);
                if (inner != null) {
                    l = Math.max(l, saturatedAdd(lateness, chainDelay(latenessOf.get(inner.id()), inner)));
                }
            }
            latenessOf.put(c.id(), l);
            correlations.put(c.id(), new CorrelationState(c, maxHitsPerGroup, l, evidence, this::route));
        }
    }

    /**
     * How far behind its group's clock a chained correlation's input may arrive: the counted correlation evaluates a
     * window only once its own lateness has passed the window's end, keeps up to 1.5 × (lateness + timespan) of
     * events, and closes an idle group one lateness plus one advance pass after the run moved on.
     */
    private long chainDelay(long innerLateness, CompiledCorrelation inner) {
        long d = saturatedAdd(innerLateness, inner.timespanMillis());
        return saturatedAdd(saturatedAdd(d, saturatedAdd(d, d)), 2 * Math.max(lateness, 60_000L));
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }

    /** A correlation fired: the correlations that count it take the firing as a hit. */
    private void route(CompiledCorrelation from, RuleHit firing) {
        for (String consumer : from.consumers()) {
            if (!correlations.get(consumer).add(firing)) {
                late++;
            }
        }
    }

    /**
     * Takes one hit.
     *
     * @throws IllegalArgumentException when the hit's rule is not in this aggregator's detection set
     * @throws IllegalStateException    after {@link #findings()}
     */
    public void accept(RuleHit hit) {
        if (finished) {
            throw new IllegalStateException("findings() was already called; use a new FindingAggregator per run");
        }
        CompiledRule rule = set.rule(hit.ruleId());
        if (rule == null) {
            throw new IllegalArgumentException("rule '" + hit.ruleId() + "' is not in this aggregator's detection set;"
                    + " feed hits from the DetectionSet it was built with");
        }
        hits++;
        if (rule.generates()) {
            List<String> keys = new ArrayList<>(rule.keyPaths().size());
            for (String path : rule.keyPaths()) {
                keys.add(hit.field(path));
            }
            simple.computeIfAbsent(new SimpleKey(rule.id(), hit.account(), hit.region(), hit.principal(),
                    List.copyOf(keys)), k -> new FindingAccumulator()).add(hit);
        }
        if (rule.consumers().isEmpty()) {
            return;
        }
        if (hit.timeMillis() == Long.MIN_VALUE) {
            untimed++;
            return;
        }
        maxTime = Math.max(maxTime, hit.timeMillis());
        boolean dropped = false;
        for (CompiledCorrelation c : rule.consumers()) {
            dropped |= !correlations.get(c.id()).add(hit);
        }
        if (dropped) {
            late++;
        }
        // groups that stop receiving hits are evaluated and freed by a periodic pass over all groups
        long watermark = watermark();
        if (watermark >= nextAdvance) {
            for (CorrelationState s : correlations.values()) {
                s.advance(watermark);
            }
            nextAdvance = watermark + Math.max(lateness, 60_000L);
        }
    }

    /**
     * Ends the run and returns its findings, sorted by severity (highest first), then first seen, then id.
     * Call once.
     */
    public List<Finding> findings() {
        finished = true;
        List<Finding> out = new ArrayList<>();
        simple.forEach((key, acc) -> {
            CompiledRule rule = set.rule(key.ruleId());
            Map<String, String> keys = new LinkedHashMap<>();
            keys.put("account", key.account());
            keys.put("region", key.region());
            keys.put("principal", key.principal());
            for (int i = 0; i < rule.keyPaths().size(); i++) {
                keys.put(rule.keyPaths().get(i), key.keys().get(i));
            }
            out.add(acc.toFinding(rule.info(), keys));
        });
        for (CorrelationState s : correlations.values()) { // counted correlations first: they feed the others
            s.finish();
        }
        for (CorrelationState s : correlations.values()) {
            CompiledCorrelation c = s.correlation();
            if (!c.generates()) {
                continue;
            }
            s.fired().forEach((group, acc) -> {
                Map<String, String> keys = new LinkedHashMap<>();
                for (int i = 0; i < c.groupBy().size(); i++) {
                    keys.put(c.groupBy().get(i), group.get(i));
                }
                out.add(acc.toFinding(c.info(), keys));
            });
        }
        out.sort(ORDER);
        return List.copyOf(out);
    }

    /** Counts of what happened to the hits so far. */
    public AggregatorStats stats() {
        long overflows = correlations.values().stream().mapToLong(CorrelationState::overflows).sum();
        return new AggregatorStats(hits, late, untimed, overflows, evidence.dropped());
    }

    /** Hits held in open correlation windows, for tests of the state bound. */
    int bufferedHits() {
        return correlations.values().stream().mapToInt(CorrelationState::buffered).sum();
    }

    private long watermark() {
        long w = maxTime - lateness;
        return w > maxTime ? Long.MIN_VALUE : w;
    }
}
