package dev.vigil.cli;

import dev.vigil.model.Severity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"Reads CloudTrail logs and VPC Flow Logs, runs the built-in detections (Sigma rules, flow-log "
                + "detections, threat-intelligence matches, behavioural baselines) and the CIS metric filters, and "
                + "evaluates the CIS alarms over the logs' event time.",
                "PATH may be a directory tree in the S3 delivery layout (AWSLogs/[o-…/]ACCOUNT/CloudTrail/REGION/"
                        + "YYYY/MM/DD/*.json.gz), a .json or .json.gz file with the {\"Records\":[…]} wrapper, a "
                        + "JSON array of records, or JSON lines. Shapes are recognised from content. "
                        + "Digest and Insights files are recognised and counted. VPC Flow Logs are recognised by "
                        + "content in the same folders: S3 text (.log, .log.gz, any format version), CloudWatch Logs "
                        + "exports and Parquet."},
        footer = {"", "Writes DIR/findings.ocsf.jsonl, DIR/report.html and DIR/summary.json, stores findings and "
                + "metrics in the workspace, and prints a summary. Alarms that entered ALARM are findings. "
                + "Exit codes: see 'vigil --help'."})
final class ScanCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files or directories to read.")
    List<Path> inputs;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "vigil-out",
            description = "Directory for the outputs (default: ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    WorkspaceOption workspace;

    @Mixin
    RuleOptions rules;

    @Mixin
    HubOptions hub;

    @Mixin
    MetricOptions metrics;

    @Mixin
    ThreatOptions threats;

    @Option(names = "--no-store", description = "Do not write findings or metrics to the workspace.")
    boolean noStore;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", converter = SeverityConverter.class,
            description = "Exit with code 4 (5 if input was also skipped) when a finding at or above SEVERITY "
                    + "exists: informational, low, medium, high, critical.")
    Severity failOn;

    @Option(names = "--threads", paramLabel = "N", description = "Files read in parallel (default: one per core).")
    Integer threads;

    @Option(names = "--progress", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Show progress on a terminal (default: on; never when stderr is not a terminal).")
    boolean progress;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "Colour the summary: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; NO_COLOR is honoured).")
    Terminal.ColorMode color;

    @Override
    public Integer call() {
        int n = threads == null ? ScanPipeline.Options.defaults().threads() : threads;
        if (n < 1 || n > 256) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--threads must be between 1 and 256");
        }
        ScanRun.Settings s = new ScanRun.Settings(inputs, out, workspace.location(), !noStore, failOn, n,
                progress && Terminal.isTty(), Terminal.color(color), "Vigil scan", rules.load(System.err),
                metrics.load(System.err), noStore ? HubOptions.defaults() : hub.settings(), null,
                threats.load(System.err));
        return ScanRun.execute(s, System.out, System.err, Clock.systemUTC());
    }
}
