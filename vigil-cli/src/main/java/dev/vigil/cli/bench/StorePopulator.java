package dev.vigil.cli.bench;

import dev.vigil.hub.FindingStore;
import dev.vigil.hub.RiskScore;
import dev.vigil.model.Finding;
import dev.vigil.model.ImportedFinding;
import dev.vigil.model.RecordState;
import dev.vigil.model.Workflow;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills a store with {@link SyntheticFindings} through the store's public API, batch by batch, the way scans and
 * imports fill it: each batch is one {@code upsert} of the Vigil detections and one {@code upsertImported} of the
 * rest, then the workflow and record-state changes an analyst team would have made (in bulk, with history rows)
 * and the risk scores. Only one batch is in memory at a time.
 */
final class StorePopulator {

    static final String ACTOR = "hub-bench";

    /**
     * What populating did, and where the time went: generating, {@code upsert}, {@code upsertImported},
     * workflow and record-state changes, risk scores.
     */
    record Result(long findings, long vigil, long imported, long lifecycleChanges, long elapsedNanos,
                  long generateNanos, long upsertNanos, long importNanos, long lifecycleNanos, long riskNanos) {
    }

    private final SyntheticFindings generator;
    private final int batchSize;
    private final PrintStream progress;

    StorePopulator(SyntheticFindings generator, int batchSize, PrintStream progress) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("--batch must be at least 1, was " + batchSize);
        }
        this.generator = generator;
        this.batchSize = batchSize;
        this.progress = progress;
    }

    /** Stores findings {@code 0 … n-1}; the lifecycle changes and upserts are stamped {@link BenchCatalog#DATA_END}. */
    Result populate(FindingStore store, long n) {
        Instant at = BenchCatalog.DATA_END;
        long started = System.nanoTime();
        long vigil = 0;
        long imported = 0;
        long changes = 0;
        long generating = 0;
        long upserting = 0;
        long importing = 0;
        long lifecycle = 0;
        long scoring = 0;
        for (long from = 0; from < n; from += batchSize) {
            long to = Math.min(n, from + batchSize);
            List<Finding> own = new ArrayList<>();
            List<ImportedFinding> other = new ArrayList<>();
            Map<Workflow, List<String>> byWorkflow = new EnumMap<>(Workflow.class);
            List<String> archived = new ArrayList<>();
            Map<String, RiskScore> risks = new LinkedHashMap<>();
            long t0 = System.nanoTime();
            for (long i = from; i < to; i++) {
                SyntheticFinding s = generator.finding(i);
                if (s.isVigil()) {
                    own.add(s.finding());
                } else {
                    other.add(s.imported());
                }
                if (s.workflow() != Workflow.NEW) {
                    byWorkflow.computeIfAbsent(s.workflow(), w -> new ArrayList<>()).add(s.finding().id());
                }
                if (s.recordState() == RecordState.ARCHIVED) {
                    archived.add(s.finding().id());
                }
                risks.put(s.finding().id(), new RiskScore(s.risk(), reasons(s)));
            }
            long t1 = System.nanoTime();
            store.upsert(own, at);
            long t2 = System.nanoTime();
            store.upsertImported(other, at);
            long t3 = System.nanoTime();
            for (Map.Entry<Workflow, List<String>> e : byWorkflow.entrySet()) {
                changes += store.updateWorkflow(e.getValue(), e.getKey(), ACTOR, "triaged in the benchmark's "
                        + "synthetic history", at).size();
            }
            if (!archived.isEmpty()) {
                changes += store.updateRecordState(archived, RecordState.ARCHIVED, ACTOR,
                        "archived in the benchmark's synthetic history", at).size();
            }
            long t4 = System.nanoTime();
            store.setRisk(risks);
            long t5 = System.nanoTime();
            generating += t1 - t0;
            upserting += t2 - t1;
            importing += t3 - t2;
            lifecycle += t4 - t3;
            scoring += t5 - t4;
            vigil += own.size();
            imported += other.size();
            if (progress != null) {
                double s = (System.nanoTime() - started) / 1e9;
                progress.printf(java.util.Locale.ROOT, "hub-bench: %d of %d findings stored (%.0f s, %.0f/s)%n",
                        to, n, s, to / Math.max(s, 1e-9));
            }
        }
        return new Result(vigil + imported, vigil, imported, changes, System.nanoTime() - started, generating,
                upserting, importing, lifecycle, scoring);
    }

    /** The explanation in the shape the hub's scorer stores: {@code {"explanation": …, "factors": […]}}. */
    private static String reasons(SyntheticFinding s) {
        String severity = s.finding().severity().caption();
        return "{\"explanation\":\"Risk " + s.risk() + ": " + severity + " severity; synthetic benchmark score\","
                + "\"factors\":[{\"kind\":\"SEVERITY\",\"points\":" + s.risk() + ",\"sentence\":\"" + severity
                + " severity\"}]}";
    }
}
