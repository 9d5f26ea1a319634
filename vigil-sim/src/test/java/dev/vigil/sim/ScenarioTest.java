package dev.vigil.sim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.sim.SimulatedOutput.Rec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static dev.vigil.sim.SimulatedOutput.denied;
import static dev.vigil.sim.SimulatedOutput.discovery;
import static dev.vigil.sim.SimulatedOutput.maxDistinctInWindow;
import static dev.vigil.sim.SimulatedOutput.maxInWindow;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The injected scenarios are all there, labelled exactly, and have the shape their detections look for — at
 * the default scale and at the smallest (2 000 events in 2 hours).
 */
class ScenarioTest {

    private static final Map<String, SimulatedOutput> OUTPUTS = new HashMap<>();
    @org.junit.jupiter.api.io.TempDir
    static Path root;

    @BeforeAll
    static void generate() {
        OUTPUTS.put("default", run("default", EstateSimulator.Options.defaults().withEvents(30_000)));
        OUTPUTS.put("small", run("small", new EstateSimulator.Options(9, 2_000,
                Instant.parse("2027-03-15T10:30:00Z"), Duration.ofHours(2))));
    }

    private static SimulatedOutput run(String name, EstateSimulator.Options options) {
        return SimulatedOutput.generate(root.resolve(name), options);
    }

    static Stream<String> outputs() {
        return Stream.of("default", "small");
    }

    @ParameterizedTest
    @MethodSource("outputs")
    void everyLabelNamesExactlyOneRecordAndMatchesScenariosJson(String name) {
        SimulatedOutput out = OUTPUTS.get(name);
        assertThat(out.problems).isEmpty();
        Map<String, Integer> seen = new HashMap<>();
        out.records.forEach(r -> seen.merge(r.eventId(), 1, Integer::sum));
        assertThat(out.labels).isNotEmpty().allSatisfy(label ->
                assertThat(seen.get(label.path("eventID").asText())).as(label.toString()).isEqualTo(1));
        assertThat(out.labelScenario).hasSameSizeAs(out.labels); // no label repeated

        Map<String, Long> perStep = new HashMap<>();
        out.labels.forEach(l -> perStep.merge(l.path("scenario").asText() + "/" + l.path("step").asText(), 1L,
                Long::sum));
        Map<String, Long> declared = new HashMap<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode s : out.scenarios.path("scenarios")) {
            ids.add(s.path("id").asText());
            long total = 0;
            for (JsonNode step : s.path("steps")) {
                declared.put(s.path("id").asText() + "/" + step.path("name").asText(), step.path("events").asLong());
                total += step.path("events").asLong();
            }
            assertThat(s.path("events").asLong()).isEqualTo(total);
            assertThat(s.path("sourceIps")).isNotEmpty();
            assertThat(s.path("principals")).isNotEmpty();
            assertThat(Instant.parse(s.path("start").asText())).isBeforeOrEqualTo(Instant.parse(s.path("end").asText()));
        }
        assertThat(ids).containsExactlyInAnyOrder("leaked-access-key", "console-brute-force", "root-usage",
                "approved-change", "bucket-made-public", "pentest-user-agents", "tor-api-caller",
                "malicious-ip-api-caller", "instance-credential-exfiltration", "anomalous-behaviour");
        assertThat(perStep).isEqualTo(declared);

        long start = Instant.parse(out.scenarios.path("timelineStart").asText()).getEpochSecond();
        long end = Instant.parse(out.scenarios.path("timelineEnd").asText()).getEpochSecond();
        assertThat(out.records).allSatisfy(r -> assertThat(r.time()).isGreaterThanOrEqualTo(start).isLessThan(end));
    }

    @ParameterizedTest
    @MethodSource("outputs")
    void stepsHappenInTheirDeclaredOrder(String name) {
        SimulatedOutput out = OUTPUTS.get(name);
        for (JsonNode s : out.scenarios.path("scenarios")) {
            List<String> order = new ArrayList<>();
            s.path("steps").forEach(step -> order.add(step.path("name").asText()));
            List<Rec> recs = out.scenario(s.path("id").asText());
            assertThat(recs).hasSize(s.path("events").asInt());
            int last = 0;
            for (Rec r : recs) {
                int index = order.indexOf(out.labelStep.get(r.eventId()));
                assertThat(index).as(s.path("id").asText() + " step order").isGreaterThanOrEqualTo(last);
                last = index;
            }
            assertThat(recs.get(0).time()).isEqualTo(Instant.parse(s.path("start").asText()).getEpochSecond());
            assertThat(recs.get(recs.size() - 1).time())
                    .isEqualTo(Instant.parse(s.path("end").asText()).getEpochSecond());
        }
    }

    @ParameterizedTest
    @MethodSource("outputs")
    void leakedKeyIsUsedFromANewAddressForDiscoveryWithManyDenials(String name) {
        SimulatedOutput out = OUTPUTS.get(name);
        JsonNode scenario = out.scenarioJson("leaked-access-key");
        String victim = scenario.path("principals").get(0).asText();
        String attackerIp = scenario.path("sourceIps").get(0).asText();
        assertThat(scenario.path("sourceIps")).hasSize(1);
        assertThat(attackerIp).startsWith("203.0.113.");
        assertThat(out.benign()).noneMatch(r -> r.sourceIp().equals(attackerIp));
        assertThat(out.benign()).filteredOn(r -> victim.equals(r.arn()))
                .allMatch(r -> r.sourceIp().startsWith("198.51.100."));

        List<Rec> first = out.step("leaked-access-key", "get-caller-identity");
        assertThat(first).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("GetCallerIdentity");
            assertThat(r.accessKeyId()).startsWith("AKIA");
            assertThat(r.identityType()).isEqualTo("IAMUser");
        });
        List<Rec> discovery = out.step("leaked-access-key", "discovery");
        assertThat(discovery).allMatch(r -> victim.equals(r.arn()) && r.sourceIp().equals(attackerIp)
                && discovery(r.name()));
        assertThat(maxDistinctInWindow(discovery, 300)).as("distinct discovery calls in 5 minutes")
                .isGreaterThanOrEqualTo(25);
        List<Long> failures = discovery.stream()
                .filter(r -> "AccessDenied".equals(r.errorCode()) || "Client.UnauthorizedOperation".equals(r.errorCode()))
                .map(Rec::time).toList();
        assertThat(maxInWindow(failures, 300)).as("denied discovery calls in 5 minutes").isGreaterThanOrEqualTo(12);
        assertThat(discovery.stream().map(Rec::source).distinct())
                .contains("iam.amazonaws.com", "s3.amazonaws.com", "ec2.amazonaws.com", "cloudtrail.amazonaws.com");
    }

    @ParameterizedTest
    @MethodSource("outputs")
    void leakedKeyStopsLoggingCreatesABackdoorAndExfiltratesWithTheNewKey(String name) {
        SimulatedOutput out = OUTPUTS.get(name);
        JsonNode scenario = out.scenarioJson("leaked-access-key");
        String victim = scenario.path("principals").get(0).asText();
        String attackerIp = scenario.path("sourceIps").get(0).asText();

        Rec stop = single(out, "stop-logging");
        assertThat(stop.name()).isEqualTo("StopLogging");
        assertThat(stop.source()).isEqualTo("cloudtrail.amazonaws.com");
        assertThat(out.labelled.get(stop.eventId()).path("requestParameters").path("name").asText())
                .matches("arn:aws:cloudtrail:[a-z0-9-]+:\\d{12}:trail/.+");

        JsonNode createUser = out.labelled.get(single(out, "create-user").eventId());
        String backdoor = createUser.path("requestParameters").path("userName").asText();
        assertThat(createUser.path("eventName").asText()).isEqualTo("CreateUser");
        JsonNode attach = out.labelled.get(single(out, "attach-admin-policy").eventId());
        assertThat(attach.path("eventName").asText()).isEqualTo("AttachUserPolicy");
        assertThat(attach.path("requestParameters").path("userName").asText()).isEqualTo(backdoor);
        assertThat(attach.path("requestParameters").path("policyArn").asText())
                .isEqualTo("arn:aws:iam::aws:policy/AdministratorAccess");
        JsonNode key = out.labelled.get(single(out, "create-access-key").eventId());
        assertThat(key.path("eventName").asText()).isEqualTo("CreateAccessKey");
        String newKey = key.path("responseElements").path("accessKey").path("accessKeyId").asText();
        assertThat(newKey).matches("AKIA[A-Z2-7]{16}");
        JsonNode profile = out.labelled.get(single(out, "create-login-profile").eventId());
        assertThat(profile.path("eventName").asText()).isEqualTo("CreateLoginProfile");
        assertThat(profile.path("requestParameters").path("userName").asText()).isEqualTo(backdoor);
        for (String step : List.of("stop-logging", "create-user", "attach-admin-policy", "create-access-key",
                "create-login-profile")) {
            assertThat(single(out, step)).matches(r -> victim.equals(r.arn()) && r.sourceIp().equals(attackerIp));
        }
        assertThat(stop.time()).isLessThan(single(out, "create-user").time());

        List<Rec> withNewKey = out.records.stream().filter(r -> newKey.equals(r.accessKeyId()))
                .sorted(Comparator.comparingLong(Rec::time)).toList();
        assertThat(withNewKey.get(0).name()).isEqualTo("ListBuckets");
        assertThat(withNewKey).allMatch(r -> r.sourceIp().equals(attackerIp) && r.arn().endsWith(":user/" + backdoor));
        String sensitive = null;
        for (JsonNode b : out.estate.path("buckets")) {
            if (b.path("sensitive").asBoolean()) {
                sensitive = b.path("name").asText();
            }
        }
        List<Rec> gets = withNewKey.stream().filter(r -> r.name().equals("GetObject")).toList();
        String bucket = sensitive;
        assertThat(gets).allSatisfy(r -> {
            JsonNode json = out.labelled.get(r.eventId());
            assertThat(json.path("requestParameters").path("bucketName").asText()).isEqualTo(bucket);
            assertThat(json.path("eventCategory").asText()).isEqualTo("Data");
            assertThat(json.path("resources").get(0).path("ARN").asText()).startsWith("arn:aws:s3:::" + bucket + "/");
        });
        assertThat(maxInWindow(gets.stream().map(Rec::time).toList(), 600)).as("GetObject in 10 minutes")
                .isGreaterThanOrEqualTo(150);
        assertThat(out.step("leaked-access-key", "exfiltration")).hasSameSizeAs(gets);
    }

    @ParameterizedTest
    @MethodSource("outputs")
    void bruteForceFailsManyTimesFromOneAddressThenSignsInWithoutMfa(String name) {
        SimulatedOutput out = OUTPUTS.get(name);
        JsonNode scenario = out.scenarioJson("console-brute-force");
        String target = scenario.path("principals").get(0).asText();
        String userName = target.substring(target.lastIndexOf('/') + 1);
        List<Rec> failures = out.step("console-brute-force", "failed-logins");
        assertThat(failures).allSatisfy(r -> {
            assertThat(r.name()).isEqualTo("ConsoleLogin");
            assertThat(r.errorMessage()).isEqualTo("Failed authentication");
            assertThat(r.consoleLogin()).isEqualTo("Failure");
            assertThat(r.userName()).isIn(userName, "HIDDEN_DUE_TO_SECURITY_REASONS");
        });
        assertThat(failures.stream().map(Rec::sourceIp).distinct()).singleElement()
                .satisfies(ip -> assertThat(ip).startsWith("203.0.113."));
        assertThat(maxInWindow(failures.stream().map(Rec::time).toList(), 300)).isGreaterThanOrEqualTo(20);
        assertThat(failures).anyMatch(r -> r.userName().equals("HIDDEN_DUE_TO_SECURITY_REASONS"));
        assertThat(failures).anyMatch(r -> r.userName().equals(userName));

        Rec success = single(out, "successful-login");
        assertThat(success.consoleLogin()).isEqualTo("Success");
        assertThat(success.mfaUsed()).isEqualTo("No");
        assertThat(success.identityType()).isEqualTo("IAMUser");
        assertThat(success.arn()).isEqualTo(target);
        assertThat(success.sourceIp()).isEqualTo(failures.get(0).sourceIp());
        assertThat(success.time()).isGreaterThan(failures.get(failures.size() - 1).time());
        assertThat(out.benign()).noneMatch(r -> userName.equals(r.userName()) || target.equals(r.arn()));
    }

    @ParameterizedTest
    @MethodSource("outputs")
    void rootSignsInWithMfaAndCallsApisOnlyInsideTheScenario(String name) {
        SimulatedOutput out = OUTPUTS.get(name);
        List<Rec> root = out.records.stream().filter(r -> "Root".equals(r.identityType())).toList();
        assertThat(root).isNotEmpty().allMatch(r -> "root-usage".equals(out.labelScenario.get(r.eventId()))
                && r.invokedBy() == null && !r.eventType().equals("AwsServiceEvent"));
        Rec login = single(out, "console-login");
        assertThat(login.name()).isEqualTo("ConsoleLogin");
        assertThat(login.mfaUsed()).isEqualTo("Yes");
        assertThat(out.step("root-usage", "api-calls")).hasSizeGreaterThanOrEqualTo(2)
                .allMatch(r -> r.identityType().equals("Root") && r.eventType().equals("AwsApiCall"));
    }

    @ParameterizedTest
    @MethodSource("outputs")
    void approvedChangeIsABenignTerraformRunFromTheOffice(String name) {
        SimulatedOutput out = OUTPUTS.get(name);
        JsonNode scenario = out.scenarioJson("approved-change");
        assertThat(scenario.path("malicious").asBoolean()).isFalse();
        assertThat(out.scenarioJson("leaked-access-key").path("malicious").asBoolean()).isTrue();
        List<Rec> recs = out.scenario("approved-change");
        assertThat(recs).allMatch(r -> r.userAgent().contains("Terraform/") && r.sourceIp().startsWith("198.51.100.")
                && r.arn().contains(":assumed-role/AWSReservedSSO_"));
        JsonNode ingress = out.labelled.get(single(out, "modify-security-group").eventId());
        assertThat(ingress.path("eventName").asText()).isEqualTo("AuthorizeSecurityGroupIngress");
        String cidr = ingress.path("requestParameters").path("ipPermissions").path("items").get(0)
                .path("ipRanges").path("items").get(0).path("cidrIp").asText();
        assertThat(cidr).startsWith("10.").doesNotContain("0.0.0.0");
        JsonNode attach = out.labelled.get(single(out, "attach-role-policy").eventId());
        assertThat(attach.path("eventName").asText()).isEqualTo("AttachRolePolicy");
        assertThat(attach.path("requestParameters").path("roleName").asText()).isNotEmpty();
    }

    private static Rec single(SimulatedOutput out, String step) {
        List<Rec> found = out.records.stream().filter(r -> step.equals(out.labelStep.get(r.eventId()))).toList();
        assertThat(found).as("records of step " + step).hasSize(1);
        return found.get(0);
    }
}
