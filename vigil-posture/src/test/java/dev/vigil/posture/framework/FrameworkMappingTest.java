package dev.vigil.posture.framework;

import dev.vigil.posture.check.BuiltInChecks;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The built-in frameworks map only real check ids, and every check moves at least one framework's score. */
class FrameworkMappingTest {

    /** The check ids of the posture contract, kept as a test resource. */
    static Set<String> contractIds() throws IOException {
        try (InputStream in = FrameworkMappingTest.class.getResourceAsStream("/posture/expected-check-ids.txt")) {
            assertThat(in).as("expected-check-ids.txt").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .collect(Collectors.toCollection(LinkedHashSet::new));
        }
    }

    @Test
    void everyBuiltInFrameworkMapsOnlyTheContractsCheckIds() throws IOException {
        FrameworkValidator validator = new FrameworkValidator(FrameworkLoader.builtIns());
        assertThat(validator.problems(contractIds())).isEmpty();
    }

    @Test
    void everyBuiltInFrameworkMapsOnlyBuiltInChecks() {
        Set<String> ids = BuiltInChecks.all().stream().map(c -> c.metadata().id())
                .collect(Collectors.toCollection(TreeSet::new));
        FrameworkValidator validator = new FrameworkValidator(FrameworkLoader.builtIns());
        assertThat(validator.problems(ids)).isEmpty();
        List<String> unmapped = validator.unmapped(ids);
        System.out.println("Built-in checks no framework maps: " + unmapped);
        assertThat(unmapped).isEmpty();
    }

    @Test
    void everyBuiltInCheckMergedSoFarIsInTheContractList() throws IOException {
        // Until every check section has merged, this keeps the contract list (which the frameworks are validated
        // against above) honest about the catalogue that exists.
        Set<String> contract = contractIds();
        for (var check : BuiltInChecks.all()) {
            assertThat(contract).as("check id missing from expected-check-ids.txt").contains(check.metadata().id());
        }
    }

    @Test
    void everyContractCheckIsMappedByAtLeastOneFramework() throws IOException {
        List<String> unmapped = new FrameworkValidator(FrameworkLoader.builtIns()).unmapped(contractIds());
        System.out.println("Contract checks no framework maps: " + unmapped);
        assertThat(unmapped).isEmpty();
    }

    @Test
    void theValidatorNamesTheFileRequirementAndLineOfAnUnknownId() {
        Framework f = FrameworkLoader.parse(FrameworkLoaderTest.ONE.replace("[cloudtrail.log_file_validation]",
                "[cloudtrail.log_file_validation, cloudtrail.made_up]"), "mine.yaml");
        FrameworkValidator v = new FrameworkValidator(List.of(f));
        assertThat(v.problems(Set.of("cloudtrail.log_file_validation"))).containsExactly(
                "mine.yaml: unknown check ids: cloudtrail.made_up (requirement 1.10, line 5)");
        assertThatThrownBy(() -> v.requireKnownChecks(Set.of("cloudtrail.log_file_validation")))
                .hasMessageContaining("cloudtrail.made_up").hasMessageContaining("docs/posture-checks.md");
        assertThat(v.problems(Set.of("cloudtrail.log_file_validation", "cloudtrail.made_up"))).isEmpty();
        assertThat(v.unmapped(List.of("cloudtrail.made_up", "s3.tls_only", "cloudtrail.log_file_validation")))
                .containsExactly("s3.tls_only");
    }

    @Test
    void theLoggingMonitoringEncryptionAndResilienceChecksAreMappedWidely() throws IOException {
        // Each family the practice cares about should reach most frameworks, not only one.
        List<Framework> all = FrameworkLoader.builtIns();
        for (String check : List.of("cloudtrail.multi_region_trail", "rds.storage_encrypted",
                "s3.tls_only", "guardduty.enabled_all_regions")) {
            long frameworks = all.stream().filter(f -> f.checkIds().contains(check)).count();
            assertThat(frameworks).as(check).isGreaterThanOrEqualTo(5);
        }
        for (String check : List.of("backup.plan_rules", "rds.backup_retention", "dynamodb.point_in_time_recovery")) {
            long frameworks = all.stream().filter(f -> f.checkIds().contains(check)).count();
            assertThat(frameworks).as(check).isGreaterThanOrEqualTo(4);
        }
        assertThat(contractIds()).hasSize(58);
    }

}
