package dev.vigil.engine.intel;

import dev.vigil.model.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** intel.yaml: every key, the defaults, and strict errors with file and line. */
class IntelConfigTest {

    @TempDir
    Path dir;
    final List<Problem> problems = new ArrayList<>();

    @Test
    void everyKeyIsRead() throws IOException {
        Files.writeString(dir.resolve("c2.txt"), "198.51.100.9\n");
        Files.writeString(dir.resolve("tor.txt"), "198.51.100.10\n");
        Path yaml = Files.writeString(dir.resolve("intel.yaml"), """
                # sets for the demo
                - name: c2-servers
                  file: c2.txt
                  format: plain
                  category: command-and-control
                  confidence: 95
                  expires: 2027-01-01T00:00:00Z
                  custom: false
                - name: tor
                  file: tor.txt
                  format: tor-exit
                """);
        ThreatIntel intel = ThreatIntel.load(List.of(yaml), problems::add);
        assertThat(problems).isEmpty();
        assertThat(intel.lookup("198.51.100.9", 0)).isEqualTo(new IntelMatch("c2-servers",
                IntelCategory.COMMAND_AND_CONTROL, 95, "198.51.100.9", false));
        assertThat(intel.lookup("198.51.100.10", 0)).isEqualTo(new IntelMatch("tor", IntelCategory.TOR_EXIT, 50,
                "198.51.100.10", true));
        assertThat(intel.sets()).containsExactly(
                new IntelSetSummary("c2-servers", IntelCategory.COMMAND_AND_CONTROL, 95, false, 1, 0,
                        Instant.parse("2027-01-01T00:00:00Z"), dir.resolve("c2.txt").toString()),
                new IntelSetSummary("tor", IntelCategory.TOR_EXIT, 50, true, 1, 0, null,
                        dir.resolve("tor.txt").toString()));
    }

    @Test
    void badKeysAndValuesAreErrorsAtTheirLineAndOnlyThatSetIsDropped() throws IOException {
        Files.writeString(dir.resolve("a.txt"), "198.51.100.1\n");
        Path yaml = Files.writeString(dir.resolve("intel.yaml"), """
                - name: good
                  file: a.txt
                - name: typo
                  file: a.txt
                  confidnce: 80
                - name: bad-values
                  file: a.txt
                  format: xml
                  category: evil
                  confidence: 101
                  expires: next week
                  custom: yes
                - name: good
                  file: a.txt
                - name: "no spaces please"
                  file: a.txt
                - name: missing
                  file: missing.txt
                - file: a.txt
                - name: nested
                  file: [a.txt]
                """);
        ThreatIntel intel = ThreatIntel.load(List.of(yaml), problems::add);
        assertThat(intel.sets()).extracting(IntelSetSummary::name).containsExactly("good");
        String y = yaml.toString();
        assertThat(problems).extracting(Problem::location, Problem::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(y + "#line 5", "unknown-key"),
                org.assertj.core.groups.Tuple.tuple(y + "#line 8", "invalid-value"),
                org.assertj.core.groups.Tuple.tuple(y + "#line 9", "invalid-value"),
                org.assertj.core.groups.Tuple.tuple(y + "#line 10", "invalid-value"),
                org.assertj.core.groups.Tuple.tuple(y + "#line 11", "invalid-value"),
                org.assertj.core.groups.Tuple.tuple(y + "#line 12", "invalid-value"),
                org.assertj.core.groups.Tuple.tuple(y + "#line 15", "invalid-name"),
                org.assertj.core.groups.Tuple.tuple(y + "#line 19", "invalid-name"),
                org.assertj.core.groups.Tuple.tuple(y + "#line 21", "invalid-value"),
                org.assertj.core.groups.Tuple.tuple(y + "#line 13", "duplicate-set"),
                org.assertj.core.groups.Tuple.tuple(y + "#line 17", "not-found"));
    }

    @Test
    void theListMayStandUnderSetsAndFormatAliasesAreAccepted() throws IOException {
        Files.writeString(dir.resolve("c2.stix.json"), "{\"type\":\"bundle\",\"objects\":[{\"type\":\"indicator\","
                + "\"pattern\":\"[ipv4-addr:value = '198.51.100.9']\",\"pattern_type\":\"stix\"}]}");
        Files.writeString(dir.resolve("tor-exit-addresses"),
                "ExitNode AB\nExitAddress 198.51.100.10 2026-10-01 00:00:00\n");
        Path yaml = Files.writeString(dir.resolve("intel.yaml"), """
                # generated
                sets:
                  - name: c2-servers
                    file: c2.stix.json
                    format: stix2
                    category: command-and-control
                    confidence: 85
                    expires: 2026-10-31T00:00:00Z
                  - name: tor-exits
                    file: tor-exit-addresses
                    format: tor-exit-list
                    category: tor-exit
                    confidence: 95
                """);
        ThreatIntel intel = ThreatIntel.load(List.of(dir), problems::add);
        assertThat(problems).isEmpty();
        assertThat(intel.lookup("198.51.100.9", 0).setName()).isEqualTo("c2-servers");
        assertThat(intel.lookup("198.51.100.10", 0).category()).isEqualTo(IntelCategory.TOR_EXIT);
        Files.writeString(yaml, "sets: []\nextra: 1\n");
        ThreatIntel.load(List.of(yaml), problems::add);
        assertThat(problems).extracting(Problem::reason).containsExactly("unknown-key");
    }

    @Test
    void notAListAnchorsAndBrokenYamlAreReported() throws IOException {
        Path map = Files.writeString(dir.resolve("a.yaml"), "feeds: []\n");
        Path anchors = Files.writeString(dir.resolve("b.yaml"), "- &x {name: a, file: a.txt}\n- *x\n");
        Path broken = Files.writeString(dir.resolve("c.yml"), "- name: [unclosed\n");
        ThreatIntel.load(List.of(map, anchors, broken), problems::add);
        assertThat(problems).extracting(Problem::reason).contains("invalid-config", "invalid-yaml");
        assertThat(problems).extracting(Problem::location).allMatch(l -> l.contains("#line "));
    }

    @Test
    void aDirectoryWithoutConfigurationLoadsEachFileAsASet() throws IOException {
        Files.writeString(dir.resolve("blocklist.txt"), "198.51.100.1\n");
        Files.writeString(dir.resolve("exit-addresses"), "ExitNode AB\nExitAddress 198.51.100.2 2026-10-01 00:00:00\n");
        Files.writeString(dir.resolve("README.md"), "# notes\n");
        Files.writeString(dir.resolve(".hidden"), "junk\n");
        ThreatIntel intel = ThreatIntel.load(List.of(dir), problems::add);
        assertThat(problems).isEmpty();
        assertThat(intel.sets()).extracting(IntelSetSummary::name, IntelSetSummary::category,
                IntelSetSummary::confidence, IntelSetSummary::custom).containsExactly(
                org.assertj.core.groups.Tuple.tuple("blocklist", IntelCategory.MALICIOUS, 50, true),
                org.assertj.core.groups.Tuple.tuple("exit-addresses", IntelCategory.TOR_EXIT, 50, true));
    }
}
