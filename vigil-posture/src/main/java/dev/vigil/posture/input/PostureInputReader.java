package dev.vigil.posture.input;

import dev.vigil.formats.flowlog.FlowLogSniffer;
import dev.vigil.posture.check.PosturePolicy;
import dev.vigil.posture.check.RootUse;
import dev.vigil.posture.inventory.Inventory;
import dev.vigil.posture.inventory.history.ApiCallIndex;
import dev.vigil.posture.inventory.history.ConfigHistory;
import dev.vigil.posture.supplement.Supplements;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the offline posture inputs: walks the named files and directories and takes each file for what its content
 * says it is (AWS Config snapshot/history files and configservice API output, CloudTrail logs), except supplementary
 * exports, found by their path under a {@code supplementary} directory, and the policy file, found by its name
 * {@code posture-policy.yaml}. Anything else is skipped with a problem naming the file. See docs/posture-input.md.
 *
 * <p>Reading never stops at a bad file or item: it is skipped, recorded in the summary with its position, and the
 * rest is read. The one exception is the policy file, whose errors throw {@link PolicyFileException}: a policy the
 * user wrote but that cannot be applied must not silently become the defaults.
 */
public final class PostureInputReader {

    private PostureInputReader() {
    }

    /**
     * Reads everything under {@code paths} with the default limits.
     *
     * @param policyFile a policy file named explicitly ({@code --policy}); it wins over any found among the inputs
     * @throws PolicyFileException when the policy file is invalid, or several are found and none is named
     */
    public static PostureInput read(List<Path> paths, Optional<Path> policyFile) {
        return read(paths, policyFile, ReadLimits.DEFAULT);
    }

    /** As {@link #read(List, Optional)} with explicit limits. */
    public static PostureInput read(List<Path> paths, Optional<Path> policyFile, ReadLimits limits) {
        return new Run(limits).read(paths, policyFile);
    }

    /** One reading pass; holds what has been gathered so far. */
    private static final class Run {
        private final ReadLimits limits;
        private final ReadTally tally;
        private final Inventory inventory = new Inventory();
        private final Supplements supplements = new Supplements();
        private final ConfigHistory.Builder history = ConfigHistory.builder();
        private final List<RootUse> rootUses = new ArrayList<>();
        private final ApiCallIndex calls;
        private final ConfigFileReader configReader;
        private final SupplementReader supplementReader;
        private final CloudTrailInputReader cloudTrailReader;

        Run(ReadLimits limits) {
            this.limits = limits;
            this.tally = new ReadTally(limits.maxProblems());
            this.calls = new ApiCallIndex(limits.maxApiCalls(), 64);
            this.configReader = new ConfigFileReader(limits);
            this.supplementReader = new SupplementReader(limits);
            this.cloudTrailReader = new CloudTrailInputReader(limits, calls, rootUses);
        }

        PostureInput read(List<Path> paths, Optional<Path> policyFile) {
            List<InputFiles.Found> files = InputFiles.expand(paths, tally);
            PosturePolicy policy = policy(files, policyFile);
            for (InputFiles.Found f : files) {
                if (isPolicyFile(f.path())) {
                    continue; // handled above
                }
                if (SupplementReader.isSupplement(f.path())) {
                    supplementReader.read(f.path(), f.display(), tally).ifPresent(doc -> {
                        supplements.doc(doc.account(), doc.region(), doc.service(), doc.operation(), doc.subject())
                                .filter(earlier -> !earlier.body().equals(doc.body()))
                                .ifPresent(earlier -> tally.problem(f.display(), "", "duplicate-export",
                                        "exports the same call as " + earlier.source() + " with a different "
                                                + "answer; this later one (in reading order) is used — keep one "
                                                + "export per call, or the verdict depends on argument order"));
                        supplements.add(doc);
                        tally.fileRead(InputKind.SUPPLEMENT);
                    });
                } else if (isYaml(f.path())) {
                    tally.fileIgnored(f.display(), "not-posture-input", "a YAML file other than "
                            + PosturePolicyReader.FILE_NAME + "; ignored it");
                } else if (!f.named() && !InputFiles.mayHoldPostureData(f.path())) {
                    tally.fileIgnored(f.display(), "not-posture-input", "not a .json, .jsonl or .gz file; ignored it");
                } else if (FlowLogSniffer.worthSniffing(f.path()) && FlowLogSniffer.isFlowLog(f.path())) {
                    // a log bucket holds flow logs beside CloudTrail; they are vigil scan's, not posture data
                    tally.fileIgnored(f.display(), "not-posture-input", "a VPC flow-log file (vigil scan reads "
                            + "those); ignored it");
                } else {
                    readByContent(f);
                }
            }
            ConfigHistory built = history.calls(calls).build();
            return new PostureInput(inventory, supplements, policy, rootUses, built,
                    tally.summary(calls.size(), rootUses.size()));
        }

        private void readByContent(InputFiles.Found f) {
            ConfigFileReader.Outcome outcome = configReader.read(f.path(), f.display(), item -> {
                inventory.add(item.resource());
                history.add(item.resource(), item.stateId());
            }, tally);
            switch (outcome) {
                case ConfigFileReader.Outcome.Config c -> tally.fileRead(c.kind());
                case ConfigFileReader.Outcome.CloudTrail ct -> {
                    if (cloudTrailReader.read(f.path(), f.display(), tally)) {
                        tally.fileRead(InputKind.CLOUDTRAIL);
                    } else {
                        tally.fileSkipped(); // the CloudTrail reader said why (or it is a digest file)
                    }
                }
                case ConfigFileReader.Outcome.Skipped s -> {
                    if (s.reason().equals("not-posture-input") || s.reason().equals("not-json-object")) {
                        tally.fileIgnored(f.display(), s.reason(), s.message());
                    } else {
                        tally.fileSkipped(f.display(), s.reason(), s.position(), s.message());
                    }
                }
            }
        }

        private PosturePolicy policy(List<InputFiles.Found> files, Optional<Path> explicit) {
            List<InputFiles.Found> found = files.stream().filter(f -> isPolicyFile(f.path())).toList();
            PosturePolicyReader reader = new PosturePolicyReader(limits);
            if (explicit.isPresent()) {
                for (InputFiles.Found f : found) {
                    if (!f.path().toAbsolutePath().normalize().equals(explicit.get().toAbsolutePath().normalize())) {
                        tally.fileSkipped(f.display(), "policy-overridden", "", "not used: the policy file "
                                + explicit.get() + " was named explicitly");
                    }
                }
                PosturePolicy p = reader.read(explicit.get());
                tally.fileRead(InputKind.POLICY);
                return p;
            }
            if (found.size() > 1) {
                List<PolicyError> errors = new ArrayList<>();
                for (InputFiles.Found f : found) {
                    errors.add(new PolicyError(f.display(), 0, "", "one of " + found.size() + " policy files among "
                            + "the inputs; keep one, or name the one to use with --policy"));
                }
                throw new PolicyFileException(errors);
            }
            if (found.size() == 1) {
                PosturePolicy p = reader.read(found.get(0).path());
                tally.fileRead(InputKind.POLICY);
                return p;
            }
            return PosturePolicy.defaults();
        }

        private static boolean isPolicyFile(Path p) {
            Path name = p.getFileName();
            return name != null && name.toString().equals(PosturePolicyReader.FILE_NAME);
        }

        private static boolean isYaml(Path p) {
            String name = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
            return name.endsWith(".yaml") || name.endsWith(".yml");
        }
    }
}
