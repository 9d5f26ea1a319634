package dev.vigil.engine;

import dev.vigil.engine.testing.Detections;
import dev.vigil.engine.testing.JsonEvent;
import dev.vigil.engine.testing.SharedData;
import dev.vigil.model.DetectionInfo;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the whole built-in pack over the real CloudTrail records of every Stratus Red Team detonation. The expected
 * map is exhaustive: a rule that fires on a file not listed for it is a false positive to decide about, and a
 * technique file without an entry fails the test.
 */
class StratusDetonationsTest {

    private static final Map<String, Set<String>> EXPECTED = Map.ofEntries(
            entry("aws.credential-access.ec2-get-password-data",
                    Set.of("vigil-unauthorized-api-calls-burst", "vigil-ec2-password-data-burst")),
            entry("aws.credential-access.ec2-steal-instance-credentials", Set.of()),
            entry("aws.credential-access.secretsmanager-batch-retrieve-secrets", Set.of()),
            entry("aws.credential-access.secretsmanager-retrieve-secrets", Set.of("vigil-secrets-bulk-read")),
            entry("aws.credential-access.ssm-retrieve-securestring-parameters", Set.of()),
            entry("aws.defense-evasion.cloudtrail-delete", Set.of("vigil-cloudtrail-trail-deleted")),
            entry("aws.defense-evasion.cloudtrail-event-selectors", Set.of("vigil-cloudtrail-trail-changed")),
            entry("aws.defense-evasion.cloudtrail-stop", Set.of("vigil-cloudtrail-logging-stopped")),
            entry("aws.defense-evasion.dns-delete-logs", Set.of("vigil-route53-resolver-query-logging-deleted")),
            entry("aws.defense-evasion.organizations-leave", Set.of("vigil-organizations-leave-attempted")),
            entry("aws.defense-evasion.vpc-remove-flow-logs", Set.of("vigil-vpc-flow-logs-deleted")),
            entry("aws.discovery.ec2-download-user-data", Set.of("vigil-unauthorized-api-calls-burst")),
            entry("aws.execution.ec2-launch-unusual-instances", Set.of()),
            entry("aws.execution.ec2-user-data", Set.of("vigil-ec2-user-data-modified")),
            entry("aws.execution.ssm-send-command", Set.of()),
            entry("aws.execution.ssm-start-session", Set.of()),
            entry("aws.exfiltration.ec2-security-group-open-port-22-ingress",
                    Set.of("vigil-ec2-security-group-changed", "vigil-ec2-security-group-opened-to-internet")),
            entry("aws.exfiltration.ec2-share-ami", Set.of("vigil-ec2-ami-shared")),
            entry("aws.exfiltration.ec2-share-ebs-snapshot", Set.of("vigil-ec2-snapshot-shared")),
            entry("aws.exfiltration.rds-share-snapshot", Set.of("vigil-rds-snapshot-shared")),
            entry("aws.impact.bedrock-invoke-model", Set.of()),
            entry("aws.initial-access.console-login-without-mfa", Set.of("vigil-console-login-without-mfa")),
            entry("aws.lateral-movement.ec2-instance-connect", Set.of()),
            entry("aws.lateral-movement.ec2-serial-console-send-ssh-public-key",
                    Set.of("vigil-ec2-serial-console-access-enabled")),
            entry("aws.persistence.iam-backdoor-role", Set.of("vigil-iam-role-trust-policy-changed")),
            entry("aws.persistence.iam-backdoor-user", Set.of("vigil-iam-access-key-created")),
            entry("aws.persistence.iam-create-admin-user",
                    Set.of("vigil-iam-policy-changed", "vigil-iam-user-created", "vigil-iam-access-key-created")),
            entry("aws.persistence.iam-create-backdoor-role", Set.of("vigil-iam-policy-changed")),
            entry("aws.persistence.iam-create-user-login-profile", Set.of("vigil-iam-login-profile-changed")),
            entry("aws.persistence.lambda-backdoor-function", Set.of("vigil-lambda-function-made-public")),
            entry("aws.persistence.lambda-layer-extension", Set.of()),
            entry("aws.persistence.lambda-overwrite-code", Set.of()),
            entry("aws.persistence.rolesanywhere-create-trust-anchor",
                    Set.of("vigil-rolesanywhere-trust-anchor-created")),
            entry("aws.persistence.sts-federation-token", Set.of()),
            entry("aws.privilege-escalation.iam-update-user-login-profile",
                    Set.of("vigil-iam-login-profile-changed")));

    @Test
    void eachTechniqueRaisesExactlyTheExpectedDetections() throws IOException {
        Map<String, Set<String>> actual = new TreeMap<>();
        for (Path file : techniqueFiles()) {
            String technique = file.getFileName().toString().replaceFirst("\\.json$", "");
            actual.put(technique, Detections.firing(DetectionSet.builtIn(), JsonEvent.readFile(file)));
        }
        assertThat(actual.keySet()).as("technique files").containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
        actual.forEach((technique, firing) ->
                assertThat(firing).as("detections on %s", technique).isEqualTo(EXPECTED.get(technique)));
    }

    @Test
    void expectedDetectionsExist() {
        Set<String> known = new HashSet<>();
        for (DetectionInfo d : DetectionSet.builtIn().detections()) {
            known.add(d.id());
        }
        EXPECTED.values().forEach(ids -> assertThat(known).containsAll(ids));
    }

    private static List<Path> techniqueFiles() throws IOException {
        try (Stream<Path> files = Files.list(SharedData.stratus())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
    }
}
