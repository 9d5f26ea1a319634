package dev.vigil.metrics.filter;

import dev.vigil.metrics.pattern.LogMessage;
import dev.vigil.model.Event;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/**
 * Metric filters evaluated together on each event, e.g. the built-in CIS pack. Each event is wrapped once and
 * shared by every filter, so a JSON field is read once per filter and never re-parsed.
 */
public final class MetricFilterSet {

    /** Classpath location of the built-in CIS pack, in {@code describe-metric-filters} shape. */
    public static final String CIS_RESOURCE = "/metrics/cis-metric-filters.json";

    private final List<MetricFilter> filters;
    private final MetricFilter[] array;

    public MetricFilterSet(List<MetricFilter> filters) {
        this.filters = List.copyOf(filters);
        this.array = this.filters.toArray(MetricFilter[]::new);
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
        for (MetricFilter f : array) {
            Datapoint d = f.datapoint(message, timeMillis);
            if (d != null) {
                out.accept(d);
            }
        }
    }
}
