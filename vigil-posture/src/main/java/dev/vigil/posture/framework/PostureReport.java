package dev.vigil.posture.framework;

import dev.vigil.model.Severity;
import dev.vigil.posture.check.CheckMetadata;
import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.CheckStatus;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a posture run's report shows: each framework's score, how many check results had each status, and
 * the failing results most severe first. Built once and rendered by the terminal printer and (mapped in the CLI)
 * the HTML report, so both show the same numbers.
 *
 * @param frameworks  one score per framework, in the order asked for
 * @param checkCounts results per status, every status present, in {@link CheckStatus} order
 * @param failures    FAIL results: severity descending, then check id, account, region, resource
 */
public record PostureReport(List<FrameworkScore> frameworks, Map<CheckStatus, Long> checkCounts,
                            List<Failure> failures) {

    public PostureReport {
        frameworks = List.copyOf(frameworks);
        EnumMap<CheckStatus, Long> counts = new EnumMap<>(CheckStatus.class);
        for (CheckStatus s : CheckStatus.values()) {
            counts.put(s, checkCounts.getOrDefault(s, 0L));
        }
        checkCounts = Collections.unmodifiableMap(counts);
        failures = List.copyOf(failures);
    }

    /**
     * One failing result with what the catalogue says about its check.
     *
     * @param result   the result
     * @param title    the check's title, or its id when the catalogue does not know it
     * @param severity the check's severity; MEDIUM when the catalogue does not know it
     */
    public record Failure(CheckResult result, String title, Severity severity) {
        public Failure {
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(severity, "severity");
        }
    }

    static final Comparator<Failure> ORDER = Comparator.comparing(Failure::severity).reversed()
            .thenComparing(f -> f.result().checkId()).thenComparing(f -> f.result().account())
            .thenComparing(f -> f.result().region()).thenComparing(f -> f.result().resource())
            .thenComparing(f -> f.result().reason());

    /**
     * Scores the frameworks on the results.
     *
     * @param frameworks the frameworks to report, in order
     * @param results    every check result of the run
     * @param catalogue  the metadata of the checks run (built-in and custom), for titles and severities
     */
    public static PostureReport of(Collection<Framework> frameworks, List<CheckResult> results,
                                   Collection<CheckMetadata> catalogue) {
        Map<String, CheckMetadata> meta = new HashMap<>();
        catalogue.forEach(m -> meta.put(m.id(), m));
        EnumMap<CheckStatus, Long> counts = new EnumMap<>(CheckStatus.class);
        List<Failure> failures = new ArrayList<>();
        for (CheckResult r : results) {
            counts.merge(r.status(), 1L, Long::sum);
            if (r.status() == CheckStatus.FAIL) {
                CheckMetadata m = meta.get(r.checkId());
                failures.add(new Failure(r, m == null ? r.checkId() : m.title(),
                        m == null ? Severity.MEDIUM : m.severity()));
            }
        }
        failures.sort(ORDER);
        return new PostureReport(FrameworkScorer.scoreAll(frameworks, results), counts, failures);
    }
}
