package dev.vigil.cli;

import dev.vigil.engine.apithreat.ApiThreatDetections;
import dev.vigil.engine.apithreat.InstanceAddresses;
import dev.vigil.engine.baseline.BaselineConfigException;
import dev.vigil.engine.baseline.BaselineSettings;
import dev.vigil.engine.intel.AwsAddressRanges;
import dev.vigil.engine.intel.IpReputation;
import dev.vigil.engine.intel.ThreatIntel;
import dev.vigil.engine.network.FlowDetectionSettings;
import dev.vigil.engine.network.FlowDetections;
import dev.vigil.engine.network.FlowSettingsException;
import dev.vigil.engine.network.NetworkPolicy;
import dev.vigil.formats.flowlog.FlowLogFormat;
import dev.vigil.model.Problem;
import dev.vigil.posture.inventory.Inventory;
import dev.vigil.posture.network.InstanceAddressesFromInventory;
import dev.vigil.posture.network.InventoryNetworkPolicy;
import dev.vigil.report.TerminalText;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The options of the detections that look across records: threat-intelligence sets, the AWS address ranges, the
 * inventory that says what security groups allow, the flow-log thresholds and the behavioural baselines.
 */
final class ThreatOptions {

    @Option(names = "--intel", paramLabel = "PATH",
            description = "Threat-intelligence indicators (repeatable): an intel.yaml, an indicator file (IP/CIDR "
                    + "list, CSV, STIX 2.1, MISP JSON, Tor exit list) or a folder of them. See docs/threat-intel.md.")
    List<Path> intel = new ArrayList<>();

    @Option(names = "--aws-ip-ranges", paramLabel = "FILE",
            description = "AWS's ip-ranges.json, so credentials used from inside AWS are told from outside.")
    Path awsIpRanges;

    @Option(names = "--inventory", paramLabel = "PATH",
            description = "AWS Config files (repeatable) giving security groups, network ACLs and instance addresses "
                    + "for the flow-log and credential detections.")
    List<Path> inventory = new ArrayList<>();

    @Option(names = "--flow-log-format", paramLabel = "FORMAT",
            description = "The LogFormat of flow-log lines without a header line (CloudWatch Logs exports of a flow "
                    + "log with a custom format), e.g. '${version} ${vpc-id} ${srcaddr} …' (default: the v2 format). "
                    + "Files with a header line always use their own.")
    String flowLogFormat;

    @Option(names = "--network-settings", paramLabel = "FILE",
            description = "YAML thresholds for the flow-log detections (see docs/network-detections.md).")
    Path networkSettings;

    @Option(names = "--baseline-settings", paramLabel = "FILE",
            description = "YAML settings for the behavioural baselines (see docs/baselines.md).")
    Path baselineSettings;

    @Option(names = "--learning-period", paramLabel = "SPAN",
            description = "How long a principal or instance is watched before anything it does counts as unusual, "
                    + "e.g. 7d, 12h (default: 7d).")
    String learningPeriod;

    @Option(names = "--no-baselines", description = "Do not learn or judge behaviour (no AnomalousBehavior findings).")
    boolean noBaselines;

    /** Loads everything the options name; a file that cannot be used at all is a user error. */
    ThreatSetup load(PrintStream err) {
        Duration learning = learningPeriod == null ? null : TimeArgument.duration(learningPeriod, "--learning-period");
        FlowLogFormat format = FlowLogFormat.V2_DEFAULT;
        if (flowLogFormat != null) {
            try {
                format = FlowLogFormat.parse(flowLogFormat);
            } catch (IllegalArgumentException e) {
                throw new UserError("--flow-log-format: " + e.getMessage()
                        + "; give the flow log's LogFormat, e.g. '${version} ${account-id} ${interface-id} …'", e);
            }
        }
        return ThreatSetup.build(intel, awsIpRanges, inventory, networkSettings, baselineSettings, learning,
                !noBaselines, err).withHeaderlessFlowFormat(format);
    }

    /** What the scan runs beside the Sigma rules. */
    record ThreatSetup(IpReputation intel, FlowDetections flows, ApiThreatDetections api, BaselineSettings baselines,
                       List<String> notes, FlowLogFormat headerlessFlowFormat) {

        ThreatSetup withHeaderlessFlowFormat(FlowLogFormat format) {
            return new ThreatSetup(intel, flows, api, baselines, notes, format);
        }

        static ThreatSetup build(List<Path> intelPaths, Path awsIpRanges, List<Path> inventoryPaths,
                                 Path networkSettings, Path baselineSettings, Duration learning, boolean baselinesOn,
                                 PrintStream err) {
            List<String> notes = new ArrayList<>();
            for (Path p : intelPaths) {
                requireExists(p, "--intel");
            }
            IpReputation intel = IpReputation.NONE;
            if (!intelPaths.isEmpty()) {
                List<Problem> problems = new ArrayList<>();
                ThreatIntel loaded = ThreatIntel.load(intelPaths, problems::add);
                reportProblems("threat intelligence", problems, err);
                notes.add(String.format(java.util.Locale.ROOT, "threat intelligence: %,d indicators in %d sets",
                        loaded.size(), loaded.sets().size()));
                intel = loaded;
            }
            AwsAddressRanges ranges = null;
            if (awsIpRanges != null) {
                requireExists(awsIpRanges, "--aws-ip-ranges");
                List<Problem> problems = new ArrayList<>();
                ranges = AwsAddressRanges.load(awsIpRanges, problems::add);
                reportProblems("AWS address ranges", problems, err);
                notes.add(String.format(java.util.Locale.ROOT, "AWS address ranges: %,d prefixes", ranges.size()));
            }
            NetworkPolicy policy = NetworkPolicy.NONE;
            InstanceAddresses addresses = null;
            if (!inventoryPaths.isEmpty()) {
                Inventory inv = PostureInputs.read(inventoryPaths, null).inventory();
                policy = InventoryNetworkPolicy.of(inv);
                addresses = InstanceAddressesFromInventory.of(inv);
                notes.add(String.format(java.util.Locale.ROOT, "inventory: %,d resources (security groups, network "
                        + "ACLs, interfaces, instances)", inv.size()));
            }
            // the scan reads cited flow lines back from their files at the end (EvidenceRestorer), so the detections
            // need not keep every candidate record in memory; a settings file may still ask for the text
            FlowDetectionSettings flowSettings = FlowDetectionSettings.defaults().withoutEvidenceText();
            if (networkSettings != null) {
                requireExists(networkSettings, "--network-settings");
                try {
                    flowSettings = FlowDetectionSettings.load(networkSettings);
                } catch (FlowSettingsException e) {
                    throw new UserError("--network-settings: " + e.getMessage(), e);
                }
            }
            BaselineSettings base = null;
            if (baselinesOn) {
                base = BaselineSettings.defaults();
                if (baselineSettings != null) {
                    requireExists(baselineSettings, "--baseline-settings");
                    try {
                        base = BaselineSettings.load(baselineSettings);
                    } catch (BaselineConfigException e) {
                        throw new UserError("--baseline-settings: " + e.getMessage(), e);
                    }
                }
                if (learning != null) {
                    base = base.withLearningPeriod(learning);
                }
            }
            if (learning != null) {
                flowSettings = flowSettings.withLearningPeriod(learning);
            }
            return new ThreatSetup(intel, new FlowDetections(flowSettings, intel, policy),
                    new ApiThreatDetections(intel, ranges, addresses), base, notes, FlowLogFormat.V2_DEFAULT);
        }

        private static void requireExists(Path p, String option) {
            if (!Files.exists(p)) {
                throw new UserError(option + " " + p + " does not exist; check the path");
            }
        }

        private static void reportProblems(String what, List<Problem> problems, PrintStream err) {
            int shown = 0;
            for (Problem p : problems) {
                if (shown++ == 20) {
                    err.println("vigil: " + what + ": " + (problems.size() - 20) + " more problems not shown");
                    break;
                }
                err.println(TerminalText.sanitize("vigil: " + what + ": " + p.location() + ": " + p.message()));
            }
        }
    }
}
