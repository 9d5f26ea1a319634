package dev.vigil.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * Writes the CloudTrail logs of a small simulated AWS organisation exactly as an organisation trail delivers
 * them to S3, with attack scenarios injected and labelled. The same options always produce byte-identical
 * output, so tests can assert on detections and on false positives, and {@code vigil demo} has real-looking
 * data to scan.
 *
 * <p>Output under {@code OUT}:
 * <ul>
 *   <li>{@code logs/AWSLogs/<o-org>/<account>/CloudTrail/<region>/<yyyy>/<MM>/<dd>/<account>_CloudTrail_<region>_<yyyyMMdd>T<HHmm>Z_<16 alnum>.json.gz}
 *       — gzip JSON {@code {"Records":[…]}}, named and placed by delivery time; {@code logs} plays the bucket
 *       root and holds nothing else;</li>
 *   <li>{@code labels.jsonl} — {@code {"eventID":"…","scenario":"…","step":"…"}} for every scenario record;</li>
 *   <li>{@code scenarios.json} — the scenarios (see {@link Scenario});</li>
 *   <li>{@code estate.json} — the organisation: accounts, regions, trails, buckets, workloads, principals;</li>
 *   <li>{@code guardduty/} — the GuardDuty findings export for the scenarios ({@link GuardDutyExport});</li>
 *   <li>{@code config/}, {@code supplementary/}, {@code posture-policy.yaml}, {@code posture-labels.jsonl} — the
 *       organisation's configuration for {@code vigil posture}, with deliberate misconfigurations and their labels
 *       ({@link PostureExport});</li>
 *   <li>{@code logs/AWSLogs/<account>/vpcflowlogs/<region>/<yyyy>/<MM>/<dd>/…_vpcflowlogs_…log.gz} — the workload VPCs'
 *       flow logs with injected network scenarios; {@code intel/} — indicator sets and {@code intel.yaml};
 *       {@code aws-ip-ranges.json}; {@code network-labels.jsonl} — one line per expected network, threat-intel or
 *       anomaly finding ({@link NetworkRun}).</li>
 * </ul>
 *
 * <p>Generation streams: records are produced in time order and written as their delivery windows close, so
 * memory stays bounded for any number of events. Gzip runs on a second thread.
 */
public final class EstateSimulator {

    /** Fewest events accepted: the scenarios alone take about 420 records and need benign traffic around them. */
    public static final long MIN_EVENTS = 1_000;
    /** Most events accepted; a guard against unit mistakes rather than a limit of the generator. */
    public static final long MAX_EVENTS = 10_000_000_000L;
    /** Shortest timeline that holds every scenario at its place. */
    public static final Duration MIN_SPAN = Duration.ofHours(2);
    /** Longest timeline accepted: a year, with a day to spare for leap years. */
    public static final Duration MAX_SPAN = Duration.ofDays(366);
    /** Most benign flow records accepted; like {@link #MAX_EVENTS}, a guard against unit mistakes. */
    public static final long MAX_FLOW_RECORDS = 10_000_000_000L;
    /** The default flow-record count never exceeds this, whatever the number of events. */
    public static final long MAX_DEFAULT_FLOW_RECORDS = 300_000;
    private static final Instant EARLIEST_START = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST_START = Instant.parse("9000-01-01T00:00:00Z");
    private static final int PROGRESS_EVERY = 10_000;
    /**
     * Deflate level. Level 1 compresses CloudTrail JSON about 6.5-fold at more than twice the speed of the
     * default level 6 (about 10-fold); the files are ordinary gzip either way.
     */
    static final int GZIP_LEVEL = 1;
    /** Compression threads: deflate costs more than generating the records, so it gets both cores. */
    static final int GZIP_THREADS = 2;

    private EstateSimulator() {
    }

    /**
     * Simulation settings.
     *
     * @param seed   drives every random choice; the same seed gives the same estate, scenarios and bytes
     * @param events total records to write, benign and scenario together (scenarios are always included)
     * @param start  event time where the timeline begins
     * @param span   length of the timeline
     * @throws IllegalArgumentException when a value makes no sense, saying which and what is accepted
     */
    public record Options(long seed, long events, Instant start, Duration span, long flowRecords) {

        /** Options with the default number of flow records for {@code events} ({@link #defaultFlowRecords}). */
        public Options(long seed, long events, Instant start, Duration span) {
            this(seed, events, start, span, defaultFlowRecords(events));
        }

        /**
         * Six flow records per CloudTrail record, at most {@value #MAX_DEFAULT_FLOW_RECORDS}: the demo's 20 000
         * events get 120 000 benign flow records, which adds about a second.
         */
        public static long defaultFlowRecords(long events) {
            return Math.min(MAX_DEFAULT_FLOW_RECORDS, Math.max(0, events) * 6);
        }

        public Options {
            if (flowRecords < 0 || flowRecords > MAX_FLOW_RECORDS) {
                throw new IllegalArgumentException("flowRecords must be between 0 (scenario flows only) and "
                        + MAX_FLOW_RECORDS + "; got " + flowRecords);
            }
            if (events < MIN_EVENTS || events > MAX_EVENTS) {
                throw new IllegalArgumentException("events must be between " + MIN_EVENTS + " and " + MAX_EVENTS
                        + " (the attack scenarios alone take about 420 records); got " + events);
            }
            if (start == null) {
                throw new IllegalArgumentException("start is required, e.g. 2026-10-01T00:00:00Z");
            }
            if (start.isBefore(EARLIEST_START) || !start.isBefore(LATEST_START)) {
                throw new IllegalArgumentException("start must be between " + EARLIEST_START + " and "
                        + LATEST_START + "; got " + start);
            }
            if (span == null) {
                throw new IllegalArgumentException("span is required, e.g. PT24H");
            }
            if (span.compareTo(MIN_SPAN) < 0 || span.compareTo(MAX_SPAN) > 0) {
                throw new IllegalArgumentException("span must be between " + MIN_SPAN + " (so every scenario fits) and "
                        + MAX_SPAN + "; got " + span);
            }
        }

        /** Seed 42, 50 000 events, starting 2026-10-01T00:00:00Z, over 24 hours. */
        public static Options defaults() {
            return new Options(42, 50_000, Instant.parse("2026-10-01T00:00:00Z"), Duration.ofHours(24));
        }

        /** A copy with another seed; validated like the constructor. */
        public Options withSeed(long seed) {
            return new Options(seed, events, start, span, flowRecords);
        }

        /**
         * A copy with another event count; the flow-record count follows it ({@link #defaultFlowRecords}) unless it
         * was set to something other than the default. Validated like the constructor.
         */
        public Options withEvents(long events) {
            long flows = flowRecords == defaultFlowRecords(this.events) ? defaultFlowRecords(events) : flowRecords;
            return new Options(seed, events, start, span, flows);
        }

        /** A copy with another start; validated like the constructor. */
        public Options withStart(Instant start) {
            return new Options(seed, events, start, span, flowRecords);
        }

        /** A copy with another span; validated like the constructor. */
        public Options withSpan(Duration span) {
            return new Options(seed, events, start, span, flowRecords);
        }

        /**
         * A copy with another number of benign flow records (the injected network scenarios come on top, a few
         * thousand records); validated like the constructor.
         */
        public Options withFlowRecords(long flowRecords) {
            return new Options(seed, events, start, span, flowRecords);
        }
    }

    /**
     * Generates the estate's logs into {@code outDir}.
     *
     * @param outDir                directory to write into; created if missing. Its {@code logs}, {@code guardduty},
     *                              {@code config}, {@code supplementary} and {@code intel} subdirectories must be
     *                              absent or empty; the sidecar files ({@code labels.jsonl}, {@code scenarios.json},
     *                              {@code estate.json}, {@code posture-policy.yaml}, {@code posture-labels.jsonl},
     *                              {@code network-labels.jsonl}, {@code aws-ip-ranges.json}) are replaced.
     * @param options               what to simulate
     * @param progressEventsWritten called every 10 000 records with the number written so far, the last call
     *                              being the total; called on the calling thread; may be null
     * @return where the output is and what it holds
     * @throws IllegalArgumentException when {@code outDir} is not usable (not a directory, old output in
     *                                  {@code logs})
     * @throws UncheckedIOException     when writing fails
     */
    public static SimulationResult write(Path outDir, Options options, LongConsumer progressEventsWritten) {
        if (outDir == null || options == null) {
            throw new IllegalArgumentException("outDir and options are required");
        }
        Path logs = prepare(outDir);
        return new Run(outDir, logs, options, progressEventsWritten == null ? n -> { } : progressEventsWritten,
                new DeliveryStats()).execute();
    }

    /** Package-private entry for tests that inspect how much the writer buffered. */
    static SimulationResult writeMeasured(Path outDir, Options options, DeliveryStats stats) {
        Path logs = prepare(outDir);
        return new Run(outDir, logs, options, n -> { }, stats).execute();
    }

    /** How much the delivery writer held in memory during a run. */
    static final class DeliveryStats {
        int peakBufferedRecords;
        int peakOpenFiles;
        long peakFlowWindowRecords;
    }

    private static Path prepare(Path outDir) {
        if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
            throw new IllegalArgumentException(outDir + " is a file; give a directory to write the simulation into");
        }
        Path logs = outDir.resolve("logs");
        requireEmptyOrAbsent(logs);
        requireEmptyOrAbsent(outDir.resolve(GuardDutyExport.DIRECTORY));
        requireEmptyOrAbsent(outDir.resolve(ConfigExport.DIRECTORY));
        requireEmptyOrAbsent(outDir.resolve(SupplementaryExport.DIRECTORY));
        requireEmptyOrAbsent(outDir.resolve(IntelFiles.DIRECTORY));
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + logs + ": " + e.getMessage(), e);
        }
        return logs;
    }

    /** Old output is never mixed with new: a previous run's files would be read as this run's. */
    private static void requireEmptyOrAbsent(Path dir) {
        try {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> entries = Files.list(dir)) {
                    if (entries.findAny().isPresent()) {
                        throw new IllegalArgumentException(dir + " already holds files (an earlier simulation?); "
                                + "choose an empty output directory or delete " + dir + " first, so old and new "
                                + "output is not mixed");
                    }
                }
            } else if (Files.exists(dir)) {
                throw new IllegalArgumentException(dir + " exists and is not a directory; remove it or choose "
                        + "another output directory");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + dir + ": " + e.getMessage(), e);
        }
    }

    /** One simulation run: merges scenario records into the benign stream and delivers both. */
    private record Run(Path outDir, Path logs, Options options, LongConsumer progress, DeliveryStats stats) {

        SimulationResult execute() {
            long start = options.start().toEpochMilli();
            long span = options.span().toMillis();
            Estate estate = EstateFactory.build(options.seed());
            Fleet fleet = FleetFactory.build(estate, options.seed(), start);
            ThreatIntel intel = ThreatIntel.build(options.seed());
            ScenarioPlanner.Plan plan = ScenarioPlanner.plan(estate, options.seed(), start, span, fleet, intel);
            List<LabelledRecord> scenarioRecords = plan.records();
            BenignActivity benign = new BenignActivity(estate, options.seed(),
                    options.events() - scenarioRecords.size(), start, span);
            Path labelsFile = outDir.resolve("labels.jsonl");
            TrailRecordWriter json = new TrailRecordWriter();
            long written = 0;
            long files;
            long bytes;
            try (GzipWorker worker = new GzipWorker(GZIP_LEVEL, GZIP_THREADS, 16);
                 LabelWriter labels = new LabelWriter(labelsFile)) {
                DeliveryWriter delivery = new DeliveryWriter(logs, estate.orgId(), options.seed(), worker);
                int nextScenario = 0;
                TrailRecord nextBenign = benign.hasNext() ? benign.next() : null;
                while (nextBenign != null || nextScenario < scenarioRecords.size()) {
                    TrailRecord record;
                    if (nextScenario < scenarioRecords.size() && (nextBenign == null
                            || scenarioRecords.get(nextScenario).record().timeMillis() <= nextBenign.timeMillis())) {
                        LabelledRecord labelled = scenarioRecords.get(nextScenario++);
                        record = labelled.record();
                        labels.write(labelled);
                    } else {
                        record = nextBenign;
                        nextBenign = benign.hasNext() ? benign.next() : null;
                    }
                    delivery.write(record.recipientAccountId(), record.awsRegion(), record.timeMillis(),
                            json.write(record));
                    written++;
                    if (written % PROGRESS_EVERY == 0) {
                        progress.accept(written);
                    }
                }
                delivery.finish();
                stats.peakBufferedRecords = delivery.peakBufferedRecords();
                stats.peakOpenFiles = delivery.peakOpenFiles();
                worker.close();
                files = worker.files();
                bytes = worker.bytes();
            }
            if (written % PROGRESS_EVERY != 0) {
                progress.accept(written); // the last report is always the total, and only once
            }
            Path scenariosFile = outDir.resolve("scenarios.json");
            MetadataWriter.writeScenarios(scenariosFile, options.seed(), options.start(),
                    options.start().plus(options.span()), plan.scenarios());
            MetadataWriter.writeEstate(outDir.resolve("estate.json"), estate);
            GuardDutyExport.write(outDir, options.seed(), scenarioRecords);
            PostureOrg org = PostureOrgFactory.build(estate, options.seed(), start, start + span, scenarioRecords,
                    fleet);
            PostureExport.write(outDir, org, options.seed(), scenarioRecords);
            NetworkRun network = NetworkRun.write(outDir, logs, org, intel, options, scenarioRecords);
            stats.peakFlowWindowRecords = network.peakWindowRecords();
            return new SimulationResult(logs, labelsFile, scenariosFile, written, files, bytes, plan.scenarios(),
                    network.records(), network.files(), network.bytes());
        }
    }
}
