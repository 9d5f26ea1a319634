package dev.vigil.cli;

import dev.vigil.sim.EstateSimulator;
import dev.vigil.sim.SimulationResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Generates a small demo AWS organisation with embedded attacks, scans it, prints a summary, "
                + "and writes the HTML report and OCSF findings. Needs no AWS account, credentials or network.",
                "Writes DIR/estate (the generated logs), DIR/report.html, DIR/findings.ocsf.jsonl, DIR/summary.json "
                        + "and a workspace DIR/workspace (so your own workspace stays clean)."})
final class DemoCommand implements Callable<Integer> {

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "vigil-demo",
            description = "Directory for the demo estate and outputs (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--events", defaultValue = "20000", description = "Records to generate (default: ${DEFAULT-VALUE}).")
    long events;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--workspace", paramLabel = "DIR",
            description = "Workspace for the demo's findings (default: DIR/workspace).")
    Path workspace;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "Colour the summary: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Terminal.ColorMode color;

    @Override
    public Integer call() {
        Path estate = out.resolve("estate");
        clearPreviousDemo(estate);
        EstateSimulator.Options options;
        try {
            options = new EstateSimulator.Options(seed, events, Instant.parse("2026-10-01T00:00:00Z"),
                    Duration.ofHours(24));
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        SimulationResult sim = SimulateCommand.generate(estate, options, Terminal.isTty());
        System.out.printf(java.util.Locale.ROOT, "Generated a demo organisation: %,d CloudTrail records in %,d files and "
                        + "%,d VPC flow-log records in %,d files under %s%n%n",
                sim.events(), sim.files(), sim.flowRecords(), sim.flowFiles(), sim.logsDir());
        Path ws = workspace != null ? workspace : out.resolve("workspace");
        // Posture first (it takes a second) so the scan's HTML report can carry the Compliance section.
        Instant simEnd = options.start().plus(options.span());
        PostureDemo posture = PostureDemo.assess(estate, simEnd);
        ScanRun.Settings s = new ScanRun.Settings(List.of(sim.logsDir()), out, new StoreLocation(ws, null), true, null,
                ScanPipeline.Options.defaults().threads(), Terminal.isTty(), Terminal.color(color), "Vigil demo",
                dev.vigil.engine.DetectionSet.builtIn(), MetricDefinitions.load(List.of(), List.of(), System.err),
                HubOptions.defaults(), posture.compliance(), demoThreats(sim));
        int code = ScanRun.execute(s, System.out, System.err, Clock.systemUTC());
        System.out.println();
        posture.print(System.out, out.resolve(PostureDemo.DIR), s.location(), Clock.systemUTC());
        System.out.println();
        System.out.println("Importing the organisation's GuardDuty findings export (" + sim.guardDutyDir() + ")…");
        int imported = FindingsImportCommand.run(List.of(sim.guardDutyDir()), s.location(), HubOptions.defaults(),
                System.out, System.err, Clock.systemUTC());
        code = Math.max(code, imported);
        showTopIncident(s.location());
        System.out.println();
        System.out.println("Next: open " + out.resolve(ScanOutputs.REPORT_FILE) + " in a browser, or try");
        System.out.println("  ./vigil findings list --workspace " + ws);
        System.out.println("  ./vigil findings show <ID> --workspace " + ws);
        System.out.println("  ./vigil findings list --sort risk --workspace " + ws + "   (Vigil's and GuardDuty's findings, "
                + "ranked)");
        System.out.println("  ./vigil findings incidents --workspace " + ws);
        System.out.println("  ./vigil findings list --type '*:EC2/*' --workspace " + ws
                + "   (what the VPC Flow Logs showed, in GuardDuty's finding types)");
        System.out.println("  ./vigil findings list --type '*AnomalousBehavior' --workspace " + ws
                + "   (principals departing from their baselines)");
        System.out.println("  ./vigil posture " + estate + " --at " + simEnd + " --framework cis-aws-foundations "
                + "--no-store   (the full posture report, as of the simulation's end)");
        System.out.println("  ./vigil inventory diff " + estate + " --from " + options.start() + " --to " + simEnd
                + "   (configuration changes, with who made them)");
        System.out.println("  ./vigil metrics query CISBenchmark root_usage_metric --workspace " + ws
                + "   (the metric behind the CIS root-usage alarm)");
        System.out.println("The scenarios injected are described in " + sim.scenariosFile() + " and "
                + sim.networkLabelsFile() + ".");
        return code;
    }

    /**
     * The demo's threat detections: the indicator sets and AWS address ranges the simulator wrote, its Config
     * files for security groups and instance addresses, and a learning period of {@link #DEMO_LEARNING} because the
     * simulated day is all the history there is.
     */
    private static ThreatOptions.ThreatSetup demoThreats(SimulationResult sim) {
        return ThreatOptions.ThreatSetup.build(List.of(sim.intelDir()), sim.awsIpRangesFile(), List.of(sim.configDir()),
                null, null, DEMO_LEARNING, true, System.err);
    }

    static final Duration DEMO_LEARNING = Duration.ofHours(8);

    /** Prints the highest-scoring incident candidate: where Vigil's and GuardDuty's findings tell one story. */
    private static void showTopIncident(StoreLocation location) {
        try (dev.vigil.hub.FindingStore store = location.openExisting()) {
            var result = new dev.vigil.hub.analysis.StoreScoring(dev.vigil.hub.analysis.CorrelationOptions.defaults(),
                    dev.vigil.hub.analysis.AssetCatalog.empty(), java.util.Set.of()).correlate(store);
            if (!result.candidates().isEmpty()) {
                System.out.println();
                System.out.println("Top incident candidate (of " + result.candidates().size() + "):");
                FindingsIncidentsCommand.print(System.out, result.candidates().subList(0, 1), result);
            }
        }
    }

    /** Removes a previous demo estate, but only one Vigil wrote (it has estate.json): never a user's files. */
    private static void clearPreviousDemo(Path estate) {
        if (!Files.exists(estate)) {
            return;
        }
        if (!Files.exists(estate.resolve("estate.json"))) {
            throw new UserError(estate + " exists and was not written by 'vigil demo'; choose another --out");
        }
        try (Stream<Path> walk = Files.walk(estate)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UserError("cannot remove the previous demo estate " + estate + ": " + e.getMessage());
        }
    }
}
