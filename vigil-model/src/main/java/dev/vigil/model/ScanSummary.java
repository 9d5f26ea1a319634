package dev.vigil.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a scan read and what it could not use: the "nothing lost, nothing hidden" account of a run.
 *
 * @param startedAt      wall-clock start of the run
 * @param elapsed        wall-clock duration
 * @param inputs         the paths the user named
 * @param files          files read (all kinds)
 * @param fileKinds      files per recognised kind, e.g. {@code cloudtrail=12, cloudtrail-digest=3, unknown=1}
 * @param records        records decoded into events
 * @param bytes          bytes read from disk (compressed size for gzip files)
 * @param skippedFiles   files skipped whole (unreadable, not a log Vigil reads)
 * @param skippedRecords records skipped (malformed, missing fields, too large)
 * @param skipReasons    count per {@link Problem#reason()} over files and records
 * @param problems       the first problems, in the order met (capped; the counts stay exact)
 * @param peakRssBytes   peak resident memory of the process, or -1 when the platform does not say
 */
public record ScanSummary(Instant startedAt, Duration elapsed, List<String> inputs,
                          long files, Map<String, Long> fileKinds, long records, long bytes,
                          long skippedFiles, long skippedRecords, Map<String, Long> skipReasons,
                          List<Problem> problems, long peakRssBytes) {
    public ScanSummary {
        inputs = List.copyOf(inputs);
        fileKinds = Map.copyOf(fileKinds);
        skipReasons = Map.copyOf(skipReasons);
        problems = List.copyOf(problems);
    }

    /** True when something was skipped: the run's results are partial. */
    public boolean partial() {
        return skippedFiles > 0 || skippedRecords > 0;
    }
}
