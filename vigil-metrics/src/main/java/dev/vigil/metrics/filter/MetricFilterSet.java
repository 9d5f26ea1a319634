package dev.vigil.metrics.filter;

import dev.vigil.metrics.pattern.LogMessage;
import dev.vigil.model.Event;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Metric filters evaluated together on each event, e.g. the built-in CIS pack. Each event is wrapped once and
 * shared by every filter, so a JSON field is read once per filter and never re-parsed.
 */
public final class MetricFilterSet {

    /** Classpath location of the built-in CIS pack, in {@code describe-metric-filters} shape. */
    public static final String CIS_RESOURCE = "/metrics/cis-metric-filters.json";

    /** CloudTrail's field that most CIS filters pin down; the set is indexed on it. */
    static final String INDEX_FIELD = "eventName";

    private final List<MetricFilter> filters;
    private final MetricFilter[] all;
    /** Filters that only match events with one of a few event names, by name. */
    private final Map<String, MetricFilter[]> byEventName;
    /** Filters that may match any event name. */
    private final MetricFilter[] unindexed;

    public MetricFilterSet(List<MetricFilter> filters) {
        this.filters = List.copyOf(filters);
        this.all = this.filters.toArray(MetricFilter[]::new);
        Map<String, List<MetricFilter>> index = new HashMap<>();
        List<MetricFilter> rest = new ArrayList<>();
        for (MetricFilter f : this.filters) {
            Set<String> names = f.pattern().requiredValues("$." + INDEX_FIELD);
            if (names == null) {
                rest.add(f);
            } else {
                names.forEach(n -> index.computeIfAbsent(n, k -> new ArrayList<>()).add(f));
            }
        }
        Map<String, MetricFilter[]> frozen = new HashMap<>();
        index.forEach((k, v) -> frozen.put(k, v.toArray(MetricFilter[]::new)));
        this.byEventName = Map.copyOf(frozen);
        this.unindexed = rest.toArray(MetricFilter[]::new);
    }

    /** The CIS AWS Foundations monitoring filters plus Vigil's security metrics. */
    public static MetricFilterSet cis() {
        try (InputStream in = MetricFilterSet.class.getResourceAsStream(CIS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the built-in pack " + CIS_RESOURCE + " is missing from the classpath");
            }
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new MetricFilterSet(DescribeMetricFilters.read(json, "built-in:" + CIS_RESOURCE));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the built-in pack " + CIS_RESOURCE, e);
        }
    }

    public List<MetricFilter> filters() {
        return filters;
    }

    /** Hands every datapoint the event produces to {@code out}; the event's own time stamps them. */
    public void extract(Event event, Consumer<Datapoint> out) {
        extract(LogMessage.of(event), event.timeMillis(), out);
    }

    public void extract(LogMessage message, long timeMillis, Consumer<Datapoint> out) {
        if (byEventName.isEmpty()) {
            run(all, message, timeMillis, out);
            return;
        }
        Object name = message.isJson() ? message.field(INDEX_FIELD) : null;
        if (name instanceof String s) {
            MetricFilter[] candidates = byEventName.get(s);
            if (candidates != null) {
                run(candidates, message, timeMillis, out);
            }
            run(unindexed, message, timeMillis, out);
        } else if (name != null) {
            run(all, message, timeMillis, out); // an odd eventName type: no shortcut, evaluate everything
        } else {
            run(unindexed, message, timeMillis, out);
        }
    }

    private static void run(MetricFilter[] filters, LogMessage message, long timeMillis, Consumer<Datapoint> out) {
        for (MetricFilter f : filters) {
            Datapoint d = f.datapoint(message, timeMillis);
            if (d != null) {
                out.accept(d);
            }
        }
    }
}
