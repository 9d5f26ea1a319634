package dev.vigil.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.hub.FindingStore;
import dev.vigil.hub.HistoryEntry;
import dev.vigil.hub.UpsertResult;
import dev.vigil.model.Severity;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckMetadata;
import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.CheckRunner;
import dev.vigil.posture.check.CheckStatus;
import dev.vigil.posture.check.Estate;
import dev.vigil.posture.framework.Framework;
import dev.vigil.posture.framework.PostureReport;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One posture assessment: run the checks over an estate, score the frameworks, write the outputs, and keep the
 * failures in the findings store beside the detections. {@code vigil posture} and {@code vigil demo} share it.
 */
final class PostureRun {

    static final String RESULTS_FILE = "posture-results.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What a run produced.
     *
     * @param results  every check result
     * @param report   the framework scores and failures
     * @param catalogue metadata of every check run, by id
     * @param stored   lines describing what the store did, empty when not stored
     */
    record Outcome(List<CheckResult> results, PostureReport report, Map<String, CheckMetadata> catalogue,
                   List<String> stored) {

        boolean failedAtOrAbove(Severity threshold) {
            return threshold != null && report.failures().stream().anyMatch(f -> f.severity().atLeast(threshold));
        }
    }

    private PostureRun() {
    }

    /** Runs the checks and scores the frameworks. */
    static Outcome assess(Estate estate, List<Check> checks, List<Framework> frameworks) {
        List<CheckResult> results = CheckRunner.run(checks, estate);
        Map<String, CheckMetadata> catalogue = new LinkedHashMap<>();
        checks.forEach(c -> catalogue.put(c.metadata().id(), c.metadata()));
        PostureReport report = PostureReport.of(frameworks, results, catalogue.values());
        return new Outcome(results, report, catalogue, List.of());
    }

    /** Writes every result, one JSON object per line, to {@code DIR/posture-results.jsonl}. */
    static void writeResults(Path file, List<CheckResult> results) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (CheckResult r : results) {
                ObjectNode o = JSON.createObjectNode();
                o.put("check", r.checkId());
                o.put("status", r.status().name());
                o.put("account", r.account());
                o.put("region", r.region());
                o.put("resourceType", r.resourceType());
                o.put("resource", r.resource());
                o.put("reason", r.reason());
                w.write(o.toString());
                w.write('\n');
            }
        }
    }

    /**
     * Stores the failures as findings (keyed by check, account, region and resource, so the next run updates them)
     * and resolves the stored findings of checks that pass again; then runs the hub's post-upsert work.
     */
    static List<String> store(Outcome outcome, StoreLocation location, HubSettings hub, Clock clock) {
        PostureFindings.Split split = PostureFindings.of(outcome.results(), outcome.catalogue(), clock.instant());
        List<String> lines = new ArrayList<>();
        try (FindingStore store = location.open()) {
            UpsertResult r = store.upsert(split.failing(), clock.instant());
            List<HistoryEntry> resolved = store.markPassing(split.passingIds(), clock.instant());
            lines.add("findings " + store.location() + ": " + r.inserted() + " new, " + r.updated() + " updated, "
                    + resolved.size() + " resolved (their check passes now)");
            lines.addAll(HubUpdate.afterUpsert(store, r.changes(), hub, clock).lines());
            // a check that passes again resolves its finding: tell whoever was told of the failure
            var routed = HubUpdate.afterLifecycle(store, resolved, hub, clock);
            if (routed != null && routed.enqueued() > 0) {
                lines.add("routing: " + routed.enqueued() + " resolution notices queued");
            }
        }
        return lines;
    }

    /** How many results had each status, for summaries. */
    static Map<CheckStatus, Long> counts(List<CheckResult> results) {
        Map<CheckStatus, Long> out = new LinkedHashMap<>();
        for (CheckStatus s : CheckStatus.values()) {
            out.put(s, 0L);
        }
        results.forEach(r -> out.merge(r.status(), 1L, Long::sum));
        return out;
    }
}
