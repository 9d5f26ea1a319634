package dev.vigil.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code vigil inventory list|diff|timeline} over a simulated organisation: the Config files hold each changed
 * resource's state before the period, so the period's changes read as updates, each traced to the labelled
 * CloudTrail call of its scenario.
 */
class InventoryCommandTest {

    static final String FROM = "2026-10-01T00:00:00Z";
    static final String TO = "2026-10-02T00:00:00Z";
    static final String PRIVATE_CIDR = "10.40.0.0/16";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path sim;
    /** Label eventIDs per {@code scenario/step}. */
    static Map<String, List<String>> labels;
    /** scenarios.json entries by id. */
    static Map<String, JsonNode> scenarios;

    @BeforeAll
    static void simulate() throws IOException {
        sim = dir.resolve("sim");
        CliRunner.Result r = CliRunner.run("simulate", "--out", sim.toString(), "--events", "2000", "--start", FROM);
        assertThat(r.exitCode()).as(r.err()).isZero();
        labels = Files.readAllLines(sim.resolve("labels.jsonl")).stream().map(InventoryCommandTest::parse)
                .collect(Collectors.groupingBy(l -> l.path("scenario").asText() + "/" + l.path("step").asText(),
                        Collectors.mapping(l -> l.path("eventID").asText(), Collectors.toList())));
        scenarios = new java.util.HashMap<>();
        parse(Files.readString(sim.resolve("scenarios.json"))).path("scenarios")
                .forEach(s -> scenarios.put(s.path("id").asText(), s));
    }

    @Test
    void diffShowsTheApprovedChangeAsUpdatesAttributedToItsCloudTrailCalls() {
        List<JsonNode> changes = diffJsonl(sim);
        JsonNode approved = scenarios.get("approved-change");

        JsonNode group = single(changes, "AWS::EC2::SecurityGroup");
        assertThat(group.path("change").asText()).isEqualTo("UPDATED");
        assertThat(paths(group)).anyMatch(p -> p.startsWith("configuration.ipPermissions"));
        assertThat(group.path("changes").toString()).contains(PRIVATE_CIDR);
        assertAttributed(group, "AuthorizeSecurityGroupIngress", labels.get("approved-change/modify-security-group"),
                approved);

        JsonNode role = single(changes, "AWS::IAM::Role");
        assertThat(role.path("change").asText()).isEqualTo("UPDATED");
        assertThat(paths(role)).anyMatch(p -> p.startsWith("configuration.attachedManagedPolicies"));
        assertThat(role.path("changes").toString()).contains("-dynamodb-read");
        assertAttributed(role, "AttachRolePolicy", labels.get("approved-change/attach-role-policy"), approved);

        // made public and fixed within the period: no net change
        assertThat(changes).noneMatch(c -> c.path("resourceType").asText().equals("AWS::S3::Bucket"));
    }

    @Test
    void diffTextNamesTheChangesAndTheirCallers() {
        CliRunner.Result r = CliRunner.run("inventory", "diff", sim.toString(), "--from", FROM, "--to", TO);
        assertThat(r.exitCode()).as(r.err()).isZero();
        String sre = scenarios.get("approved-change").path("principals").get(0).asText();
        assertThat(r.out()).contains("UPDATED").contains("by " + sre + " via ec2.amazonaws.com "
                + "AuthorizeSecurityGroupIngress").contains("iam.amazonaws.com AttachRolePolicy")
                .contains("resources changed between " + FROM);
    }

    @Test
    void timelineShowsTheBucketMadePublicThenFixedEachAttributed() throws IOException {
        String bucket = bucketName();
        CliRunner.Result r = CliRunner.run("inventory", "timeline", sim.toString(), "--resource", bucket,
                "--format", "jsonl");
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<JsonNode> steps = lines(r.out());
        assertThat(steps).hasSize(3);
        // first recorded when created, long before the period
        assertThat(steps.get(0).path("change").asText()).isEqualTo("CREATED");
        assertThat(Instant.parse(steps.get(0).path("time").asText())).isBefore(Instant.parse(FROM));
        JsonNode opened = steps.get(1);
        JsonNode closed = steps.get(2);
        assertThat(opened.path("change").asText()).isEqualTo("UPDATED");
        assertThat(closed.path("change").asText()).isEqualTo("UPDATED");
        assertThat(afterValues(opened)).contains("TemporaryPublicRead");
        assertThat(beforeValues(closed)).contains("TemporaryPublicRead");
        assertThat(afterValues(closed)).doesNotContain("TemporaryPublicRead");
        JsonNode scenario = scenarios.get("bucket-made-public");
        assertAttributed(opened, "PutBucketPolicy", labels.get("bucket-made-public/make-public"), scenario);
        assertAttributed(closed, "PutBucketPolicy", labels.get("bucket-made-public/make-private"), scenario);

        CliRunner.Result text = CliRunner.run("inventory", "timeline", sim.toString(), "--resource", bucket);
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("3 recorded changes").contains("s3.amazonaws.com PutBucketPolicy");
    }

    @Test
    void listShowsTheBucketsAndAtShowsTheStateBeforeTheChange() {
        CliRunner.Result r = CliRunner.run("inventory", "list", sim.toString(), "--type", "AWS::S3::Bucket",
                "--format", "jsonl");
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<JsonNode> buckets = lines(r.out());
        assertThat(buckets).hasSizeGreaterThan(5)
                .allSatisfy(b -> assertThat(b.path("type").asText()).isEqualTo("AWS::S3::Bucket"));
        assertThat(buckets).anyMatch(b -> b.path("id").asText().endsWith("-dev-terraform-state"));

        JsonNode group = single(diffJsonl(sim), "AWS::EC2::SecurityGroup");
        Instant call = Instant.parse(group.path("attribution").path("eventTime").asText());
        String id = group.path("resourceId").asText();
        JsonNode before = groupAt(id, call.minusSeconds(60).toString());
        JsonNode now = groupAt(id, null);
        assertThat(before.path("configuration").toString()).doesNotContain(PRIVATE_CIDR);
        assertThat(Instant.parse(before.path("captureTime").asText())).isBefore(Instant.parse(FROM));
        assertThat(now.path("configuration").toString()).contains(PRIVATE_CIDR);
    }

    @Test
    void anUnknownResourceIsAClearError() {
        CliRunner.Result r = CliRunner.run("inventory", "timeline", sim.toString(), "--resource", "sg-doesnotexist");
        assertThat(r.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(r.err()).contains("no resource with id, ARN or name 'sg-doesnotexist'")
                .contains("vigil inventory list");
        assertThat(r.out()).isEmpty();
    }

    /**
     * A bucket deleted in one region and recreated under the same name (so the same ARN) in another: the ARN names
     * two resources, and --region picks one instead of the message asking for the ARN that was given.
     */
    @Test
    void anArnNamingADeletedAndARecreatedBucketIsPickedByRegion() throws IOException {
        String item = """
                {"resourceType":"AWS::S3::Bucket","resourceId":"reborn","resourceName":"reborn","ARN":"arn:aws:s3:::reborn",
                 "awsAccountId":"111122223333","awsRegion":"%s","configurationItemCaptureTime":"%s",
                 "configurationItemStatus":"%s","configuration":%s,"supplementaryConfiguration":{}}""";
        Path file = dir.resolve("reborn").resolve("snapshot.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"configurationItems\":["
                + item.formatted("us-east-1", "2026-09-01T00:00:00Z", "OK", "{\"name\":\"reborn\"}") + ","
                + item.formatted("us-east-1", "2026-09-02T00:00:00Z", "ResourceDeleted", "null") + ","
                + item.formatted("eu-west-1", "2026-09-03T00:00:00Z", "ResourceDiscovered", "{\"name\":\"reborn\"}")
                + "]}", StandardCharsets.UTF_8);

        CliRunner.Result both = CliRunner.run("inventory", "timeline", file.toString(), "--resource", "arn:aws:s3:::reborn");
        assertThat(both.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(both.err()).contains("names 2 resources").contains("111122223333/us-east-1/AWS::S3::Bucket/reborn (deleted)")
                .contains("--region").doesNotContain("give the ARN");

        CliRunner.Result live = CliRunner.run("inventory", "timeline", file.toString(), "--resource", "arn:aws:s3:::reborn",
                "--region", "eu-west-1");
        assertThat(live.exitCode()).as(live.err()).isZero();
        assertThat(live.out()).contains("111122223333/eu-west-1/AWS::S3::Bucket/reborn").doesNotContain("us-east-1");

        CliRunner.Result none = CliRunner.run("inventory", "timeline", file.toString(), "--resource", "arn:aws:s3:::reborn",
                "--account", "999999999999");
        assertThat(none.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(none.err()).contains("in account 999999999999");
    }

    /**
     * A forged CloudTrail call naming the group, made between the real call and Config's capture, becomes the
     * attribution: its principal, address and user agent are attacker-controlled and must not reach the
     * terminal raw, while JSON lines keep them exactly.
     */
    @Test
    void hostileCallerTextIsEscapedInTextAndKeptInJson() throws IOException {
        JsonNode group = single(diffJsonl(sim), "AWS::EC2::SecurityGroup");
        Instant call = Instant.parse(group.path("attribution").path("eventTime").asText());
        String hostile = "evil\u001b[31m\r\nFORGED\u202e";
        ObjectNode record = JSON.createObjectNode();
        record.put("eventVersion", "1.09").put("eventTime", call.plusSeconds(20).toString())
                .put("eventSource", "ec2.amazonaws.com").put("eventName", "AuthorizeSecurityGroupIngress")
                .put("awsRegion", group.path("region").asText()).put("sourceIPAddress", "203.0.113.9\u001b]0;t\u0007")
                .put("userAgent", hostile).put("eventID", "11111111-2222-4333-8444-555555555555")
                .put("eventType", "AwsApiCall").put("readOnly", false).put("managementEvent", true)
                .put("recipientAccountId", group.path("account").asText());
        record.putObject("userIdentity").put("type", "IAMUser")
                .put("arn", "arn:aws:iam::" + group.path("account").asText() + ":user/" + hostile)
                .put("accountId", group.path("account").asText()).put("principalId", "AIDAEXAMPLEHOSTILE");
        record.putObject("requestParameters").put("groupId", group.path("resourceId").asText());
        Path forged = dir.resolve("forged.json");
        Files.writeString(forged, JSON.createObjectNode().set("Records", JSON.createArrayNode().add(record))
                .toString(), StandardCharsets.UTF_8);

        CliRunner.Result text = CliRunner.run("inventory", "diff", sim.toString(), forged.toString(), "--from", FROM,
                "--to", TO);
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("11111111-2222-4333-8444-555555555555").contains("\\u001B[31m")
                .doesNotContain("\u001b").doesNotContain("\r").doesNotContain("\u0007").doesNotContain("\u202e")
                .doesNotContain("\nFORGED");

        CliRunner.Result jsonl = CliRunner.run("inventory", "diff", sim.toString(), forged.toString(), "--from", FROM,
                "--to", TO, "--format", "jsonl");
        JsonNode attributed = single(lines(jsonl.out()), "AWS::EC2::SecurityGroup").path("attribution");
        assertThat(attributed.path("eventID").asText()).isEqualTo("11111111-2222-4333-8444-555555555555");
        assertThat(attributed.path("userAgent").asText()).isEqualTo(hostile);
        assertThat(jsonl.out().lines()).allSatisfy(l -> assertThat(l).doesNotContain("\u001b"));
    }

    private static void assertAttributed(JsonNode change, String eventName, List<String> labelled, JsonNode scenario) {
        JsonNode by = change.path("attribution");
        assertThat(by.isObject()).as("attribution of " + change).isTrue();
        assertThat(by.path("eventName").asText()).isEqualTo(eventName);
        assertThat(labelled).as("labelled eventIDs").contains(by.path("eventID").asText());
        assertThat(by.path("principal").asText()).isEqualTo(scenario.path("principals").get(0).asText());
        assertThat(scenario.path("sourceIps").toString()).contains("\"" + by.path("sourceIPAddress").asText() + "\"");
        assertThat(Instant.parse(by.path("eventTime").asText())).isBefore(Instant.parse(change.path("time").asText()));
    }

    private static JsonNode groupAt(String id, String at) {
        List<String> args = new ArrayList<>(List.of("inventory", "list", sim.toString(), "--type",
                "AWS::EC2::SecurityGroup", "--format", "jsonl"));
        if (at != null) {
            args.addAll(List.of("--at", at));
        }
        CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        return lines(r.out()).stream().filter(g -> g.path("id").asText().equals(id)).findFirst().orElseThrow();
    }

    private static String bucketName() throws IOException {
        String description = scenarios.get("bucket-made-public").path("description").asText();
        return java.util.Arrays.stream(description.split(" ")).filter(w -> w.endsWith("-dev-terraform-state"))
                .findFirst().orElseThrow();
    }

    private static List<JsonNode> diffJsonl(Path inputs) {
        CliRunner.Result r = CliRunner.run("inventory", "diff", inputs.toString(), "--from", FROM, "--to", TO,
                "--format", "jsonl");
        assertThat(r.exitCode()).as(r.err()).isZero();
        return lines(r.out());
    }

    private static JsonNode single(List<JsonNode> changes, String type) {
        List<JsonNode> of = changes.stream().filter(c -> c.path("resourceType").asText().equals(type)).toList();
        assertThat(of).as(type + " changes").hasSize(1);
        return of.get(0);
    }

    private static List<String> paths(JsonNode change) {
        List<String> out = new ArrayList<>();
        change.path("changes").forEach(p -> out.add(p.path("path").asText()));
        return out;
    }

    private static String afterValues(JsonNode change) {
        StringBuilder sb = new StringBuilder();
        change.path("changes").forEach(p -> sb.append(p.path("after")));
        return sb.toString();
    }

    private static String beforeValues(JsonNode change) {
        StringBuilder sb = new StringBuilder();
        change.path("changes").forEach(p -> sb.append(p.path("before")));
        return sb.toString();
    }

    /** Every line must be one JSON object: a line that is not fails the test. */
    private static List<JsonNode> lines(String out) {
        return out.lines().map(InventoryCommandTest::parse).peek(n -> assertThat(n.isObject()).isTrue()).toList();
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
