package dev.vigil.cli;

import dev.vigil.engine.DetectionSet;
import dev.vigil.engine.baseline.BaselineSnapshot;
import dev.vigil.engine.baseline.BaselineSnapshotException;
import dev.vigil.engine.baseline.BehaviourBaselines;
import dev.vigil.hub.FindingStore;
import dev.vigil.hub.UpsertResult;
import dev.vigil.metrics.filter.MetricFilterSet;
import dev.vigil.metrics.store.MetricDatabase;
import dev.vigil.metrics.store.MetricStoreException;
import dev.vigil.model.Event;
import dev.vigil.model.Finding;
import dev.vigil.model.Severity;
import dev.vigil.report.ReportContext;
import dev.vigil.report.TerminalSummary;
import dev.vigil.report.TerminalText;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * One scan from inputs to outputs, shared by {@code vigil scan} and {@code vigil demo}: read and detect, write
 * the files, persist to the workspace, print the summary, and compute the exit code.
 */
final class ScanRun {

    /**
     * @param metrics    the metric filters and alarms to run, or null for none ({@code --no-metrics})
     * @param compliance a posture assessment to show in the report's compliance section, or null for none
     * @param threats    the flow-log, threat-intelligence and baseline detections
     */
    record Settings(List<Path> inputs, Path out, StoreLocation location, boolean store, Severity failOn, int threads,
                    boolean progress, boolean color, String title, DetectionSet detections,
                    MetricDefinitions metrics, HubSettings hub, dev.vigil.report.ComplianceSection compliance,
                    ThreatOptions.ThreatSetup threats) {
    }

    /** Where the workspace keeps what the behavioural baselines learned from CloudTrail. */
    static final String BASELINE_NAME = "cloudtrail-principals";

    private ScanRun() {
    }

    /** Saves the scan's metrics; each file read replaces its own earlier rows (re-scans do not double-count). */
    private static String saveMetrics(Path workspace, ScanMetrics.Result metrics, Clock clock) {
        try (MetricDatabase db = MetricDatabase.open(workspace, clock)) {
            MetricDatabase.SaveResult r = db.save(metrics.store());
            return "metrics " + workspace.toAbsolutePath().normalize().resolve(MetricDatabase.FILE_NAME) + ": "
                    + r.rowsWritten() + " minute rollups from " + r.sources() + " files";
        } catch (MetricStoreException e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    /**
     * What earlier scans into this workspace learned. A workspace without it starts afresh; so does one whose state
     * cannot be read, with a warning (the scan's own findings do not depend on it, only what counts as new).
     */
    private static BaselineSnapshot priorBaseline(StoreLocation location, PrintStream err) {
        try (FindingStore store = location.open()) {
            java.util.Optional<byte[]> bytes = store.loadBaseline(BASELINE_NAME);
            return bytes.isEmpty() ? BaselineSnapshot.EMPTY : BaselineSnapshot.fromBytes(bytes.get());
        } catch (BaselineSnapshotException e) {
            err.println(TerminalText.sanitize("vigil: the workspace's baseline state is unusable (" + e.getMessage()
                    + "); this scan learns afresh and replaces it"));
            return BaselineSnapshot.EMPTY;
        }
    }

    static int execute(Settings s, PrintStream out, PrintStream err, Clock clock) {
        DetectionSet detections = s.detections();
        ScanPipeline.Options opts = new ScanPipeline.Options(s.threads(), ScanPipeline.Options.defaults().limits(),
                s.threats().headerlessFlowFormat());
        ScanMetrics scanMetrics = s.metrics() == null ? null
                : new ScanMetrics(new MetricFilterSet(s.metrics().filters()));
        ThreatOptions.ThreatSetup threats = s.threats();
        BehaviourBaselines baselines = threats.baselines() == null ? null
                : new BehaviourBaselines(threats.baselines(), s.store() ? priorBaseline(s.location(), err) : BaselineSnapshot.EMPTY);
        List<ReaderStates<Event, ?>> eventAnalysers = new ArrayList<>();
        eventAnalysers.add(new ReaderStates<>(threats.api()));
        if (baselines != null) {
            eventAnalysers.add(new ReaderStates<>(baselines));
        }
        ScanPipeline.Analysers analysers = new ScanPipeline.Analysers(new ReaderStates<>(threats.flows()),
                threats.flows().addressScreen(), eventAnalysers);
        ScanPipeline pipeline = new ScanPipeline(detections, scanMetrics, analysers, opts, clock);
        threats.notes().forEach(n -> err.println(TerminalText.sanitize("vigil: " + n)));
        ScanPipeline.Outcome outcome;
        try (Progress p = Progress.start(pipeline.counters, err, s.progress())) {
            outcome = pipeline.run(s.inputs());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted");
        }
        List<Finding> findings = new ArrayList<>(outcome.findings());
        AlarmReplay.Outcome alarms = null;
        if (outcome.metrics() != null) {
            alarms = AlarmReplay.run(s.metrics(), outcome.metrics());
            findings.addAll(alarms.findings());
        }
        ReportContext ctx = new ReportContext(s.title(), clock.instant(),
                s.inputs().stream().map(Path::toString).toList(), ScanOutputs.paths(s.out()));
        ScanOutputs.write(s.out(), ctx, findings, outcome.summary(), outcome.correlation(), outcome.metrics(),
                alarms, s.compliance());

        List<String> stored = new ArrayList<>();
        String storedMetrics = "";
        if (s.store()) {
            try (FindingStore store = s.location().open()) {
                UpsertResult r = store.upsert(findings, clock.instant());
                stored.add("findings " + store.location() + ": " + r.inserted() + " new, " + r.updated() + " updated");
                stored.addAll(HubUpdate.afterUpsert(store, r.changes(), s.hub(), clock).lines());
                if (baselines != null) {
                    store.saveBaseline(BASELINE_NAME, baselines.snapshot().toBytes());
                    stored.add("baselines " + store.location() + ": what this scan learned is kept for the next one");
                }
            }
            if (outcome.metrics() != null) {
                storedMetrics = saveMetrics(s.location().workspace(), outcome.metrics(), clock);
            }
        }
        out.print(TerminalSummary.render(ctx, findings, outcome.summary(), s.color(), Terminal.width()));
        if (alarms != null) {
            out.println(TerminalText.sanitize(AlarmReplay.summaryLine(outcome.metrics(), alarms)));
        }
        stored.forEach(line -> out.println(TerminalText.sanitize(line)));
        if (!storedMetrics.isEmpty()) {
            out.println(storedMetrics);
        }
        var cs = outcome.correlation();
        if (cs.lateHits() > 0 || cs.untimedHits() > 0 || cs.evidenceDropped() > 0) {
            out.printf(java.util.Locale.ROOT, "correlation: %,d hits arrived too late for their windows, %,d had no time, "
                    + "%,d raw records not kept (memory budget)%n", cs.lateHits(), cs.untimedHits(), cs.evidenceDropped());
        }
        boolean threshold = s.failOn() != null && findings.stream().anyMatch(f -> f.severity().atLeast(s.failOn()));
        int code = ExitCode.of(threshold, outcome.summary().partial());
        if (threshold) {
            err.println("vigil: findings at or above " + s.failOn().name().toLowerCase(java.util.Locale.ROOT)
                    + " exist (exit " + code + ")");
        }
        if (outcome.summary().partial()) {
            err.println("vigil: some input was skipped; results are partial (see the summary above and "
                    + s.out().resolve(ScanOutputs.SUMMARY_FILE) + ")");
        }
        out.flush();
        return code;
    }
}
