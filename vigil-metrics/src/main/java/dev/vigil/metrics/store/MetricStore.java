package dev.vigil.metrics.store;

import dev.vigil.metrics.Datapoint;
import dev.vigil.metrics.MetricKey;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * Datapoints rolled up per metric and event-time minute (SampleCount, Sum, Minimum, Maximum and a percentile
 * sketch), and statistics over any period that is a whole number of minutes.
 *
 * <p><b>Sources.</b> Each rollup also belongs to a <em>source</em>: the input the datapoints came from (a file
 * or S3 object; {@link #DEFAULT_SOURCE} when the caller does not say). Queries add all sources together; the
 * source is what makes saving idempotent — see {@link MetricDatabase#save}.
 *
 * <p><b>Order.</b> Datapoints may arrive in any time order; a minute is final only when the store is queried.
 *
 * <p><b>Threads.</b> Every method is {@code synchronized}: several threads may feed one store. For less contention
 * give each thread its own store and {@link #mergeFrom} them at the end; the result is the same, since every
 * statistic merges exactly (percentiles merge their sketches).
 *
 * <p><b>Bounds.</b> Dimension values come from log events, which an attacker can write. The store keeps at most
 * {@code maxMetrics} distinct metrics (CloudWatch disables a metric filter that produces too many dimension values
 * too); datapoints of further metrics, and NaN or infinite values (refused by CloudWatch's PutMetricData), are
 * counted in {@link #rejected()} and otherwise dropped.
 */
public final class MetricStore {

    public static final String DEFAULT_SOURCE = "";
    public static final int DEFAULT_MAX_METRICS = 10_000;
    static final long MINUTE = 60_000L;

    /** metric → source → minute start (epoch ms) → rollup. */
    private final Map<MetricKey, Map<String, TreeMap<Long, Rollup>>> metrics = new HashMap<>();
    private final int maxMetrics;
    private long rejectedValues;
    private long rejectedMetrics;

    public MetricStore() {
        this(DEFAULT_MAX_METRICS);
    }

    public MetricStore(int maxMetrics) {
        if (maxMetrics < 1) {
            throw new IllegalArgumentException("maxMetrics must be at least 1, was " + maxMetrics);
        }
        this.maxMetrics = maxMetrics;
    }

    /** Adds a datapoint of the default source. @return false when it was refused (see class comment) */
    public boolean add(Datapoint d) {
        return add(DEFAULT_SOURCE, d);
    }

    /** Adds a datapoint read from {@code source}. @return false when it was refused (see class comment) */
    public synchronized boolean add(String source, Datapoint d) {
        if (!Double.isFinite(d.value())) {
            rejectedValues++;
            return false;
        }
        Map<String, TreeMap<Long, Rollup>> bySource = metrics.get(d.key());
        if (bySource == null) {
            if (metrics.size() >= maxMetrics) {
                rejectedMetrics++;
                return false;
            }
            bySource = new HashMap<>(2);
            metrics.put(d.key(), bySource);
        }
        TreeMap<Long, Rollup> minutes = bySource.computeIfAbsent(source, s -> new TreeMap<>());
        long minute = Math.floorDiv(d.timeMillis(), MINUTE) * MINUTE;
        Rollup r = minutes.get(minute);
        if (r == null) {
            r = new Rollup();
            minutes.put(minute, r);
        }
        r.add(d.value(), d.unit());
        return true;
    }

    /** Adds everything {@code other} holds (by source and minute); {@code other} is not changed. */
    public void mergeFrom(MetricStore other) {
        if (other == this) {
            throw new IllegalArgumentException("a store cannot merge into itself");
        }
        List<Object[]> rows = new ArrayList<>();
        other.forEachRollup((source, key, minute, r) -> rows.add(new Object[]{source, key, minute, r.copy()}));
        synchronized (this) {
            for (Object[] row : rows) {
                put((String) row[0], (MetricKey) row[1], (Long) row[2], (Rollup) row[3]);
            }
            rejectedValues += other.rejectedValues;
            rejectedMetrics += other.rejectedMetrics;
        }
    }

    /** Datapoints refused: non-finite values plus datapoints of metrics beyond the cap. */
    public synchronized long rejected() {
        return rejectedValues + rejectedMetrics;
    }

    /** Every metric held, in no particular order. */
    public synchronized Set<MetricKey> metrics() {
        return new LinkedHashSet<>(metrics.keySet());
    }

    /** The metrics the selector matches. */
    public synchronized List<MetricKey> metrics(MetricSelector selector) {
        List<MetricKey> out = new ArrayList<>();
        for (MetricKey k : metrics.keySet()) {
            if (selector.matches(k)) {
                out.add(k);
            }
        }
        return out;
    }

    /** The sources the store holds rollups for. */
    public synchronized Set<String> sources() {
        Set<String> out = new LinkedHashSet<>();
        for (Map<String, TreeMap<Long, Rollup>> bySource : metrics.values()) {
            out.addAll(bySource.keySet());
        }
        return out;
    }

    /**
     * The statistic per period over the metrics the selector matches (added together), for minutes in
     * [from, to). Periods are aligned to multiples of {@code period} since the epoch (UTC), like CloudWatch's
     * period boundaries; a period cut by {@code from} or {@code to} covers only its minutes inside the range.
     * Periods without any datapoint are left out, as CloudWatch leaves them out.
     *
     * @param period a positive whole number of minutes
     */
    public synchronized List<SeriesPoint> statistics(MetricSelector selector, Instant from, Instant to,
                                                     Duration period, Statistic statistic) {
        long periodMillis = checkPeriod(period);
        long fromMillis = Math.floorDiv(from.toEpochMilli() + MINUTE - 1, MINUTE) * MINUTE;
        long toMillis = to.toEpochMilli();
        TreeMap<Long, Rollup> byPeriod = new TreeMap<>();
        if (fromMillis >= toMillis) {
            return List.of();
        }
        for (Map.Entry<MetricKey, Map<String, TreeMap<Long, Rollup>>> metric : metrics.entrySet()) {
            if (!selector.matches(metric.getKey())) {
                continue;
            }
            for (TreeMap<Long, Rollup> minutes : metric.getValue().values()) {
                for (Map.Entry<Long, Rollup> m : minutes.subMap(fromMillis, true, toMillis, false).entrySet()) {
                    long start = Math.floorDiv(m.getKey(), periodMillis) * periodMillis;
                    byPeriod.computeIfAbsent(start, s -> new Rollup()).merge(m.getValue());
                }
            }
        }
        List<SeriesPoint> out = new ArrayList<>(byPeriod.size());
        for (Map.Entry<Long, Rollup> p : byPeriod.entrySet()) {
            out.add(new SeriesPoint(Instant.ofEpochMilli(p.getKey()), statistic.of(p.getValue()), p.getValue().count()));
        }
        return out;
    }

    /** Checks a query period and returns it in milliseconds. */
    static long checkPeriod(Duration period) {
        if (period.isNegative() || period.isZero() || period.toMillis() % MINUTE != 0) {
            throw new IllegalArgumentException("period must be a positive whole number of minutes (the store keeps "
                    + "one-minute resolution), was " + period);
        }
        return period.toMillis();
    }

    /** Visits every rollup; used by persistence. */
    synchronized void forEachRollup(RollupVisitor visitor) {
        for (Map.Entry<MetricKey, Map<String, TreeMap<Long, Rollup>>> metric : metrics.entrySet()) {
            for (Map.Entry<String, TreeMap<Long, Rollup>> source : metric.getValue().entrySet()) {
                for (Map.Entry<Long, Rollup> m : source.getValue().entrySet()) {
                    visitor.visit(source.getKey(), metric.getKey(), m.getKey(), m.getValue());
                }
            }
        }
    }

    /** Adds a whole rollup (persisted or from another store), merging with what the minute already holds. */
    synchronized void put(String source, MetricKey key, long minute, Rollup rollup) {
        Map<String, TreeMap<Long, Rollup>> bySource = metrics.get(key);
        if (bySource == null) {
            if (metrics.size() >= maxMetrics) {
                rejectedMetrics += rollup.count();
                return;
            }
            bySource = new HashMap<>(2);
            metrics.put(key, bySource);
        }
        NavigableMap<Long, Rollup> minutes = bySource.computeIfAbsent(source, s -> new TreeMap<>());
        Rollup existing = minutes.get(minute);
        if (existing == null) {
            minutes.put(minute, rollup);
        } else {
            existing.merge(rollup);
        }
    }

    @FunctionalInterface
    interface RollupVisitor {
        void visit(String source, MetricKey key, long minute, Rollup rollup);
    }
}
