package dev.vigil.cli;

import dev.vigil.metrics.Datapoint;
import dev.vigil.metrics.MetricKey;
import dev.vigil.metrics.filter.MetricFilterSet;
import dev.vigil.metrics.store.MetricStore;
import dev.vigil.model.Event;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The metric filters of one scan, run on every record beside the detections.
 *
 * <p>Each file gets its own {@link FileMetrics} with its own small store, used by one reader thread only, and merged
 * into the scan's store when the file is done: the hot path takes no lock, and every datapoint carries the file's
 * display path as its source, so saving replaces exactly the rows of the files this scan read.
 */
final class ScanMetrics {

    /** Converted metric keys remembered per file; beyond this (hostile dimension values) keys are not cached. */
    static final int KEY_CACHE = 1024;

    private final MetricFilterSet filters;
    private final MetricStore store = new MetricStore();
    private long datapoints;
    private long untimed;
    private long minTime = Long.MAX_VALUE;
    private long maxTime = Long.MIN_VALUE;

    ScanMetrics(MetricFilterSet filters) {
        this.filters = filters;
    }

    FileMetrics file(String source) {
        return new FileMetrics(source);
    }

    /** What the scan's metric filters produced. */
    record Result(MetricStore store, long datapoints, long untimedEvents, long minTimeMillis, long maxTimeMillis) {
        /** True when at least one record had an event time, so there is a range to evaluate alarms over. */
        boolean hasTime() {
            return minTimeMillis <= maxTimeMillis;
        }
    }

    synchronized Result result() {
        return new Result(store, datapoints, untimed, minTime, maxTime);
    }

    /** The metric filters applied to one file; not thread-safe: one reader thread uses it. */
    final class FileMetrics implements Consumer<dev.vigil.metrics.filter.Datapoint> {
        private final String source;
        private final MetricStore local = new MetricStore();
        private final Map<dev.vigil.metrics.filter.MetricKey, MetricKey> keys = new HashMap<>();
        private long count;
        private long noTime;
        private long min = Long.MAX_VALUE;
        private long max = Long.MIN_VALUE;

        private FileMetrics(String source) {
            this.source = source;
        }

        /** Runs every filter on the event; an event without a time publishes nothing (it has no minute). */
        void accept(Event event) {
            long t = event.timeMillis();
            if (t == Long.MIN_VALUE) {
                noTime++;
                return;
            }
            min = Math.min(min, t);
            max = Math.max(max, t);
            filters.extract(event, this);
        }

        @Override
        public void accept(dev.vigil.metrics.filter.Datapoint d) {
            MetricKey key = keys.get(d.key());
            if (key == null) {
                key = MetricKey.of(d.key().namespace(), d.key().name(), d.key().dimensions());
                if (keys.size() < KEY_CACHE) {
                    keys.put(d.key(), key);
                }
            }
            if (local.add(source, new Datapoint(key, d.timeMillis(), d.value(), d.unit()))) {
                count++;
            }
        }

        /** Hands the file's metrics to the scan. */
        void finish() {
            store.mergeFrom(local);
            synchronized (ScanMetrics.this) {
                datapoints += count;
                untimed += noTime;
                minTime = Math.min(minTime, min);
                maxTime = Math.max(maxTime, max);
            }
        }
    }
}
