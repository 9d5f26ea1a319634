package dev.vigil.posture.input;

import dev.vigil.posture.check.PosturePolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** posture-policy.yaml: every key, strict errors with lines. */
class PolicyReadingTest {

    @TempDir
    Path dir;

    private static final String FULL = """
            # the organisation's answers
            log-archive-account: "012345678901"
            security-account: 222233334444
            enabled-regions: [eu-west-1, eu-central-1]
            allowed-regions:
              - eu-west-1
              - eu-central-1
            critical-buckets: [acme-payments, acme-ledger]
            critical-tag: criticality=high
            data-event-buckets: ["*"]
            expected-scps:
              r-ab12: [DenyLeaveOrganization]
              ou-ab12-34cd56ef: [DenyRegionsOutsideEU, p-0123456789]
            trail-delivery-max-age: 6h
            root-use-window: 30d
            min-backup-retention-days: 14
            required-guardduty-features: [S3_DATA_EVENTS, RUNTIME_MONITORING]
            """;

    @Test
    void everyKeyIsRead() {
        PosturePolicy p = new PosturePolicyReader().read(InputFixtures.write(dir, "posture-policy.yaml", FULL));

        assertThat(p.logArchiveAccount()).as("leading zero kept: read as text, not a number").isEqualTo("012345678901");
        assertThat(p.securityAccount()).isEqualTo("222233334444");
        assertThat(p.enabledRegions()).containsExactly("eu-west-1", "eu-central-1");
        assertThat(p.allowedRegions()).containsExactly("eu-west-1", "eu-central-1");
        assertThat(p.criticalBuckets()).containsExactlyInAnyOrder("acme-payments", "acme-ledger");
        assertThat(p.criticalTag()).isEqualTo("criticality=high");
        assertThat(p.dataEventBuckets()).containsExactly("*");
        assertThat(p.expectedScps()).isEqualTo(Map.of("r-ab12", List.of("DenyLeaveOrganization"),
                "ou-ab12-34cd56ef", List.of("DenyRegionsOutsideEU", "p-0123456789")));
        assertThat(p.trailDeliveryMaxAge()).isEqualTo(Duration.ofHours(6));
        assertThat(p.rootUseWindow()).isEqualTo(Duration.ofDays(30));
        assertThat(p.minBackupRetentionDays()).isEqualTo(14);
        assertThat(p.requiredGuardDutyFeatures()).containsExactly("S3_DATA_EVENTS", "RUNTIME_MONITORING");
    }

    @Test
    void keysLeftOutKeepTheirDefaultsAndAnEmptyFileIsAllDefaults() {
        PosturePolicy p = new PosturePolicyReader().read(InputFixtures.write(dir, "a/posture-policy.yaml",
                "root-use-window: PT48H\n"));
        PosturePolicy empty = new PosturePolicyReader().read(InputFixtures.write(dir, "b/posture-policy.yaml", ""));

        assertThat(p.rootUseWindow()).isEqualTo(Duration.ofHours(48));
        assertThat(p.trailDeliveryMaxAge()).isEqualTo(PosturePolicy.defaults().trailDeliveryMaxAge());
        assertThat(empty).isEqualTo(PosturePolicy.defaults());
    }

    @Test
    void durationsInEveryAcceptedForm() {
        assertThat(PosturePolicyReader.parseDuration("24h")).isEqualTo(Duration.ofHours(24));
        assertThat(PosturePolicyReader.parseDuration("90d")).isEqualTo(Duration.ofDays(90));
        assertThat(PosturePolicyReader.parseDuration("2w")).isEqualTo(Duration.ofDays(14));
        assertThat(PosturePolicyReader.parseDuration("45m")).isEqualTo(Duration.ofMinutes(45));
        assertThat(PosturePolicyReader.parseDuration("PT24H")).isEqualTo(Duration.ofHours(24));
        assertThat(PosturePolicyReader.parseDuration("P90D")).isEqualTo(Duration.ofDays(90));
        assertThat(PosturePolicyReader.parseDuration("ninety days")).isNull();
        assertThat(PosturePolicyReader.parseDuration("24")).isNull();
    }

    @Test
    void everyErrorIsReportedWithFileLineAndKey() {
        Path file = InputFixtures.write(dir, "posture-policy.yaml", """
                log-archive-account: 1234
                allowed-region: [eu-west-1]
                enabled-regions:
                  - eu-west-1
                  - Europe
                root-use-window: ninety days
                critical-tag: high
                min-backup-retention-days: -3
                expected-scps:
                  accounts: [x]
                """);

        PolicyFileException e = catchThrowableOfType(PolicyFileException.class,
                () -> new PosturePolicyReader().read(file));

        assertThat(e.errors()).extracting(PolicyError::line, PolicyError::key).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, "log-archive-account"),
                org.assertj.core.groups.Tuple.tuple(2, "allowed-region"),
                org.assertj.core.groups.Tuple.tuple(5, "enabled-regions"),
                org.assertj.core.groups.Tuple.tuple(6, "root-use-window"),
                org.assertj.core.groups.Tuple.tuple(7, "critical-tag"),
                org.assertj.core.groups.Tuple.tuple(8, "min-backup-retention-days"),
                org.assertj.core.groups.Tuple.tuple(10, "expected-scps"));
        assertThat(e.errors()).allSatisfy(err -> assertThat(err.file()).isEqualTo(file.toString()));
        assertThat(e.errors().get(1).message()).contains("unknown key").contains("allowed-regions");
        assertThat(e.getMessage()).contains(file + ":6: root-use-window: 'ninety days' is not a positive duration");
    }

    @Test
    void wrongShapesAndBrokenYamlAreErrors() {
        Path listForScalar = InputFixtures.write(dir, "a/posture-policy.yaml", "security-account: [1, 2]\n");
        Path scalarForList = InputFixtures.write(dir, "b/posture-policy.yaml", "critical-buckets: acme-payments\n");
        Path duplicate = InputFixtures.write(dir, "c/posture-policy.yaml", "root-use-window: 90d\nroot-use-window: 30d\n");
        Path broken = InputFixtures.write(dir, "d/posture-policy.yaml", "enabled-regions: [eu-west-1\nroot-use-window: 3d\n");
        Path notMapping = InputFixtures.write(dir, "e/posture-policy.yaml", "- eu-west-1\n");

        assertThat(errorsOf(listForScalar).get(0).message()).contains("single value");
        assertThat(errorsOf(scalarForList).get(0).message()).contains("must be a list");
        assertThat(errorsOf(duplicate).get(0)).satisfies(e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.message()).contains("Duplicate");
        });
        assertThat(errorsOf(broken).get(0).message()).contains("not valid YAML");
        assertThat(errorsOf(notMapping).get(0).message()).contains("mapping");
    }

    @Test
    void thePolicyIsFoundAmongTheInputsOrNamedExplicitly() {
        InputFixtures.write(dir, "inputs/posture-policy.yaml", "root-use-window: 10d\n");
        Path named = InputFixtures.write(dir, "elsewhere/strict.yaml", "root-use-window: 1d\n");

        PostureInput found = PostureInputReader.read(List.of(dir.resolve("inputs")), Optional.empty());
        PostureInput explicit = PostureInputReader.read(List.of(dir.resolve("inputs")), Optional.of(named));

        assertThat(found.policy().rootUseWindow()).isEqualTo(Duration.ofDays(10));
        assertThat(found.summary().files(InputKind.POLICY)).isEqualTo(1);
        assertThat(explicit.policy().rootUseWindow()).isEqualTo(Duration.ofDays(1));
        assertThat(explicit.summary().problems()).singleElement()
                .satisfies(p -> assertThat(p.reason()).isEqualTo("policy-overridden"));
    }

    @Test
    void twoPolicyFilesAmongTheInputsAreAmbiguous() {
        InputFixtures.write(dir, "a/posture-policy.yaml", "root-use-window: 10d\n");
        InputFixtures.write(dir, "b/posture-policy.yaml", "root-use-window: 20d\n");

        assertThatThrownBy(() -> PostureInputReader.read(List.of(dir), Optional.empty()))
                .isInstanceOf(PolicyFileException.class)
                .hasMessageContaining("--policy");
    }

    private static List<PolicyError> errorsOf(Path file) {
        return catchThrowableOfType(PolicyFileException.class, () -> new PosturePolicyReader().read(file)).errors();
    }
}
