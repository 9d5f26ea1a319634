package dev.vigil.sim;

import dev.vigil.sim.PostureOrg.Flaw;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.vigil.sim.Json.obj;

/**
 * Writes everything {@code vigil posture OUT} reads for the simulated organisation: AWS Config snapshot and history
 * files ({@link ConfigExport}), the supplementary AWS CLI exports ({@link SupplementaryExport}), the posture policy
 * ({@code posture-policy.yaml}), and {@code posture-labels.jsonl}, one line per deliberate misconfiguration naming
 * the check that must FAIL and where.
 */
final class PostureExport {

    static final String POLICY_FILE = "posture-policy.yaml";
    static final String LABELS_FILE = "posture-labels.jsonl";

    private PostureExport() {
    }

    /** What was written. */
    record Written(List<Path> configFiles, List<Path> supplementaryFiles, Path policyFile, Path labelsFile,
                   List<Flaw> flaws) {
    }

    static Written write(Path outDir, Estate estate, long seed, long startMillis, long endMillis,
                         List<LabelledRecord> scenarioRecords) {
        PostureOrg org = PostureOrgFactory.build(estate, seed, startMillis, endMillis, scenarioRecords,
                FleetFactory.build(estate, seed, startMillis));
        return write(outDir, org, seed, scenarioRecords);
    }

    /** Writes the exports of an organisation model already built (the simulator shares it with the flow logs). */
    static Written write(Path outDir, PostureOrg org, long seed, List<LabelledRecord> scenarioRecords) {
        Map<String, String> detectors = GuardDutyExport.detectorIds(seed, scenarioRecords);
        List<Path> config = ConfigExport.write(outDir, org, seed);
        List<Path> supplementary = SupplementaryExport.write(outDir, org, seed, detectors);
        Path policy = outDir.resolve(POLICY_FILE);
        SideFiles.write(policy, PosturePolicyYaml.render(org));
        Path labels = outDir.resolve(LABELS_FILE);
        SideFiles.write(labels, labels(org.flaws()));
        return new Written(config, supplementary, policy, labels, org.flaws());
    }

    static String labels(List<Flaw> flaws) {
        StringBuilder out = new StringBuilder();
        for (Flaw f : flaws) {
            out.append(TreeJson.string(obj("check", f.check(), "account", f.account(), "region", f.region(),
                    "resource", f.resource(), "why", f.why()))).append('\n');
        }
        return out.toString();
    }
}
