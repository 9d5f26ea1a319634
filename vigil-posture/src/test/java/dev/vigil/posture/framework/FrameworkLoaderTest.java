package dev.vigil.posture.framework;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FrameworkLoaderTest {

    static final String ONE = """
            id: mine
            name: My baseline
            version: "1"
            requirements:
              - id: "1.10"
                title: Trails validate their files
                section: Logging
                responsibility: customer
                checks: [cloudtrail.log_file_validation]
              - id: P.1
                title: Data centres are guarded
                section: Physical
                responsibility: aws
                manual: true
                evidence: AWS's SOC 2 report.
            """;

    @Test
    void everyBuiltInFrameworkLoadsWithItsIdAndHasAutomatedAndManualRequirements() {
        List<Framework> all = FrameworkLoader.builtIns();
        assertThat(all).extracting(Framework::id).containsExactlyElementsOf(FrameworkLoader.BUILT_IN_IDS);
        for (Framework f : all) {
            assertThat(f.source()).isEqualTo("classpath:posture/frameworks/" + f.id() + ".yaml");
            assertThat(f.requirements()).as(f.id()).anyMatch(r -> !r.manual()).anyMatch(Requirement::manual);
            assertThat(f.version()).as(f.id()).isNotBlank();
            assertThat(f.requirements()).as(f.id() + " titles stay short")
                    .allMatch(r -> r.title().length() <= 80);
        }
    }

    @Test
    void theResourceDirectoryHoldsExactlyTheListedBuiltIns() throws IOException, URISyntaxException {
        URL dir = getClass().getClassLoader().getResource(FrameworkLoader.RESOURCE_DIR);
        assertThat(dir).isNotNull();
        List<String> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of(dir.toURI()))) {
            s.forEach(p -> files.add(p.getFileName().toString()));
        }
        assertThat(files).containsExactlyInAnyOrderElementsOf(
                FrameworkLoader.BUILT_IN_IDS.stream().map(id -> id + ".yaml").toList());
    }

    @Test
    void theSharedResponsibilityLabelsAreAllUsed() {
        List<Responsibility> used = FrameworkLoader.builtIns().stream()
                .flatMap(f -> f.requirements().stream()).map(Requirement::responsibility).distinct().toList();
        assertThat(used).containsExactlyInAnyOrder(Responsibility.values());
    }

    @Test
    void whatAwsCarriesIsManualBecauseVigilCannotSeeInsideAws() {
        for (Framework f : FrameworkLoader.builtIns()) {
            assertThat(f.requirements()).as(f.id())
                    .filteredOn(r -> r.responsibility() == Responsibility.AWS).allMatch(Requirement::manual);
        }
    }

    @Test
    void readsAUserFileKeepingIdsAsWrittenAndLines(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mine.yaml");
        Files.writeString(file, ONE.replace("\"1.10\"", "1.10"));
        Framework f = FrameworkLoader.load(file);
        assertThat(f.id()).isEqualTo("mine");
        assertThat(f.displayName()).isEqualTo("My baseline 1");
        assertThat(f.requirements().get(0).id()).as("an unquoted 1.10 must not become the number 1.1").isEqualTo("1.10");
        assertThat(f.requirements().get(0).line()).isEqualTo(5);
        assertThat(f.requirements().get(1).responsibility()).isEqualTo(Responsibility.AWS);
        assertThat(f.requirements().get(1).evidence()).isEqualTo("AWS's SOC 2 report.");
        assertThat(f.sections()).containsExactly("Logging", "Physical");
        assertThat(f.requirementsOf("cloudtrail.log_file_validation")).containsExactly("1.10");
    }

    @Test
    void anUnknownKeyNamesFileLineAndKey() {
        String yaml = ONE.replace("    section: Logging\n", "    section: Logging\n    check: [a.b]\n");
        assertThatThrownBy(() -> FrameworkLoader.parse(yaml, "mine.yaml"))
                .isInstanceOf(FrameworkFileException.class)
                .hasMessageStartingWith("mine.yaml:8: key 'check' is not known in a requirement")
                .hasMessageContaining("checks");
    }

    @Test
    void anUnknownTopLevelKeyIsRefused() {
        assertThatThrownBy(() -> FrameworkLoader.parse("owner: me\n" + ONE, "f.yaml"))
                .hasMessageStartingWith("f.yaml:1: key 'owner' is not known in a framework");
    }

    @Test
    void aDuplicateRequirementIdNamesBothLines() {
        String yaml = ONE.replace("id: P.1", "id: \"1.10\"");
        assertThatThrownBy(() -> FrameworkLoader.parse(yaml, "f.yaml"))
                .hasMessageStartingWith("f.yaml:10: key 'id': requirement '1.10' appears twice (first on line 5)");
    }

    @Test
    void aBadResponsibilityNamesTheLabelsAccepted() {
        String yaml = ONE.replace("responsibility: aws", "responsibility: amazon");
        assertThatThrownBy(() -> FrameworkLoader.parse(yaml, "f.yaml"))
                .hasMessageStartingWith("f.yaml:13: key 'responsibility': 'amazon' is no responsibility")
                .hasMessageContaining("aws, customer or shared");
    }

    @Test
    void aRequirementMustBeMappedOrManualWithEvidence() {
        assertThatThrownBy(() -> FrameworkLoader.parse(ONE.replace("    checks: [cloudtrail.log_file_validation]\n", ""),
                "f.yaml")).hasMessageStartingWith("f.yaml:5: requirement 1.10 has no 'checks'");
        assertThatThrownBy(() -> FrameworkLoader.parse(ONE.replace("    evidence: AWS's SOC 2 report.\n", ""),
                "f.yaml")).hasMessageStartingWith("f.yaml:10: key 'evidence' is missing");
        assertThatThrownBy(() -> FrameworkLoader.parse(ONE.replace("manual: true", "manual: true\n    checks: [a.b]"),
                "f.yaml")).hasMessageContaining("is manual: true and also maps checks");
        assertThatThrownBy(() -> FrameworkLoader.parse(ONE.replace("manual: true", "manual: yes please"),
                "f.yaml")).hasMessageStartingWith("f.yaml:14: key 'manual' must be true or false");
    }

    @Test
    void aMalformedCheckIdIsRefusedAtLoad() {
        assertThatThrownBy(() -> FrameworkLoader.parse(ONE.replace("[cloudtrail.log_file_validation]",
                "[CloudTrail.1]"), "f.yaml"))
                .hasMessageStartingWith("f.yaml:9: key 'checks': 'CloudTrail.1' is not a check id");
    }

    @Test
    void duplicateYamlKeysAndAliasesAreRefused() {
        assertThatThrownBy(() -> FrameworkLoader.parse("id: a\nid: b\n", "f.yaml"))
                .hasMessageStartingWith("f.yaml:2: key 'id' appears twice (first on line 1)");
        String aliased = ONE.replace("section: Logging", "section: &s Logging")
                .replace("section: Physical", "section: *s");
        assertThatThrownBy(() -> FrameworkLoader.parse(aliased, "f.yaml"))
                .hasMessageContaining("aliases");
    }

    @Test
    void brokenYamlAndWrongShapesSayWhere() {
        assertThatThrownBy(() -> FrameworkLoader.parse("id: [unclosed\n", "f.yaml"))
                .isInstanceOf(FrameworkFileException.class).hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> FrameworkLoader.parse("- a\n- b\n", "f.yaml"))
                .hasMessageContaining("the file must be a mapping");
        assertThatThrownBy(() -> FrameworkLoader.parse("", "f.yaml")).hasMessageContaining("empty");
        assertThatThrownBy(() -> FrameworkLoader.parse(ONE.replace("id: mine", "id: Mine Baseline"), "f.yaml"))
                .hasMessageStartingWith("f.yaml:1: key 'id'");
    }

    @Test
    void aMissingUserFileSaysWhatToCheck(@TempDir Path dir) {
        assertThatThrownBy(() -> FrameworkLoader.load(dir.resolve("nope.yaml")))
                .isInstanceOf(FrameworkFileException.class).hasMessageContaining("--framework-file");
    }

    @Test
    void theCatalogueListsBuiltInsThenUserFilesAndRefusesADuplicateId(@TempDir Path dir) throws IOException {
        Path mine = dir.resolve("mine.yaml");
        Files.writeString(mine, ONE);
        FrameworkCatalog catalog = FrameworkCatalog.withFiles(List.of(mine));
        assertThat(catalog.ids()).startsWith(FrameworkLoader.BUILT_IN_IDS.toArray(String[]::new)).endsWith("mine");
        assertThat(catalog.get("gdpr")).isPresent();
        assertThat(catalog.get("nope")).isEmpty();
        assertThat(catalog.select(List.of("soc2", "gdpr"))).extracting(Framework::id).containsExactly("soc2", "gdpr");
        assertThat(catalog.select(List.of())).hasSize(FrameworkLoader.BUILT_IN_IDS.size() + 1);
        assertThatThrownBy(() -> catalog.select(List.of("iso27001"))).hasMessageContaining("--list-frameworks");

        Path clash = dir.resolve("clash.yaml");
        Files.writeString(clash, ONE.replace("id: mine", "id: gdpr"));
        assertThatThrownBy(() -> FrameworkCatalog.withFiles(List.of(clash)))
                .hasMessageContaining(clash.toString()).hasMessageContaining("classpath:posture/frameworks/gdpr.yaml");
    }
}
