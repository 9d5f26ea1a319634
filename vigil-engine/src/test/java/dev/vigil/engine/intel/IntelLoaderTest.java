package dev.vigil.engine.intel;

import dev.vigil.model.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Each indicator format, read from hand-written fixtures (src/test/resources/intel) and hostile inputs. */
class IntelLoaderTest {

    static final Path FIXTURES = Path.of("src/test/resources/intel");
    static final long OCT_2026 = Instant.parse("2026-10-01T12:00:00Z").getEpochSecond();

    final List<Problem> problems = new ArrayList<>();

    ThreatIntel load(Path... paths) {
        return ThreatIntel.load(List.of(paths), problems::add);
    }

    List<String> reasons() {
        return problems.stream().map(Problem::reason).toList();
    }

    @Test
    void plainListLoadsGoodLinesAndNamesEachBadOne() {
        ThreatIntel intel = load(FIXTURES.resolve("plain.txt"));
        assertThat(intel.size()).isEqualTo(4);
        IntelMatch m = intel.lookup("198.51.100.7", OCT_2026);
        assertThat(m).isEqualTo(new IntelMatch("plain", IntelCategory.MALICIOUS, 50, "198.51.100.7", true));
        assertThat(intel.lookup("203.0.113.200", OCT_2026).indicator()).isEqualTo("203.0.113.0/24");
        assertThat(intel.lookup("2001:db8:bad:1::5", OCT_2026).indicator()).isEqualTo("2001:db8:bad::/48");
        assertThat(intel.lookup("192.0.2.5", OCT_2026)).isNotNull();
        assertThat(intel.lookup("198.51.100.8", OCT_2026)).isNull();
        assertThat(problems).extracting(Problem::location).containsExactly(
                "src/test/resources/intel/plain.txt#line 8", "src/test/resources/intel/plain.txt#line 9",
                "src/test/resources/intel/plain.txt#line 10", "src/test/resources/intel/plain.txt#line 11",
                "src/test/resources/intel/plain.txt#line 12", "src/test/resources/intel/plain.txt#line 13");
        assertThat(reasons()).containsExactly("invalid-address", "invalid-cidr", "covers-everything", "extra-text",
                "invalid-address", "invalid-address");
    }

    @Test
    void csvReadsColumnsByNameWithConfidenceExpiryAndDomains() {
        ThreatIntel intel = load(FIXTURES.resolve("feed.csv"));
        assertThat(intel.size()).isEqualTo(3);
        assertThat(intel.lookup("198.51.100.20", OCT_2026).confidence()).isEqualTo(90);
        assertThat(intel.lookup("198.51.100.20", Instant.parse("2026-12-31T00:00:00Z").getEpochSecond())).isNull();
        assertThat(intel.lookup("203.0.113.200", OCT_2026).confidence()).isEqualTo(75);
        assertThat(intel.lookup("203.0.113.5", OCT_2026)).isNull();
        assertThat(intel.lookupDomain("BAD.example.", OCT_2026).confidence()).isEqualTo(60);
        assertThat(intel.lookupDomain("www.bad.example", OCT_2026)).isNull();
        assertThat(reasons()).containsExactly("invalid-confidence", "invalid-time", "invalid-csv",
                "missing-indicator", "invalid-address");
        assertThat(problems.get(0).location()).endsWith("feed.csv#line 5");
    }

    @Test
    void csvWithoutAnIndicatorColumnIsOneProblem(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("x.csv"), "foo,bar\n1.2.3.4,x\n");
        ThreatIntel intel = ThreatIntel.load(List.of(f), problems::add);
        assertThat(intel.size()).isZero(); // detected as a plain list: "foo,bar" is not an address
        assertThat(reasons()).containsExactly("invalid-address", "invalid-address");
        problems.clear();
        Path yaml = Files.writeString(dir.resolve("intel.yaml"), "- {name: x, file: x.csv, format: csv}\n");
        assertThat(load(yaml).size()).isZero();
        assertThat(reasons()).containsExactly("missing-indicator-column");
    }

    @Test
    void stixBundleHonoursPatternsValidityConfidenceAndRevocation() {
        ThreatIntel intel = load(FIXTURES.resolve("bundle.json"));
        IntelMatch scanner = intel.lookup("198.51.100.7", OCT_2026);
        assertThat(scanner.confidence()).isEqualTo(85);
        assertThat(intel.lookup("198.51.100.7", Instant.parse("2026-08-31T23:59:59Z").getEpochSecond())).isNull();
        assertThat(intel.lookup("198.51.100.7", Instant.parse("2026-11-01T00:00:00Z").getEpochSecond())).isNull();
        assertThat(intel.lookup("203.0.113.9", OCT_2026).indicator()).isEqualTo("203.0.113.0/24");
        assertThat(intel.lookup("2001:db8:c2::1", OCT_2026).confidence()).isEqualTo(50);
        assertThat(intel.lookupDomain("c2.example", OCT_2026)).isNotNull();
        assertThat(intel.lookup("192.0.2.15", OCT_2026).indicator()).isEqualTo("192.0.2.0/28");
        assertThat(intel.lookup("192.0.2.16", OCT_2026)).isNull();
        assertThat(intel.lookup("192.0.2.100", OCT_2026)).as("AND pattern").isNull();
        assertThat(intel.lookup("192.0.2.200", OCT_2026)).as("revoked").isNull();
        assertThat(intel.lookup("198.51.100.99", OCT_2026)).as("SCO").isNotNull();
        assertThat(reasons()).containsExactly("unsupported-pattern", "invalid-address", "wrong-type", "invalid-time",
                "wrong-type");
        assertThat(problems.get(0).location()).matches(".*bundle\\.json#line \\d+ \\(objects\\[3]\\)");
    }

    @Test
    void brokenJsonKeepsWhatCameBeforeAndSaysWhere(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("b.json"), """
                {"type":"bundle","objects":[
                {"type":"ipv4-addr","value":"198.51.100.1"},
                {"type":"ipv4-addr","value":"198.51.100.2"
                """);
        ThreatIntel intel = load(f);
        assertThat(intel.lookup("198.51.100.1", 0)).isNotNull();
        assertThat(reasons()).containsExactly("invalid-json");
        assertThat(problems.get(0).location()).startsWith(f + "#line ");
    }

    @Test
    void deeplyNestedOrHugeJsonIsRefusedNotFatal(@TempDir Path dir) throws IOException {
        Path deep = Files.writeString(dir.resolve("deep.json"), "{\"objects\":[" + "[".repeat(5000));
        Path big = Files.writeString(dir.resolve("big.json"), "{\"objects\":[{\"type\":\"indicator\",\"pattern\":\""
                + "x".repeat(2 * 1024 * 1024) + "\"}]}");
        ThreatIntel intel = load(deep, big);
        assertThat(intel.size()).isZero();
        assertThat(reasons()).containsExactly("invalid-json", "invalid-json");
    }

    @Test
    void mispEventStreamsAttributesOfEventAndObjects() {
        ThreatIntel intel = load(FIXTURES.resolve("misp-event.json"));
        assertThat(intel.lookup("198.51.100.50", OCT_2026)).isNotNull();
        assertThat(intel.lookup("2001:db8:feed::9", OCT_2026).indicator()).isEqualTo("2001:db8:feed::/64");
        assertThat(intel.lookup("203.0.113.77", OCT_2026)).isNotNull();
        assertThat(intel.lookup("192.0.2.77", OCT_2026)).as("object attribute").isNotNull();
        assertThat(intel.lookupDomain("evil.example", OCT_2026)).isNotNull();
        assertThat(intel.lookup("198.51.100.51", OCT_2026)).as("to_ids false").isNull();
        assertThat(intel.lookup("198.51.100.52", OCT_2026)).as("deleted").isNull();
        assertThat(intel.size()).isEqualTo(5);
        assertThat(reasons()).containsExactly("invalid-address", "wrong-type", "wrong-type");
    }

    @Test
    void mispListOfEventsAndSearchResponse(@TempDir Path dir) throws IOException {
        Path list = Files.writeString(dir.resolve("events.json"), """
                [{"Event":{"Attribute":[{"type":"ip-src","value":"198.51.100.1","to_ids":true}]}},
                 {"Event":{"Attribute":[{"type":"hostname","value":"c2.example","to_ids":"1"}]}}]
                """);
        Path response = Files.writeString(dir.resolve("response.json"), """
                {"response":[{"Event":{"Attribute":[{"type":"domain|ip","value":"x.example|198.51.100.3",
                "to_ids":true}]}}]}
                """);
        ThreatIntel intel = load(list, response);
        assertThat(intel.lookup("198.51.100.1", 0).setName()).isEqualTo("events");
        assertThat(intel.lookupDomain("c2.example", 0)).isNotNull();
        assertThat(intel.lookup("198.51.100.3", 0).setName()).isEqualTo("response");
        assertThat(intel.lookupDomain("x.example", 0)).isNotNull();
        assertThat(problems).isEmpty();
    }

    @Test
    void aMispEventWithTwoHundredThousandAttributesStreams(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("big-event.json");
        try (java.io.Writer out = Files.newBufferedWriter(f)) {
            out.write("{\"Event\":{\"info\":\"big\",\"Attribute\":[");
            for (int i = 0; i < 200_000; i++) {
                out.write((i == 0 ? "" : ",") + "{\"type\":\"ip-dst\",\"to_ids\":true,\"value\":\"10."
                        + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255)
                        + "\",\"Tag\":[{\"name\":\"tlp:white\"}]}");
            }
            out.write("]}}");
        }
        ThreatIntel intel = load(f);
        assertThat(problems).isEmpty();
        assertThat(intel.size()).isEqualTo(200_000);
        assertThat(intel.lookup("10.3.13.63", 0)).isNotNull();
        assertThat(intel.lookup("10.3.13.64", 0)).isNull();
    }

    @Test
    void torExitAddressesAndBulkListAreTorExitSets() {
        ThreatIntel intel = load(FIXTURES.resolve("exit-addresses.txt"), FIXTURES.resolve("torbulkexitlist"));
        IntelMatch m = intel.lookup("198.51.100.161", OCT_2026);
        assertThat(m.category()).isEqualTo(IntelCategory.TOR_EXIT);
        assertThat(intel.lookup("2001:db8:70::1", OCT_2026)).isNotNull();
        assertThat(intel.lookup("198.51.100.162", OCT_2026)).isNull();
        assertThat(intel.lookup("198.51.100.171", OCT_2026).category()).isEqualTo(IntelCategory.TOR_EXIT);
        assertThat(intel.sets()).extracting(IntelSetSummary::name, IntelSetSummary::category,
                IntelSetSummary::addresses).containsExactly(
                org.assertj.core.groups.Tuple.tuple("exit-addresses", IntelCategory.TOR_EXIT, 3),
                org.assertj.core.groups.Tuple.tuple("torbulkexitlist", IntelCategory.TOR_EXIT, 3));
        assertThat(reasons()).containsExactly("unknown-line", "missing-address");
    }

    @Test
    void hugeLinesAreCutAndReportedWithoutStoppingTheFile(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("long.txt"), "198.51.100.1\n" + "9".repeat(10_000_000)
                + "\n198.51.100.2\n");
        ThreatIntel intel = load(f);
        assertThat(intel.size()).isEqualTo(2);
        assertThat(problems).extracting(Problem::location, Problem::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(f + "#line 2", "line-too-long"));
    }

    @Test
    void gzippedFilesAreReadAndDetectedByContent(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("feed.json.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
            out.write(Files.readAllBytes(FIXTURES.resolve("misp-event.json")));
        }
        problems.clear();
        ThreatIntel intel = load(f);
        assertThat(intel.sets().get(0).name()).isEqualTo("feed");
        assertThat(intel.lookup("198.51.100.50", 0)).isNotNull();
    }

    @Test
    void binaryGarbageIsReportedLineByLine(@TempDir Path dir) throws IOException {
        byte[] junk = new byte[3000];
        for (int i = 0; i < junk.length; i++) {
            junk[i] = (byte) (i * 31 + 7);
        }
        Path f = Files.write(dir.resolve("junk.bin"), junk);
        ThreatIntel intel = load(f);
        assertThat(intel.size()).isZero();
        assertThat(problems).isNotEmpty().allSatisfy(p -> assertThat(p.message()).doesNotContain("\u001b"));
    }

    @Test
    void detectsFormatsByContent() {
        assertThat(IntelFormat.detect("{\"type\":\"bundle\",\"objects\":[]}")).isEqualTo(IntelFormat.STIX);
        assertThat(IntelFormat.detect("\n [{\"Event\":{}}]")).isEqualTo(IntelFormat.MISP);
        assertThat(IntelFormat.detect("# tor\nExitNode ABC\n")).isEqualTo(IntelFormat.TOR_EXIT);
        assertThat(IntelFormat.detect("# feed\nip,confidence\n1.2.3.4,5\n")).isEqualTo(IntelFormat.CSV);
        assertThat(IntelFormat.detect("1.2.3.4\n")).isEqualTo(IntelFormat.PLAIN);
        assertThat(IntelFormat.detect("")).isEqualTo(IntelFormat.PLAIN);
    }

    @Test
    void missingFilesAreProblems(@TempDir Path dir) {
        ThreatIntel intel = load(dir.resolve("nope.txt"));
        assertThat(intel.size()).isZero();
        assertThat(reasons()).containsExactly("not-found");
    }
}
