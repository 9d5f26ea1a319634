package dev.vigil.engine;

import dev.vigil.engine.sigma.CorrelationType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The running state of one correlation: per group, the hits whose windows are still open.
 *
 * <p>Semantics: a window is the closed interval [t, t + timespan] of event time starting at a hit's time t; the
 * correlation fires for every window whose measure (see {@link WindowMeasure}) satisfies the condition, and the
 * finding of the group collects the events of all firing windows. For temporal_ordered, a window starts at a hit of
 * the first listed rule and fires when hits of the other rules follow in the listed order (equal times count as in
 * order) within the timespan. When other correlations count this one (chaining), each firing that adds a new last
 * event is passed on as a hit carrying the group-by values and that last event as evidence. Windows are evaluated only once
 * they can no longer change: when t + timespan is before the watermark (latest event time seen minus the allowed
 * lateness), since any hit that could still fall into the window would now be dropped as late. So the result does
 * not depend on the order hits arrive in, as long as they are not later than the allowed lateness.
 *
 * <p>Cost: hits are appended as they come and a group is sorted and evaluated only when the watermark has moved by
 * half of (lateness + timespan) since its last evaluation, so each hit is sorted and scanned a few times in all. A
 * group therefore holds at most about 1.5 × (lateness + timespan) worth of hits, and never more than the cap.
 */
final class CorrelationState {

    /** Receives a correlation's firings for the correlations that count it. */
    interface FiringSink {
        void fired(CompiledCorrelation from, RuleHit firing);
    }

    private final CompiledCorrelation correlation;
    private final EvidenceCache evidence;
    private final FiringSink sink;
    /** Sort order of a group's hits; for temporal types a record matching two rules is two hits. */
    private final Comparator<RuleHit> order;
    /** Equality of hits that count once. */
    private final Comparator<RuleHit> same;
    private final int maxHitsPerGroup;
    private final long evaluationStep;
    private final Map<List<String>, Group> live = new HashMap<>();
    private final Map<List<String>, FindingAccumulator> fired = new HashMap<>();
    private long overflows;

    /** Hits of one group whose windows are not evaluated yet. */
    private static final class Group {
        final List<String> key;
        final ArrayList<RuleHit> hits = new ArrayList<>();
        /** Latest event time this group has seen: its own clock, so other groups' progress never makes it late. */
        long maxTime = Long.MIN_VALUE;
        boolean sorted = true;
        long evaluatedAt = Long.MIN_VALUE;
        /** Last hit already added to the group's finding, or null. */
        RuleHit addedUpTo;

        Group(List<String> key) {
            this.key = key;
        }
    }

    private final long lateness;

    CorrelationState(CompiledCorrelation correlation, int maxHitsPerGroup, long allowedLatenessMillis,
                     EvidenceCache evidence, FiringSink sink) {
        this.lateness = allowedLatenessMillis;
        this.correlation = correlation;
        this.evidence = evidence;
        this.sink = sink;
        if (correlation.type().temporal()) {
            this.same = (a, b) -> {
                int c = HitOrder.compareRecord(a, b);
                return c != 0 ? c : a.ruleId().compareTo(b.ruleId());
            };
            this.order = same.thenComparing(HitOrder.TOTAL);
        } else {
            this.same = HitOrder.RECORD;
            this.order = HitOrder.TOTAL;
        }
        this.maxHitsPerGroup = maxHitsPerGroup;
        this.evaluationStep = Math.max(1, (allowedLatenessMillis + correlation.timespanMillis()) / 2);
    }

    /**
     * Adds a hit, unless it is late for its group: more than the allowed lateness behind the latest event time the
     * group has seen. Each group keeps its own clock, so a file of newer records read first (or by another thread)
     * never makes an unrelated principal's records late.
     *
     * @return false when the hit was late and dropped
     */
    boolean add(RuleHit incoming) {
        List<String> paths = correlation.pathsFor(incoming.ruleId());
        String[] key = new String[paths.size()];
        for (int i = 0; i < key.length; i++) {
            key[i] = incoming.field(paths.get(i));
        }
        List<String> groupKey = List.of(key);
        Group g = live.get(groupKey);
        if (g == null) {
            g = new Group(groupKey);
            live.put(groupKey, g);
        }
        long watermark = g.maxTime == Long.MIN_VALUE ? Long.MIN_VALUE : g.maxTime - lateness;
        if (watermark > g.maxTime) {
            watermark = Long.MIN_VALUE; // underflow
        }
        if (watermark != Long.MIN_VALUE && incoming.timeMillis() < watermark) {
            if (g.hits.isEmpty()) {
                live.remove(groupKey);
            }
            return false;
        }
        RuleHit hit = evidence.park(incoming);
        g.maxTime = Math.max(g.maxTime, hit.timeMillis());
        watermark = g.maxTime - lateness;
        if (watermark > g.maxTime) {
            watermark = Long.MIN_VALUE;
        }
        List<RuleHit> hits = g.hits;
        if (g.sorted && !hits.isEmpty() && same.compare(hits.getLast(), hit) >= 0) {
            g.sorted = false;
        }
        hits.add(hit);
        if (hits.size() > maxHitsPerGroup) {
            prepare(g);
            if (hits.size() > maxHitsPerGroup) {
                overflows++;
                sweep(g, hits.size() - maxHitsPerGroup / 2);
            }
        } else if (watermark - g.evaluatedAt >= evaluationStep || g.evaluatedAt == Long.MIN_VALUE) {
            evaluate(g, watermark);
        }
        if (hits.isEmpty()) {
            live.remove(groupKey);
        }
        return true;
    }

    /**
     * Closes groups that have been idle for longer than the allowed lateness behind {@code watermark} (the latest
     * event time of the whole run minus the lateness): their remaining windows are evaluated and their state freed.
     * A record for such a group that still comes later starts the group afresh.
     */
    void advance(long watermark) {
        Iterator<Group> it = live.values().iterator();
        while (it.hasNext()) {
            Group g = it.next();
            long idleSince = g.maxTime + lateness;
            if (idleSince >= g.maxTime && idleSince < watermark) {
                prepare(g);
                sweep(g, g.hits.size());
            } else {
                long own = g.maxTime - lateness;
                evaluate(g, own > g.maxTime ? Long.MIN_VALUE : own);
            }
            if (g.hits.isEmpty()) {
                it.remove();
            }
        }
    }

    /** End of input: evaluates every remaining window. */
    void finish() {
        for (Group g : live.values()) {
            prepare(g);
            sweep(g, g.hits.size());
        }
        live.clear();
    }

    Map<List<String>, FindingAccumulator> fired() {
        return Collections.unmodifiableMap(fired);
    }

    CompiledCorrelation correlation() {
        return correlation;
    }

    long overflows() {
        return overflows;
    }

    /** Hits held in open windows, for tests of the state bound. */
    int buffered() {
        return live.values().stream().mapToInt(g -> g.hits.size()).sum();
    }

    private void evaluate(Group g, long watermark) {
        prepare(g);
        int ready = ready(g, watermark);
        if (ready > 0) {
            sweep(g, ready);
        }
        g.evaluatedAt = watermark;
    }

    /** Sorts the group's hits and keeps one copy of each record (of each record and rule, for temporal types). */
    private void prepare(Group g) {
        if (g.sorted) {
            return;
        }
        List<RuleHit> hits = g.hits;
        hits.sort(order);
        int kept = 0;
        for (int i = 0; i < hits.size(); i++) {
            RuleHit h = hits.get(i);
            if (kept == 0 || same.compare(hits.get(kept - 1), h) != 0) {
                hits.set(kept++, h);
            } else {
                evidence.release(h);
            }
        }
        hits.subList(kept, hits.size()).clear();
        g.sorted = true;
    }

    /** Number of leading hits whose window [t, t + timespan] ended before the watermark. */
    private int ready(Group g, long watermark) {
        long limit = watermark - correlation.timespanMillis(); // ready when t < limit
        if (watermark == Long.MIN_VALUE || limit > watermark) {
            return 0; // no watermark yet, or the subtraction underflowed
        }
        int lo = 0;
        int hi = g.hits.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (g.hits.get(mid).timeMillis() < limit) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Evaluates the windows starting at the first {@code count} (sorted) hits, then drops those hits. */
    private void sweep(Group g, int count) {
        List<RuleHit> hits = g.hits;
        int addedEnd = g.addedUpTo == null ? 0 : countUpTo(hits, g.addedUpTo);
        if (correlation.type() == CorrelationType.TEMPORAL_ORDERED) {
            sweepOrdered(g, count, addedEnd);
        } else {
            sweepSliding(g, count, addedEnd);
        }
        List<RuleHit> done = hits.subList(0, count);
        for (RuleHit h : done) {
            evidence.release(h);
        }
        done.clear();
    }

    private void sweepSliding(Group g, int count, int addedEnd) {
        List<RuleHit> hits = g.hits;
        int n = hits.size();
        WindowMeasure measure = WindowMeasure.of(correlation, hits);
        int lo = 0;
        int hi = 0;
        for (int i = 0; i < count; i++) {
            long start = hits.get(i).timeMillis();
            if (i > 0 && start == hits.get(i - 1).timeMillis()) {
                continue; // same window as the previous start
            }
            for (; lo < i; lo++) {
                measure.remove(lo);
            }
            long end = windowEnd(start);
            for (; hi < n && hits.get(hi).timeMillis() <= end; hi++) {
                measure.add(hi);
            }
            if (measure.satisfies(correlation.condition())) {
                addedEnd = fire(g, lo, hi, addedEnd);
            }
        }
    }

    /**
     * temporal_ordered: from each hit of the first listed rule, follows the earliest hit of each next rule at or after
     * the previous one's time; the window fires when the whole sequence fits in the timespan. Following the earliest
     * hit never misses a sequence that exists.
     */
    private void sweepOrdered(Group g, int count, int addedEnd) {
        List<RuleHit> hits = g.hits;
        int n = hits.size();
        int k = correlation.inputs().size();
        int[] ruleOf = WindowMeasure.ruleIndexes(hits, correlation.inputs());
        int[] firstAtTime = new int[n]; // first position with the same time
        for (int i = 0; i < n; i++) {
            firstAtTime[i] = i > 0 && hits.get(i).timeMillis() == hits.get(i - 1).timeMillis() ? firstAtTime[i - 1] : i;
        }
        int[][] next = new int[k][n + 1]; // next[r][p]: first position ≥ p holding a hit of rule r, or n
        for (int r = 0; r < k; r++) {
            next[r][n] = n;
            for (int p = n - 1; p >= 0; p--) {
                next[r][p] = ruleOf[p] == r ? p : next[r][p + 1];
            }
        }
        for (int i = 0; i < count; i++) {
            if (ruleOf[i] != 0) {
                continue;
            }
            long end = windowEnd(hits.get(i).timeMillis());
            int pos = i;
            int lo = i;
            int hi = i + 1;
            boolean complete = true;
            for (int r = 1; r < k && complete; r++) {
                pos = next[r][firstAtTime[pos]];
                complete = pos < n && hits.get(pos).timeMillis() <= end;
                lo = Math.min(lo, pos);
                hi = Math.max(hi, pos + 1);
            }
            if (complete) {
                addedEnd = fire(g, lo, hi, addedEnd);
            }
        }
    }

    private long windowEnd(long start) {
        long end = start + correlation.timespanMillis();
        return end < start ? Long.MAX_VALUE : end;
    }

    /**
     * Records a firing window [lo, hi): its events join the group's finding (when the correlation raises findings)
     * and, when it adds a new last event, the firing goes to the correlations that count this one.
     *
     * @return the new end of the events already added
     */
    private int fire(Group g, int lo, int hi, int addedEnd) {
        List<RuleHit> hits = g.hits;
        if (hi <= addedEnd) {
            return addedEnd;
        }
        if (correlation.generates()) {
            FindingAccumulator finding = fired.computeIfAbsent(g.key, k -> new FindingAccumulator());
            for (int k = Math.max(lo, addedEnd); k < hi; k++) {
                finding.add(evidence.restore(hits.get(k)));
            }
        }
        RuleHit last = hits.get(hi - 1);
        g.addedUpTo = last;
        if (!correlation.consumers().isEmpty()) {
            sink.fired(correlation, firing(g.key, evidence.restore(last)));
        }
        return hi;
    }

    /** The hit a firing passes on: the group-by values as fields, the last event as time and evidence. */
    private RuleHit firing(List<String> key, RuleHit last) {
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i < key.size(); i++) {
            fields.putIfAbsent(correlation.groupBy().get(i), key.get(i));
        }
        return new RuleHit(correlation.id(), last.eventId(), last.timeMillis(), last.account(), last.region(),
                last.principal(), last.resource(), fields, last.evidence());
    }

    /** Number of leading hits at or before {@code last} in order. */
    private int countUpTo(List<RuleHit> hits, RuleHit last) {
        int lo = 0;
        int hi = hits.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (same.compare(hits.get(mid), last) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
