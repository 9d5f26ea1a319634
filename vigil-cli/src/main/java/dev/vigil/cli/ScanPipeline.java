package dev.vigil.cli;

import dev.vigil.engine.AggregatorStats;
import dev.vigil.engine.DetectionSet;
import dev.vigil.engine.EvidenceText;
import dev.vigil.engine.FindingAggregator;
import dev.vigil.engine.RuleHit;
import dev.vigil.formats.cloudtrail.CloudTrailFileReader;
import dev.vigil.formats.cloudtrail.FileKind;
import dev.vigil.formats.flowlog.FlowLogFileReader;
import dev.vigil.formats.flowlog.FlowLogFormat;
import dev.vigil.formats.flowlog.FlowLogSniffer;
import dev.vigil.model.AddressScreen;
import dev.vigil.model.Event;
import dev.vigil.model.FlowRecord;
import dev.vigil.formats.cloudtrail.FirstRecordTime;
import dev.vigil.formats.input.LogFile;
import dev.vigil.formats.input.LogFileFinder;
import dev.vigil.model.Finding;
import dev.vigil.model.Problem;
import dev.vigil.model.ScanSummary;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Reads every input file in parallel, runs the detections on each record, and merges rule hits into findings.
 *
 * <p>Reading and stateless matching run on {@code threads} workers, one file each at a time, so memory holds
 * one record per worker. Rule hits (rare compared with records) go to the single stateful aggregator in the order of
 * the files ({@link OrderedHitRelay}), so a parallel run gives exactly the findings of a sequential one.
 */
final class ScanPipeline {

    /** Problems kept in full for the summary; the counts per reason stay exact beyond it. */
    static final int PROBLEMS_KEPT = 200;

    /** @param headerlessFlowFormat the layout of flow-log lines that come without a header line (v2 by default) */
    record Options(int threads, CloudTrailFileReader.Limits limits, FlowLogFormat headerlessFlowFormat) {
        Options(int threads, CloudTrailFileReader.Limits limits) {
            this(threads, limits, FlowLogFormat.V2_DEFAULT);
        }

        static Options defaults() {
            return new Options(Math.max(1, Runtime.getRuntime().availableProcessors()), CloudTrailFileReader.Limits.DEFAULT);
        }
    }

    /** Live counters the progress display reads. */
    static final class Counters {
        final AtomicLong filesTotal = new AtomicLong();
        final AtomicLong bytesTotal = new AtomicLong();
        final LongAdder filesDone = new LongAdder();
        final LongAdder records = new LongAdder();
        final LongAdder bytesRead = new LongAdder();
        final LongAdder hits = new LongAdder();
    }

    /** @param metrics what the metric filters produced, or null when the scan ran none */
    record Outcome(List<Finding> findings, ScanSummary summary, AggregatorStats correlation,
                   ScanMetrics.Result metrics) {
    }

    /**
     * The detections that need more than one record (flow-log analysis, API-side threat intelligence, behavioural
     * baselines), each fed by every reader thread through its own partial state.
     *
     * @param flows      what reads flow-log records, or null for none
     * @param flowScreen the screen the flow-log readers run for the flow analyser ({@link AddressScreen}), or null
     * @param events     what reads CloudTrail events besides the Sigma rules
     */
    record Analysers(ReaderStates<FlowRecord, ?> flows, AddressScreen flowScreen, List<ReaderStates<Event, ?>> events) {
        static final Analysers NONE = new Analysers(null, null, List.of());

        Analysers {
            events = List.copyOf(events);
        }
    }

    private final DetectionSet detections;
    private final ScanMetrics metrics;
    private final Analysers analysers;
    private final Options options;
    private final Clock clock;
    final Counters counters = new Counters();

    ScanPipeline(DetectionSet detections, Options options, Clock clock) {
        this(detections, null, Analysers.NONE, options, clock);
    }

    /**
     * @param metrics   the metric filters to run on every record, or null for none
     * @param analysers the stateful detections to run beside the rules
     */
    ScanPipeline(DetectionSet detections, ScanMetrics metrics, Analysers analysers, Options options, Clock clock) {
        this.detections = detections;
        this.metrics = metrics;
        this.analysers = analysers;
        this.options = options;
        this.clock = clock;
    }

    Outcome run(List<Path> inputs) throws InterruptedException {
        Instant started = clock.instant();
        ProblemLog problems = new ProblemLog();
        long[] unfound = {0};
        List<LogFile> files = LogFileFinder.find(inputs, p -> {
            unfound[0]++;
            problems.accept(p);
        }, FirstRecordTime::of);
        counters.filesTotal.set(files.size());
        counters.bytesTotal.set(files.stream().mapToLong(LogFile::size).sum());

        FindingAggregator aggregator = new FindingAggregator(detections);
        Map<String, LongAdder> kinds = new ConcurrentHashMap<>();
        LongAdder skippedFiles = new LongAdder();
        LongAdder skippedRecords = new LongAdder();
        skippedFiles.add(unfound[0]);
        CloudTrailFileReader reader = new CloudTrailFileReader(options.limits(), counters.bytesRead);
        FlowLogFileReader flowReader = new FlowLogFileReader(options.limits(), counters.bytesRead,
                options.headerlessFlowFormat(), analysers.flowScreen());

        ExecutorService pool = Executors.newFixedThreadPool(options.threads(), r -> {
            Thread t = new Thread(r, "vigil-reader");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>(files.size());
            OrderedHitRelay relay = new OrderedHitRelay(aggregator::accept, counters.hits);
            for (int i = 0; i < files.size(); i++) {
                LogFile f = files.get(i);
                OrderedHitRelay.FileHits hits = relay.file(i);
                futures.add(pool.submit(() -> {
                    FileResult r;
                    try {
                        boolean flows = FlowLogSniffer.worthSniffing(f.path()) && FlowLogSniffer.isFlowLog(f.path());
                        r = flows ? readFlows(flowReader, f, problems) : readTrail(reader, f, hits, problems);
                    } finally {
                        hits.finish();
                    }
                    kinds.computeIfAbsent(r.kind().label(), k -> new LongAdder()).increment();
                    if (r.kind().skipped()) {
                        skippedFiles.increment();
                    }
                    skippedRecords.add(r.skippedRecords());
                    counters.filesDone.increment();
                }));
            }
            for (Future<?> fu : futures) {
                try {
                    fu.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("reading failed unexpectedly", e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        // every reader is done (Future.get above), so the relay's deliveries happen-before this
        List<Finding> findings = aggregator.findings();
        AggregatorStats stats = aggregator.stats();
        findings = new ArrayList<>(findings);
        if (analysers.flows() != null) {
            findings.addAll(analysers.flows().finish());
        }
        for (ReaderStates<Event, ?> a : analysers.events()) {
            findings.addAll(a.finish());
        }
        findings.sort(java.util.Comparator.comparing(Finding::severity, java.util.Comparator.reverseOrder())
                .thenComparing(Finding::firstSeen).thenComparing(Finding::id)); // as the aggregator orders its own
        // stateful detections may cite CloudTrail records without their text, as rule hits do
        EvidenceRestorer.Outcome restored = EvidenceRestorer.restore(findings, files, options.limits(),
                options.headerlessFlowFormat());
        findings = restored.findings();
        stats = new AggregatorStats(stats.hits(), stats.lateHits(), stats.untimedHits(), stats.groupOverflows(),
                stats.evidenceDropped() + restored.missing());
        Map<String, Long> kindCounts = new TreeMap<>();
        kinds.forEach((k, v) -> kindCounts.put(k, v.sum()));
        ScanSummary summary = new ScanSummary(started, Duration.between(started, clock.instant()),
                inputs.stream().map(Path::toString).toList(), files.size(),
                kindCounts, counters.records.sum(), counters.bytesRead.sum(), skippedFiles.sum(), skippedRecords.sum(),
                problems.counts(), problems.kept(), PeakMemory.rssBytes());
        return new Outcome(findings, summary, stats, metrics == null ? null : metrics.result());
    }

    /** What reading one file gave, whichever reader read it. */
    private record FileResult(FileKind kind, long skippedRecords) {
    }

    private FileResult readTrail(CloudTrailFileReader reader, LogFile f, OrderedHitRelay.FileHits hits,
                                 ProblemLog problems) {
        ScanMetrics.FileMetrics fileMetrics = metrics == null ? null : metrics.file(f.display());
        List<java.util.function.Consumer<Event>> stateful = analysers.events().stream()
                .map(ReaderStates::forThisThread).toList();
        try {
            CloudTrailFileReader.Result r = reader.read(f, e -> {
                counters.records.increment();
                detections.evaluate(e, hits, EvidenceText.DEFERRED);
                for (int i = 0; i < stateful.size(); i++) {
                    stateful.get(i).accept(e);
                }
                if (fileMetrics != null) {
                    fileMetrics.accept(e);
                }
            }, problems);
            return new FileResult(r.kind(), r.skippedRecords());
        } finally {
            if (fileMetrics != null) {
                fileMetrics.finish();
            }
        }
    }

    private FileResult readFlows(FlowLogFileReader reader, LogFile f, ProblemLog problems) {
        java.util.function.Consumer<FlowRecord> sink = analysers.flows() == null ? r -> { }
                : analysers.flows().forThisThread();
        FlowLogFileReader.Result r = reader.read(f, rec -> {
            counters.records.increment();
            sink.accept(rec);
        }, problems);
        return new FileResult(r.kind(), r.skippedRecords());
    }

    /** Thread-safe problem sink: exact counts per reason, the first {@link #PROBLEMS_KEPT} problems in full. */
    static final class ProblemLog implements java.util.function.Consumer<Problem> {
        private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
        private final List<Problem> kept = new ArrayList<>();

        @Override
        public void accept(Problem p) {
            counts.computeIfAbsent(p.reason(), k -> new LongAdder()).increment();
            synchronized (kept) {
                if (kept.size() < PROBLEMS_KEPT) {
                    kept.add(p);
                }
            }
        }

        Map<String, Long> counts() {
            Map<String, Long> out = new TreeMap<>();
            counts.forEach((k, v) -> out.put(k, v.sum()));
            return out;
        }

        List<Problem> kept() {
            synchronized (kept) {
                List<Problem> copy = new ArrayList<>(kept);
                copy.sort(java.util.Comparator.comparing(Problem::location));
                return copy;
            }
        }
    }
}
