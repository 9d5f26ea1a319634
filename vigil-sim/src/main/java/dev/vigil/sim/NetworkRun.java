package dev.vigil.sim;

import dev.vigil.sim.PostureOrg.Host;

import java.nio.file.Path;
import java.util.List;

/**
 * The network half of a simulation run: the flow logs of every VPC that has one, the injected network scenarios,
 * the indicator sets and AWS address ranges they are judged against, and {@code network-labels.jsonl}.
 *
 * @param records flow-log records written (benign, scenario and NODATA)
 * @param files   flow-log files written
 * @param bytes   their compressed size
 * @param peakWindowRecords the most records held in memory at once (one window's)
 */
record NetworkRun(long records, long files, long bytes, long peakWindowRecords) {

    static NetworkRun write(Path outDir, Path logs, PostureOrg org, ThreatIntel intel, EstateSimulator.Options options,
                            List<LabelledRecord> scenarioRecords) {
        long start = options.start().getEpochSecond();
        long span = options.span().toSeconds();
        List<Host> hosts = org.hosts().stream().filter(h -> h.vpc().flowLogId() != null).toList();
        long windows = Math.max(1, (span + FlowLogWriter.WINDOW_SECONDS - 1) / FlowLogWriter.WINDOW_SECONDS);
        BenignFlows benign = new BenignFlows(hosts, org.estate().corporateIps(), org.regions(), options.seed(),
                (double) options.flowRecords() / windows);
        List<NetworkScenario> scenarios = NetworkScenarios.plan(hosts, intel, start, span, options.seed());
        FlowLogWriter writer = new FlowLogWriter(logs, options.seed());
        writer.write(hosts, benign, scenarios, start, start + span);
        IntelFiles.write(outDir, intel, options.start().toEpochMilli(), options.seed());
        AwsIpRanges.write(outDir, org.regions(), options.start().toEpochMilli() - 86_400_000L);
        NetworkLabels.write(outDir, scenarios, scenarioRecords);
        return new NetworkRun(writer.records(), writer.files(), writer.bytes(), writer.peakWindowRecords());
    }
}
