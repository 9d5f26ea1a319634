package dev.vigil.metrics.alarm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The alarms Vigil ships: one per CIS AWS Foundations monitoring metric (namespace {@code CISBenchmark}, Sum ≥ 1
 * over 5 minutes, missing data not breaching, as the CIS remediation prescribes) and an anomaly alarm on failed
 * console sign-ins per hour. Stored as {@code describe-alarms} JSON in {@value #RESOURCE}.
 */
public final class BuiltInAlarms {

    public static final String RESOURCE = "/metrics/cis-alarms.json";

    private BuiltInAlarms() {
    }

    /** The CIS alarms; a packaging error if any does not load. */
    public static List<AlarmDefinition> cis() {
        try (InputStream in = BuiltInAlarms.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the Vigil build");
            }
            AlarmReader.Result r = AlarmReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE);
            if (!r.problems().isEmpty()) {
                throw new IllegalStateException("built-in alarms do not load: " + r.problems());
            }
            return r.alarms();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
