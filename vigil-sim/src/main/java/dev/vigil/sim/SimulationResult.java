package dev.vigil.sim;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@link EstateSimulator#write} produced.
 *
 * @param logsDir       the bucket root: {@code OUT/logs}, holding only {@code AWSLogs/…/*.json.gz}
 * @param labelsFile    {@code OUT/labels.jsonl}, one line per scenario record
 * @param scenariosFile {@code OUT/scenarios.json}, the injected scenarios
 * @param events        records written (benign and scenario)
 * @param files         log files written
 * @param bytes         compressed size of the log files
 * @param scenarios     the injected scenarios, as in {@code scenarios.json}
 * @param flowRecords   VPC flow-log records written (benign, injected scenarios and NODATA lines)
 * @param flowFiles     flow-log files written (one per flow log and 5-minute window with traffic)
 * @param flowBytes     compressed size of the flow-log files
 */
public record SimulationResult(Path logsDir, Path labelsFile, Path scenariosFile, long events, long files,
                               long bytes, List<Scenario> scenarios, long flowRecords, long flowFiles,
                               long flowBytes) {

    public SimulationResult {
        Objects.requireNonNull(logsDir, "logsDir");
        Objects.requireNonNull(labelsFile, "labelsFile");
        Objects.requireNonNull(scenariosFile, "scenariosFile");
        scenarios = List.copyOf(scenarios);
    }

    /** A result without flow logs, as before flow logs were simulated. */
    public SimulationResult(Path logsDir, Path labelsFile, Path scenariosFile, long events, long files, long bytes,
                            List<Scenario> scenarios) {
        this(logsDir, labelsFile, scenariosFile, events, files, bytes, scenarios, 0, 0, 0);
    }

    /**
     * {@code OUT/intel}: the indicator sets (plain list, CSV, STIX 2.1, MISP, Tor exit and relay lists) and
     * {@code intel.yaml} naming them; pass {@link #intelConfigFile()} to the scan.
     */
    public Path intelDir() {
        return scenariosFile.resolveSibling("intel");
    }

    /** {@code OUT/intel/intel.yaml}: name, file, format, category, confidence and expiry of every indicator set. */
    public Path intelConfigFile() {
        return intelDir().resolve("intel.yaml");
    }

    /** {@code OUT/aws-ip-ranges.json}: the AWS prefixes the estate uses, in the layout of AWS's ip-ranges.json. */
    public Path awsIpRangesFile() {
        return scenariosFile.resolveSibling("aws-ip-ranges.json");
    }

    /**
     * {@code OUT/network-labels.jsonl}: one line per injected network scenario ({@code "kind":"flow"}) and per
     * expected API-side finding ({@code "kind":"api"}): scenario, GuardDuty-style type, account, region, resource
     * (instance id or principal ARN), peer address, start and end.
     */
    public Path networkLabelsFile() {
        return scenariosFile.resolveSibling("network-labels.jsonl");
    }

    /**
     * {@code OUT/guardduty}: the GuardDuty findings the organisation's detectors exported for the scenarios, laid
     * out as GuardDuty's S3 publishing destination writes them ({@code AWSLogs/ACCOUNT/GuardDuty/REGION/…jsonl.gz}).
     */
    public Path guardDutyDir() {
        return scenariosFile.resolveSibling("guardduty");
    }

    /** {@code OUT/estate.json}: the organisation's accounts, regions, trails, buckets and principals. */
    public Path estateFile() {
        return scenariosFile.resolveSibling("estate.json");
    }

    /** {@code OUT/config}: AWS Config snapshot and history files, laid out as Config's delivery channel writes them. */
    public Path configDir() {
        return scenariosFile.resolveSibling("config");
    }

    /** {@code OUT/supplementary}: AWS CLI exports by account and region, as {@code vigil posture} reads them. */
    public Path supplementaryDir() {
        return scenariosFile.resolveSibling("supplementary");
    }

    /** {@code OUT/posture-policy.yaml}: the simulated organisation's posture policy. */
    public Path posturePolicyFile() {
        return scenariosFile.resolveSibling("posture-policy.yaml");
    }

    /**
     * {@code OUT/posture-labels.jsonl}: one {@code {"check","account","region","resource","why"}} line per deliberate
     * misconfiguration, naming the posture check that must FAIL there.
     */
    public Path postureLabelsFile() {
        return scenariosFile.resolveSibling("posture-labels.jsonl");
    }
}
