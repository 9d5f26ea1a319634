package dev.vigil.formats.findings;

import dev.vigil.model.Finding;
import dev.vigil.model.ImportedFinding;
import dev.vigil.model.Problem;
import dev.vigil.model.RecordState;
import dev.vigil.model.Severity;
import dev.vigil.model.Workflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FindingFileReaderTest {

    @TempDir
    Path tmp;

    final List<IncomingFinding> found = new ArrayList<>();
    final List<Problem> problems = new ArrayList<>();

    static Path fixture(String name) {
        try {
            return Path.of(FindingFileReaderTest.class.getResource("/findings/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    FindingFileReader.Result read(String name) throws Exception {
        return read(fixture(name), name);
    }

    FindingFileReader.Result read(Path p, String display) throws Exception {
        return new FindingFileReader(FindingFileReader.Limits.DEFAULT, new LongAdder())
                .read(p, display, found::add, problems::add);
    }

    IncomingFinding byProductId(String id) {
        return found.stream().filter(f -> f.origin().productFindingId().equals(id)).findFirst().orElseThrow();
    }

    // ---- GuardDuty

    @Test
    void guardDutyEventBridgeLinesMapTheSpecExampleAndReportBadLinesByNumber() throws Exception {
        FindingFileReader.Result r = read("guardduty-eventbridge.jsonl");

        assertThat(r.findings()).isEqualTo(2);
        assertThat(r.formats()).containsExactly(FindingFormat.GUARDDUTY);
        IncomingFinding api = found.get(0);
        Finding f = api.finding();
        assertThat(f.id()).isEqualTo(ImportedFinding.idFor("GuardDuty", "eeb88ab56556eb7771b266670dddee5a"));
        assertThat(f.rule().id()).isEqualTo("PrivilegeEscalation:IAMUser/AdministrativePermissions");
        assertThat(f.rule().types()).containsExactly("PrivilegeEscalation:IAMUser/AdministrativePermissions");
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.rule().title()).startsWith("Principal AssumedRole:IAMRole attempted");
        assertThat(f.keys()).containsExactly(java.util.Map.entry("productFindingId", "eeb88ab56556eb7771b266670dddee5a"));
        assertThat(f.account()).isEqualTo("123456789012");
        assertThat(f.region()).isEqualTo("us-east-1");
        assertThat(f.principal()).as("the session ARN, as Vigil's CloudTrail detections name it")
                .isEqualTo("arn:aws:sts::123456789012:assumed-role/IAMRole/session");
        assertThat(f.resource()).isEqualTo("arn:aws:iam::123456789012:role/IAMRole");
        assertThat(f.firstSeen()).isEqualTo(Instant.parse("2020-02-14T17:59:17Z"));
        assertThat(f.count()).isEqualTo(1);
        assertThat(f.evidence()).isEmpty();
        assertThat(api.accessKeyId()).isEqualTo("ASIAEXAMPLEKEY000001");
        assertThat(api.resourceType()).isEqualTo("AccessKey");
        assertThat(api.recordState()).contains(RecordState.ACTIVE);
        assertThat(api.workflow()).isEmpty();
        assertThat(api.origin().product()).isEqualTo("GuardDuty");
        assertThat(api.origin().format()).isEqualTo("guardduty");
        assertThat(api.origin().location()).isEqualTo("guardduty-eventbridge.jsonl#line 1");
        // the raw original is the inner finding exactly as sent, not the event
        assertThat(api.origin().rawOriginal()).startsWith("{\"schemaVersion\": \"2.0\"").doesNotContain("detail-type");

        IncomingFinding net = found.get(1);
        assertThat(net.origin().location()).isEqualTo("guardduty-eventbridge.jsonl#line 3");
        assertThat(net.finding().severity()).isEqualTo(Severity.CRITICAL);
        assertThat(net.finding().count()).isEqualTo(42);
        assertThat(net.finding().resource()).isEqualTo("arn:aws:ec2:eu-west-1:210987654321:instance/i-0abc1234def567890");
        assertThat(net.finding().firstSeen()).isEqualTo(Instant.parse("2024-05-30T06:00:00Z"));
        assertThat(net.finding().lastSeen()).isEqualTo(Instant.parse("2024-05-30T07:15:00Z"));
        assertThat(net.recordState()).contains(RecordState.ARCHIVED);

        assertThat(r.skipped()).isEqualTo(2);
        assertThat(problems).extracting(Problem::location)
                .containsExactly("guardduty-eventbridge.jsonl#line 2", "guardduty-eventbridge.jsonl#line 4");
        assertThat(problems.get(0).reason()).isEqualTo("invalid-json");
        assertThat(problems.get(1).reason()).isEqualTo("missing-field");
        assertThat(problems.get(1).message()).contains("'accountId'");
    }

    @Test
    void guardDutyS3ExportGzipAndEventArrayGiveTheSameFindings() throws Exception {
        read("guardduty-s3-export.jsonl.gz");
        List<IncomingFinding> gz = List.copyOf(found);
        found.clear();
        read("guardduty-eventbridge-array.json");

        assertThat(problems).isEmpty();
        assertThat(gz).hasSize(2);
        assertThat(found).extracting(IncomingFinding::finding).containsExactlyElementsOf(
                gz.stream().map(IncomingFinding::finding).toList());
        assertThat(gz.get(1).origin().location()).isEqualTo("guardduty-s3-export.jsonl.gz#line 2");
        assertThat(found.get(1).origin().location()).isEqualTo("guardduty-eventbridge-array.json#record 2");
    }

    @Test
    void guardDutyApiOutputInEitherCasingGivesTheSameFindings() throws Exception {
        read("guardduty-api-camel.json");
        List<Finding> camel = found.stream().map(IncomingFinding::finding).toList();
        List<String> camelKeys = found.stream().map(IncomingFinding::accessKeyId).toList();
        found.clear();
        read("guardduty-api-pascal.json");

        assertThat(problems).isEmpty();
        assertThat(camel).hasSize(2);
        assertThat(found.stream().map(IncomingFinding::finding).toList()).isEqualTo(camel);
        assertThat(found.stream().map(IncomingFinding::accessKeyId).toList()).isEqualTo(camelKeys)
                .contains("ASIAEXAMPLEKEY000001");
        assertThat(found.get(1).recordState()).contains(RecordState.ARCHIVED);
    }

    @Test
    void guardDutySeverityBands() {
        assertThat(GuardDutyFindingMapper.band(1.0)).isEqualTo(Severity.LOW);
        assertThat(GuardDutyFindingMapper.band(3.9)).isEqualTo(Severity.LOW);
        assertThat(GuardDutyFindingMapper.band(4.0)).isEqualTo(Severity.MEDIUM);
        assertThat(GuardDutyFindingMapper.band(6.9)).isEqualTo(Severity.MEDIUM);
        assertThat(GuardDutyFindingMapper.band(7.0)).isEqualTo(Severity.HIGH);
        assertThat(GuardDutyFindingMapper.band(8.9)).isEqualTo(Severity.HIGH);
        assertThat(GuardDutyFindingMapper.band(9.0)).isEqualTo(Severity.CRITICAL);
        assertThat(GuardDutyFindingMapper.band(10.0)).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void guardDutyWrongTypesAreProblemsNamingTheField() throws Exception {
        Path p = tmp.resolve("wrong.jsonl");
        Files.writeString(p, String.join("\n",
                "{\"id\":\"a\",\"type\":\"Recon:EC2/Portscan\",\"accountId\":\"123456789012\",\"region\":\"us-east-1\","
                        + "\"severity\":\"high\",\"createdAt\":\"2024-01-01T00:00:00Z\",\"updatedAt\":\"2024-01-01T00:00:00Z\",\"service\":{}}",
                "{\"id\":[1],\"type\":\"Recon:EC2/Portscan\",\"accountId\":\"1\",\"region\":\"r\",\"severity\":2,"
                        + "\"createdAt\":\"x\",\"updatedAt\":\"x\",\"service\":{}}",
                "{\"id\":\"b\",\"type\":\"Recon:EC2/Portscan\",\"accountId\":\"1\",\"region\":\"r\",\"severity\":2,"
                        + "\"createdAt\":\"yesterday\",\"updatedAt\":\"x\",\"service\":{\"count\":\"many\"}}",
                "{\"id\":\"c\",\"type\":\"Recon:EC2/Portscan\",\"accountId\":\"1\",\"region\":\"r\",\"severity\":2,"
                        + "\"createdAt\":\"2024-01-01T00:00:00Z\",\"updatedAt\":\"2024-01-01T00:00:00Z\","
                        + "\"resource\":\"not an object\",\"service\":{\"count\":\"many\",\"archived\":\"yes\"}}",
                "[1,2]"), StandardCharsets.UTF_8);
        read(p, "wrong.jsonl");

        assertThat(found).hasSize(1);
        assertThat(found.get(0).finding().count()).isEqualTo(1);
        assertThat(found.get(0).recordState()).isEmpty();
        assertThat(problems).extracting(Problem::location)
                .containsExactly("wrong.jsonl#line 1", "wrong.jsonl#line 2", "wrong.jsonl#line 3",
                        "wrong.jsonl#line 5", "wrong.jsonl#line 5");
        assertThat(problems.get(0).message()).contains("'severity'");
        assertThat(problems.get(1).message()).contains("'id'").contains("must be a string, found an array");
        assertThat(problems.get(2).message()).contains("'createdAt'").contains("ISO-8601");
        assertThat(problems.get(3).reason()).isEqualTo("not-an-object");
    }

    // ---- ASFF

    @Test
    void asffGetFindingsOutputMapsFieldsAndReportsInvalidFindings() throws Exception {
        FindingFileReader.Result r = read("asff-get-findings.json");

        assertThat(r.findings()).isEqualTo(3);
        IncomingFinding custom = found.get(0);
        Finding c = custom.finding();
        assertThat(custom.origin().product()).isEqualTo("111122223333/default");
        assertThat(c.rule().id()).isEqualTo(
                "Software and Configuration Checks/Industry and Regulatory Standards/CIS AWS Foundations Benchmark");
        assertThat(c.severity()).isEqualTo(Severity.LOW);
        assertThat(c.resource()).isEqualTo("arn:aws:cloudtrail:us-east-1:111122223333:trail/main");
        assertThat(c.region()).isEqualTo("us-east-1");
        assertThat(custom.resourceType()).isEqualTo("AwsCloudTrailTrail");
        assertThat(custom.recordState()).contains(RecordState.ACTIVE);
        assertThat(custom.workflow()).isEmpty();
        assertThat(custom.origin().location()).isEqualTo("asff-get-findings.json#record 1");

        IncomingFinding gd = found.get(1);
        Finding g = gd.finding();
        assertThat(gd.origin().product()).isEqualTo("GuardDuty");
        assertThat(gd.origin().format()).isEqualTo("asff");
        assertThat(gd.origin().confidence()).isEqualTo(80);
        assertThat(g.rule().attack()).containsExactly("T1562.008");
        assertThat(g.principal()).isEqualTo("alice");
        assertThat(gd.accessKeyId()).isEqualTo("AKIAEXAMPLEKEY000002");
        assertThat(g.count()).isEqualTo(7);
        assertThat(g.firstSeen()).isEqualTo(Instant.parse("2024-04-02T08:00:00Z"));
        assertThat(g.lastSeen()).isEqualTo(Instant.parse("2024-04-02T09:30:00Z"));
        assertThat(gd.workflow()).contains(Workflow.NOTIFIED);
        assertThat(gd.recordState()).contains(RecordState.ARCHIVED);

        assertThat(found.get(2).finding().severity()).isEqualTo(Severity.CRITICAL); // Normalized 95

        assertThat(problems).extracting(Problem::location)
                .containsExactly("asff-get-findings.json#record 4", "asff-get-findings.json#record 5");
        assertThat(problems.get(0).message()).contains("'Title'");
        assertThat(problems.get(1).message()).contains("'AwsAccountId'").contains("found a number");
    }

    @Test
    void asffArrayLinesAndEventBridgeAgree() throws Exception {
        read("asff-array.json");
        List<Finding> array = found.stream().map(IncomingFinding::finding).toList();
        found.clear();
        read("asff-lines.jsonl");
        List<Finding> lines = found.stream().map(IncomingFinding::finding).toList();
        found.clear();
        read("asff-eventbridge.jsonl");

        assertThat(array).hasSize(2).isEqualTo(lines);
        assertThat(found).hasSize(2);
        assertThat(found.get(0).finding()).isEqualTo(array.get(1));
        assertThat(found.get(0).origin().location()).isEqualTo("asff-eventbridge.jsonl#line 1");
        assertThat(found.get(0).origin().rawOriginal()).startsWith("{\"SchemaVersion\": \"2018-10-08\"")
                .endsWith("}").doesNotContain("detail-type");
        assertThat(found.get(1).origin().location()).isEqualTo("asff-eventbridge.jsonl#line 2 finding 1");
        assertThat(problems).extracting(Problem::location).containsExactly("asff-eventbridge.jsonl#line 2 finding 2");
    }

    @Test
    void asffNormalizedBands() {
        assertThat(AsffFindingMapper.normalizedBand(0)).isEqualTo(Severity.INFORMATIONAL);
        assertThat(AsffFindingMapper.normalizedBand(1)).isEqualTo(Severity.LOW);
        assertThat(AsffFindingMapper.normalizedBand(39)).isEqualTo(Severity.LOW);
        assertThat(AsffFindingMapper.normalizedBand(40)).isEqualTo(Severity.MEDIUM);
        assertThat(AsffFindingMapper.normalizedBand(70)).isEqualTo(Severity.HIGH);
        assertThat(AsffFindingMapper.normalizedBand(89)).isEqualTo(Severity.HIGH);
        assertThat(AsffFindingMapper.normalizedBand(90)).isEqualTo(Severity.CRITICAL);
    }

    // ---- OCSF

    @Test
    void ocsfFindingClassesMapAndOtherClassesAreProblems() throws Exception {
        read("ocsf-findings.jsonl");

        assertThat(found).hasSize(3);
        IncomingFinding comp = found.get(0);
        assertThat(comp.origin().product()).isEqualTo("Security Hub");
        assertThat(comp.finding().severity()).isEqualTo(Severity.HIGH);
        assertThat(comp.workflow()).contains(Workflow.RESOLVED);
        assertThat(comp.recordState()).contains(RecordState.ARCHIVED);
        assertThat(comp.origin().confidence()).isEqualTo(90);
        assertThat(comp.finding().firstSeen()).isEqualTo(Instant.parse("2024-03-01T09:00:00Z"));
        assertThat(comp.finding().resource()).isEqualTo("AWS::::Account:111122223333");
        assertThat(comp.finding().account()).isEqualTo("111122223333");

        IncomingFinding det = found.get(1);
        assertThat(det.finding().rule().id()).isEqualTo("edr.cred.dump");
        assertThat(det.finding().rule().attack()).containsExactly("T1003", "T1003.001");
        assertThat(det.finding().severity()).isEqualTo(Severity.CRITICAL);
        assertThat(det.finding().principal()).isEqualTo("arn:aws:iam::444455556666:role/builder");
        assertThat(det.accessKeyId()).isEqualTo("ASIAEXAMPLEKEY000003");
        assertThat(det.workflow()).contains(Workflow.SUPPRESSED);
        assertThat(det.finding().count()).isEqualTo(3);
        assertThat(det.resourceType()).isEqualTo("AwsEc2Instance");

        IncomingFinding legacy = found.get(2);
        assertThat(legacy.finding().rule().id()).isEqualTo("Network Reachability");
        assertThat(legacy.workflow()).contains(Workflow.NOTIFIED);
        assertThat(legacy.origin().product()).isEqualTo("LegacyScanner");

        assertThat(problems).extracting(Problem::location)
                .containsExactly("ocsf-findings.jsonl#line 4", "ocsf-findings.jsonl#line 5");
        assertThat(problems.get(0).message()).contains("class_uid").contains("6003");
        assertThat(problems.get(1).message()).contains("'finding_info.uid'");
    }

    // ---- detection

    @Test
    void contentNotFindingsIsRefusedWithAClearMessage() {
        assertNotFindings("not-findings-cloudtrail.json", "CloudTrail");
        assertNotFindings("not-findings-cloudtrail-lines.jsonl", "CloudTrail");
        assertNotFindings("not-findings.csv", "not JSON");
        assertNotFindings("not-findings-other-event.jsonl", "EC2 Instance State-change Notification");
        assertNotFindings("ambiguous.jsonl", "more than one findings format");
        assertNotFindings("empty.json", "no JSON objects");
        assertThat(found).isEmpty();
    }

    @Test
    void detectionIsByContentNotName() throws Exception {
        Path renamed = tmp.resolve("findings.csv");
        Files.copy(fixture("guardduty-s3-export.jsonl.gz"), renamed);
        read(renamed, "findings.csv");
        assertThat(found).hasSize(2);
    }

    @Test
    void anEmptyFindingsWrapperIsAnEmptyFindingsFile() throws Exception {
        FindingFileReader.Result r = read("empty-wrapper.json");
        assertThat(r.findings()).isZero();
        assertThat(problems).isEmpty();
    }

    @Test
    void oversizedRecordsAreSkippedNotBuffered() throws Exception {
        String big = "{\"id\":\"" + "x".repeat(5000) + "\"}";
        Path p = tmp.resolve("big.jsonl");
        String gd = Files.readString(fixture("guardduty-eventbridge.jsonl")).lines().findFirst().orElseThrow();
        Files.writeString(p, gd + "\n" + big + "\n" + gd + "\n");
        new FindingFileReader(new FindingFileReader.Limits(4096, 1 << 20), new LongAdder())
                .read(p, "big.jsonl", found::add, problems::add);
        assertThat(found).hasSize(2);
        assertThat(problems).singleElement().satisfies(pr -> {
            assertThat(pr.reason()).isEqualTo("record-too-large");
            assertThat(pr.location()).isEqualTo("big.jsonl#line 2");
        });
    }

    private void assertNotFindings(String name, String why) {
        assertThatThrownBy(() -> read(name))
                .isInstanceOf(NotAFindingsFileException.class)
                .hasMessageStartingWith("not a findings file: " + name + ": ")
                .hasMessageContaining(why);
    }

    @SuppressWarnings("unused")
    private static Optional<IOException> none() {
        return Optional.empty();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "IAMUser|AIDAEXAMPLE|alice|arn:aws:iam::123456789012:user/alice",
            "Root|123456789012|Root|arn:aws:iam::123456789012:root",
            "AssumedRole|AROAEXAMPLE:i-0abc|builder|arn:aws:sts::123456789012:assumed-role/builder/i-0abc",
            "AssumedRole|AROAEXAMPLE|builder|builder",
            "IAMUser|AIDAEXAMPLE|x/../y|x/../y",
            "FederatedUser|123456789012:bob|bob|bob"})
    void guardDutyPrincipalsTakeTheFormCloudTrailDetectionsGive(String type, String principalId, String userName,
                                                                String expected) throws Exception {
        var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"resource\":{\"accessKeyDetails\":"
                + "{\"userType\":\"" + type + "\",\"principalId\":\"" + principalId + "\",\"userName\":\""
                + userName + "\"}}}");
        assertThat(GuardDutyFindingMapper.principal(node, "aws", "123456789012")).isEqualTo(expected);
    }
}
