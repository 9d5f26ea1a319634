package dev.vigil.metrics.filter;

import dev.vigil.metrics.pattern.FilterPattern;
import dev.vigil.metrics.pattern.LogMessage;
import dev.vigil.metrics.pattern.ValueReference;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A CloudWatch Logs metric filter: a pattern and the one metric it publishes. Validated on construction (names,
 * limits, and that the value and dimensions refer to fields the pattern can give), then compiled once: an
 * immutable value (equal when the definitions are equal) that also carries its compiled references.
 */
public final class MetricFilter {

    private static final Pattern LOG_GROUP = Pattern.compile("[.\\-_/#A-Za-z0-9]{1,512}");
    /** CloudWatch caps a dimension value at 1024 characters; longer values publish nothing. */
    static final int MAX_DIMENSION_VALUE = 1024;

    private final String name;
    private final String logGroupName;
    private final FilterPattern pattern;
    private final MetricTransformation transformation;
    private final double literalValue;
    private final ValueReference valueReference;
    private final String[] dimensionNames;
    private final ValueReference[] dimensionValues;

    public MetricFilter(String name, String logGroupName, FilterPattern pattern, MetricTransformation transformation) {
        if (name == null || name.isEmpty() || name.length() > 512 || name.indexOf(':') >= 0 || name.indexOf('*') >= 0) {
            throw new IllegalArgumentException("filterName '" + name + "' must be 1 to 512 characters without ':' or '*'");
        }
        if (logGroupName == null || !LOG_GROUP.matcher(logGroupName).matches()) {
            throw new IllegalArgumentException("logGroupName '" + logGroupName + "' must be 1 to 512 characters of "
                    + "letters, digits and . - _ / #");
        }
        this.name = name;
        this.logGroupName = logGroupName;
        this.pattern = Objects.requireNonNull(pattern, "pattern");
        this.transformation = Objects.requireNonNull(transformation, "transformation");
        String v = transformation.metricValue();
        if (ValueReference.isReference(v)) {
            this.valueReference = reference(v, "metricValue");
            this.literalValue = Double.NaN;
        } else {
            this.valueReference = null;
            this.literalValue = literal(v);
        }
        Map<String, String> dims = transformation.dimensions();
        if (!dims.isEmpty() && pattern.kind() != FilterPattern.Kind.JSON
                && pattern.kind() != FilterPattern.Kind.DELIMITED) {
            throw new IllegalArgumentException("filter '" + name + "': dimensions need a JSON or space-delimited "
                    + "pattern to take values from; this pattern is neither");
        }
        this.dimensionNames = dims.keySet().toArray(String[]::new);
        this.dimensionValues = new ValueReference[dimensionNames.length];
        for (int i = 0; i < dimensionNames.length; i++) {
            dimensionValues[i] = reference(dims.get(dimensionNames[i]), "dimension " + dimensionNames[i]);
        }
    }

    /** Convenience: compiles the pattern text. */
    public static MetricFilter of(String name, String logGroupName, String pattern, MetricTransformation t) {
        return new MetricFilter(name, logGroupName, FilterPattern.compile(pattern), t);
    }

    private ValueReference reference(String ref, String what) {
        try {
            return pattern.reference(ref);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("filter '" + name + "', " + what + ": " + e.getMessage(), e);
        }
    }

    private double literal(String v) {
        try {
            double d = Double.parseDouble(v.strip());
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("filter '" + name + "', metricValue '" + v + "' is neither a number nor "
                + "a field reference ($.field or $name)");
    }

    public String name() {
        return name;
    }

    public String logGroupName() {
        return logGroupName;
    }

    public FilterPattern pattern() {
        return pattern;
    }

    public MetricTransformation transformation() {
        return transformation;
    }

    /**
     * The datapoints one event produces: none when it does not match, or when the metric value or a dimension
     * cannot be read from it (missing, not a number, not a scalar) — CloudWatch publishes nothing for such events.
     *
     * @param timeMillis the event's time, stamped on the datapoint
     */
    public List<Datapoint> extract(LogMessage message, long timeMillis) {
        Datapoint d = datapoint(message, timeMillis);
        return d == null ? List.of() : List.of(d);
    }

    /** The one datapoint this event produces, or null. */
    public Datapoint datapoint(LogMessage message, long timeMillis) {
        FilterPattern.Match m = pattern.match(message);
        if (m == null) {
            return null;
        }
        double value = valueReference == null ? literalValue : valueReference.readNumber(m);
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return null;
        }
        Map<String, String> dims = Map.of();
        if (dimensionNames.length == 1) {
            String dv = dimensionValues[0].readText(m);
            if (dv == null || dv.isEmpty() || dv.length() > MAX_DIMENSION_VALUE) {
                return null;
            }
            dims = Map.of(dimensionNames[0], dv);
        } else if (dimensionNames.length > 1) {
            dims = new LinkedHashMap<>();
            for (int i = 0; i < dimensionNames.length; i++) {
                String dv = dimensionValues[i].readText(m);
                if (dv == null || dv.isEmpty() || dv.length() > MAX_DIMENSION_VALUE) {
                    return null;
                }
                dims.put(dimensionNames[i], dv);
            }
        }
        return new Datapoint(new MetricKey(transformation.metricNamespace(), transformation.metricName(), dims),
                value, transformation.unitOrNone(), timeMillis);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MetricFilter f && f.name.equals(name) && f.logGroupName.equals(logGroupName)
                && f.pattern.text().equals(pattern.text()) && f.transformation.equals(transformation);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, logGroupName, pattern.text(), transformation);
    }

    @Override
    public String toString() {
        return "MetricFilter[" + name + " on " + logGroupName + ": " + pattern.text() + " -> "
                + transformation.metricNamespace() + "/" + transformation.metricName() + "]";
    }
}
