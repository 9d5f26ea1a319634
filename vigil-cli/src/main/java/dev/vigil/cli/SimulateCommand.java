package dev.vigil.cli;

import dev.vigil.sim.EstateSimulator;
import dev.vigil.sim.SimulationResult;
import dev.vigil.sim.SyntheticRules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Writes a synthetic AWS organisation's CloudTrail logs and VPC Flow Logs, exactly as AWS "
                + "delivers them to S3, with labelled attack scenarios.",
                "DIR/logs is the bucket (AWSLogs/o-…/ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/*.json.gz); "
                        + "DIR/labels.jsonl maps each scenario record's eventID to its scenario and step; "
                        + "DIR/scenarios.json describes the scenarios; DIR/estate.json the organisation; "
                        + "DIR/guardduty holds the GuardDuty findings exported for the scenarios. "
                        + "The same seed always gives the same bytes."})
final class SimulateCommand implements Callable<Integer> {

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", required = true, description = "Directory to write into.")
    Path out;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--events", defaultValue = "50000",
            description = "Total records to write, scenarios included (default: ${DEFAULT-VALUE}).")
    long events;

    @Option(names = "--start", paramLabel = "TIME", defaultValue = "2026-10-01T00:00:00Z",
            description = "Start of the simulated period, ISO-8601 UTC (default: ${DEFAULT-VALUE}).")
    String start;

    @Option(names = "--hours", defaultValue = "24", description = "Length of the simulated period (default: ${DEFAULT-VALUE}).")
    long hours;

    @Option(names = "--flow-records", paramLabel = "N",
            description = "VPC flow-log records to write beside the CloudTrail (default: six per CloudTrail record, at "
                    + "most 300,000; 0 writes only the network scenarios' own flows).")
    Long flowRecords;

    @Option(names = "--sigma-rules", paramLabel = "N", defaultValue = "0",
            description = "Also write N synthetic Sigma rules of realistic shape to DIR/rules (material for the rule-engine"
                    + " benchmark; they are not detections). With --events 0 only the rules are written.")
    int sigmaRules;

    @Override
    public Integer call() {
        if (sigmaRules < 0) {
            throw new UserError("--sigma-rules must be 0 or more, not " + sigmaRules);
        }
        if (sigmaRules > 0) {
            Path dir = out.resolve("rules");
            try {
                SyntheticRules.write(dir, sigmaRules, seed);
            } catch (java.io.UncheckedIOException e) {
                throw new UserError("cannot write the synthetic rules in " + dir + ": " + e.getCause().getMessage());
            }
            System.out.printf(Locale.ROOT, "wrote %,d synthetic Sigma rules to %s%n", sigmaRules, dir);
            if (events == 0) {
                return ExitCode.OK;
            }
        }
        Instant t;
        try {
            t = Instant.parse(start);
        } catch (DateTimeParseException e) {
            throw new UserError("--start '" + start + "' is not an ISO-8601 UTC time such as 2026-10-01T00:00:00Z");
        }
        EstateSimulator.Options options;
        try {
            options = new EstateSimulator.Options(seed, events, t, Duration.ofHours(hours));
            if (flowRecords != null) {
                options = options.withFlowRecords(flowRecords);
            }
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        SimulationResult r = generate(out, options, Terminal.isTty());
        System.out.printf(Locale.ROOT, "wrote %,d records in %,d files (%,.1f MB) to %s%n", r.events(), r.files(),
                r.bytes() / 1e6, r.logsDir());
        if (r.flowFiles() > 0) {
            System.out.printf(Locale.ROOT, "wrote %,d VPC flow-log records in %,d files (%,.1f MB) beside them%n",
                    r.flowRecords(), r.flowFiles(), r.flowBytes() / 1e6);
        }
        System.out.println("labels: " + r.labelsFile() + "   scenarios: " + r.scenariosFile() + "   network labels: "
                + r.networkLabelsFile() + "   indicator sets: " + r.intelDir());
        return ExitCode.OK;
    }

    static SimulationResult generate(Path out, EstateSimulator.Options options, boolean showProgress) {
        long total = options.events();
        try {
            return EstateSimulator.write(out, options, written -> {
                if (showProgress && (written % 50_000 == 0 || written == total)) {
                    System.err.printf(Locale.ROOT, "\rgenerating: %,d / %,d records", written, total);
                    if (written == total) {
                        System.err.println();
                    }
                }
            });
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new UserError(e.getMessage());
        } catch (java.io.UncheckedIOException e) {
            throw new UserError("cannot write the simulated estate in " + out + ": " + e.getCause().getMessage());
        }
    }
}
