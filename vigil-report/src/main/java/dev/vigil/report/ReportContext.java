package dev.vigil.report;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a report says about the run that produced it, beyond the findings and the scan summary.
 *
 * <p>The generation time is passed in rather than read from a clock here, so the same inputs always render
 * the same report.
 *
 * @param title       the report's heading, e.g. {@code "Vigil scan"}; may come from the user, is escaped
 * @param generatedAt when the report was produced
 * @param inputs      what was scanned, as the user named it; when empty the scan summary's inputs are shown
 * @param outputs     files written by the run, by label (e.g. {@code "HTML report" -> report.html}), in the
 *                    order they should be listed
 */
public record ReportContext(String title, Instant generatedAt, List<String> inputs, Map<String, Path> outputs) {

    public ReportContext {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(generatedAt, "generatedAt");
        inputs = List.copyOf(inputs);
        // Kept in the caller's order: outputs are listed the way the CLI announces them.
        LinkedHashMap<String, Path> copy = new LinkedHashMap<>();
        outputs.forEach((label, path) -> copy.put(Objects.requireNonNull(label, "output label"),
                Objects.requireNonNull(path, "output path")));
        outputs = Collections.unmodifiableMap(copy);
    }

    /** A context with no outputs to list. */
    public static ReportContext of(String title, Instant generatedAt, List<String> inputs) {
        return new ReportContext(title, generatedAt, inputs, Map.of());
    }
}
