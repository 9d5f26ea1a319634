package dev.vigil.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.formats.findings.FindingFileReader;
import dev.vigil.formats.findings.IncomingFinding;
import dev.vigil.hub.FindingQuery;
import dev.vigil.hub.FindingStore;
import dev.vigil.hub.StoredFinding;
import dev.vigil.model.Workflow;
import dev.vigil.posture.check.BuiltInChecks;
import dev.vigil.posture.framework.FrameworkCatalog;
import dev.vigil.sim.EstateSimulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code vigil posture} end to end, in process: over the simulator's organisation (whose deliberate flaws are
 * labelled, so the expected failures are known independently of the checks), its outputs, the findings store, the
 * exit codes and the user errors.
 */
class PostureCommandTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant START = Instant.parse("2026-10-01T00:00:00Z");
    static final Duration SPAN = Duration.ofHours(24);
    static final String END = START.plus(SPAN).toString();

    /** The simulated organisation, written once: tests that change it work on a copy. */
    @TempDir
    static Path shared;
    static Path sim;

    @TempDir
    Path dir;

    @BeforeAll
    static void simulate() {
        sim = shared.resolve("sim");
        EstateSimulator.write(sim, new EstateSimulator.Options(7, 2_000, START, SPAN), n -> { });
    }

    /** Runs {@code vigil posture} with this test's output directory and workspace, evaluated at the simulation end. */
    CliRunner.Result posture(String... args) {
        String[] base = {"posture", "--out", dir.resolve("out").toString(), "--workspace", dir.resolve("ws").toString(),
                "--at", END};
        String[] all = Arrays.copyOf(base, base.length + args.length);
        System.arraycopy(args, 0, all, base.length, args.length);
        return CliRunner.run(all);
    }

    static List<JsonNode> jsonLines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(l -> !l.isBlank()).map(PostureCommandTest::parse).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** check|account|region|resource of a result or label line. */
    static String key(JsonNode n) {
        return n.path("check").asText() + "|" + n.path("account").asText() + "|" + n.path("region").asText() + "|"
                + n.path("resource").asText();
    }

    List<JsonNode> results(String status) {
        return jsonLines(dir.resolve("out").resolve(PostureRun.RESULTS_FILE)).stream()
                .filter(n -> n.path("status").asText().equals(status)).toList();
    }

    static Set<String> labels(Path estate) {
        return jsonLines(estate.resolve("posture-labels.jsonl")).stream().map(PostureCommandTest::key)
                .collect(Collectors.toSet());
    }

    static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }

    @Test
    void failsExactlyTheSimulatedFlawsAndErrsOnlyOnTheDeniedExport() {
        CliRunner.Result r = posture(sim.toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCode.OK);

        Set<String> failed = results("FAIL").stream().map(PostureCommandTest::key).collect(Collectors.toSet());
        Set<String> expected = labels(sim);
        assertThat(expected).isNotEmpty();
        assertThat(failed).isEqualTo(expected);
        assertThat(results("FAIL")).as("one result per flaw").hasSameSizeAs(expected);

        List<JsonNode> errors = results("ERROR");
        assertThat(errors).singleElement().satisfies(e ->
                assertThat(e.path("reason").asText()).contains("AccessDeniedException"));
        assertThat(r.out()).contains("Read ").contains("wrote report: ");
    }

    @Test
    void writesOneComplianceFindingPerFailureWithTheStoreIdsAndTheHtmlComplianceSection() throws Exception {
        CliRunner.Result r = posture(sim.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
        Path out = dir.resolve("out");

        List<IncomingFinding> read = readOcsf(out.resolve(PostureOutputs.OCSF_FILE));
        assertThat(read).hasSameSizeAs(results("FAIL"));
        Set<String> ocsfIds = read.stream().map(f -> f.origin().productFindingId()).collect(Collectors.toSet());
        try (FindingStore store = FindingStore.open(dir.resolve("ws"))) {
            Set<String> storedIds = store.list(FindingQuery.all().withoutLimit()).stream()
                    .map(StoredFinding::id).collect(Collectors.toSet());
            assertThat(storedIds).hasSameSizeAs(read).isEqualTo(ocsfIds);
        }
        assertThat(Files.readString(out.resolve(PostureOutputs.OCSF_FILE))).contains("\"class_uid\":2003");

        String html = Files.readString(out.resolve(PostureOutputs.REPORT_FILE));
        assertThat(html).contains("Compliance");
        for (var f : FrameworkCatalog.builtIn().all()) {
            assertThat(html).as(f.id()).contains(f.displayName());
        }
        assertThat(FrameworkCatalog.builtIn().ids()).hasSize(7);

        CliRunner.Result withPassed = posture(sim.toString(), "--include-passed", "--no-store");
        assertThat(withPassed.exitCode()).isEqualTo(ExitCode.OK);
        List<IncomingFinding> all = readOcsf(out.resolve(PostureOutputs.OCSF_FILE));
        assertThat(all).hasSize(read.size() + results("PASS").size());
        assertThat(Files.readString(out.resolve(PostureOutputs.OCSF_FILE))).contains("\"Pass\"");
    }

    static List<IncomingFinding> readOcsf(Path file) throws Exception {
        List<IncomingFinding> read = new ArrayList<>();
        List<Object> problems = new ArrayList<>();
        new FindingFileReader(FindingFileReader.Limits.DEFAULT, new LongAdder())
                .read(file, file.toString(), read::add, problems::add);
        assertThat(problems).isEmpty();
        return read;
    }

    @Test
    void storesFailuresAndResolvesTheOneWhoseFlawWasFixed() throws IOException {
        Path estate = copy(sim, dir.resolve("estate"));
        assertThat(posture(estate.toString()).exitCode()).isEqualTo(ExitCode.OK);
        Map<String, StoredFinding> before = stored();
        assertThat(before).hasSize(labels(estate).size());
        assertThat(before.values()).allMatch(f -> f.workflow() == Workflow.NEW);
        List<StoredFinding> rootKeys;
        try (FindingStore store = FindingStore.open(dir.resolve("ws"))) {
            rootKeys = store.list(FindingQuery.all().withoutLimit().withRuleId("root.no_access_keys"));
        }
        assertThat(rootKeys).as("the simulator gives one account root access keys").hasSize(1);
        String account = rootKeys.get(0).finding().account();

        Path summary = estate.resolve("supplementary").resolve(account).resolve("global")
                .resolve("iam.get-account-summary.json");
        String text = Files.readString(summary);
        String fixed = text.replaceAll("\"AccountAccessKeysPresent\"\\s*:\\s*1", "\"AccountAccessKeysPresent\": 0");
        assertThat(fixed).isNotEqualTo(text);
        Files.writeString(summary, fixed);

        CliRunner.Result again = posture(estate.toString());
        assertThat(again.exitCode()).as(again.err()).isEqualTo(ExitCode.OK);
        assertThat(again.out()).contains("0 new").contains("1 resolved");
        Map<String, StoredFinding> after = stored();
        assertThat(after.keySet()).isEqualTo(before.keySet());
        for (StoredFinding f : after.values()) {
            if (f.id().equals(rootKeys.get(0).id())) {
                assertThat(f.workflow()).isEqualTo(Workflow.RESOLVED);
            } else {
                assertThat(f.workflow()).as(f.finding().rule().id()).isEqualTo(Workflow.NEW);
                assertThat(f.observations()).isEqualTo(before.get(f.id()).observations() + 1);
            }
        }
    }

    @Test
    void aFailingCheckIsRoutedWhenCreatedAndAgainWhenItsFixResolvesIt() throws IOException {
        List<String> bodies = new java.util.concurrent.CopyOnWriteArrayList<>();
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try {
            Path estate = copy(sim, dir.resolve("routed-estate"));
            Path routes = dir.resolve("routes.yml");
            Files.writeString(routes, """
                    destinations:
                      soc:
                        type: webhook
                        url: http://127.0.0.1:%d/hook
                        secret: ${env:TEST_HOOK_SECRET}
                    routes:
                      - name: critical-posture
                        match: {min-severity: critical, events: [created, resolved]}
                        to: [soc]
                    """.formatted(server.getAddress().getPort()));
            HubOptions.environment = () -> Map.of("TEST_HOOK_SECRET", "s3cret");
            CliRunner.Result first = posture("--routes", routes.toString(), estate.toString());
            assertThat(first.exitCode()).as(first.err()).isEqualTo(ExitCode.OK);
            assertThat(bodies).as("only the critical failure, root access keys").hasSize(1);
            assertThat(bodies.get(0)).contains("\"event\":\"CREATED\"", "The root user has no access keys");

            Path summary;
            try (Stream<Path> files = Files.walk(estate.resolve("supplementary"))) {
                summary = files.filter(f -> f.getFileName().toString().equals("iam.get-account-summary.json"))
                        .filter(f -> readQuietly(f).matches("(?s).*\"AccountAccessKeysPresent\"\\s*:\\s*1.*"))
                        .findFirst().orElseThrow();
            }
            Files.writeString(summary, Files.readString(summary)
                    .replaceAll("\"AccountAccessKeysPresent\"\\s*:\\s*1", "\"AccountAccessKeysPresent\": 0"));
            CliRunner.Result second = posture("--routes", routes.toString(), estate.toString());
            assertThat(second.exitCode()).as(second.err()).isEqualTo(ExitCode.OK);
            assertThat(second.out()).contains("1 resolved").contains("resolution notices queued");
            assertThat(bodies).hasSize(2);
            assertThat(bodies.get(1)).contains("\"event\":\"RESOLVED\"", "The root user has no access keys");
        } finally {
            HubOptions.environment = System::getenv;
            server.stop(0);
        }
    }

    static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Map<String, StoredFinding> stored() {
        try (FindingStore store = FindingStore.open(dir.resolve("ws"))) {
            return store.list(FindingQuery.all().withoutLimit()).stream()
                    .collect(Collectors.toMap(StoredFinding::id, f -> f));
        }
    }

    @Test
    void exitCodesGateOnSeverityAndOnBrokenInput() throws IOException {
        assertThat(posture(sim.toString(), "--fail-on", "high", "--no-store").exitCode()).isEqualTo(ExitCode.FINDINGS);

        Path broken = Files.createDirectories(dir.resolve("extra")).resolve("broken-snapshot.json");
        Files.writeString(broken, "{\"configurationItems\": [ {\"resourceType\": ");
        CliRunner.Result partial = posture(sim.toString(), broken.toString(), "--no-store");
        assertThat(partial.exitCode()).as(partial.err()).isEqualTo(ExitCode.PARTIAL);
        assertThat(partial.err()).contains("broken-snapshot.json").contains("results are partial");

        CliRunner.Result both = posture(sim.toString(), broken.toString(), "--fail-on", "high", "--no-store");
        assertThat(both.exitCode()).isEqualTo(ExitCode.FINDINGS_AND_PARTIAL);
        assertThat(both.err()).contains("or higher fail");
    }

    @Test
    void listsFrameworksAndChecks() {
        CliRunner.Result frameworks = CliRunner.run("posture", "--list-frameworks");
        assertThat(frameworks.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(frameworks.out().lines().toList()).hasSize(7)
                .containsExactlyElementsOf(FrameworkCatalog.builtIn().ids())
                .contains("cis-aws-foundations", "gdpr");

        CliRunner.Result checks = CliRunner.run("posture", "--list-checks");
        assertThat(checks.exitCode()).isEqualTo(ExitCode.OK);
        List<String> lines = checks.out().lines().toList();
        assertThat(lines).hasSize(58).hasSize(BuiltInChecks.all().size());
        assertThat(lines).anyMatch(l -> l.startsWith("root.no_access_keys "));
    }

    @Test
    void unknownFrameworkAndMissingInputAreUserErrors() {
        CliRunner.Result nope = posture(sim.toString(), "--framework", "nope");
        assertThat(nope.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(nope.err()).contains("unknown framework 'nope'");
        FrameworkCatalog.builtIn().ids().forEach(id -> assertThat(nope.err()).contains(id));
        assertThat(dir.resolve("out")).doesNotExist();

        CliRunner.Result none = posture();
        assertThat(none.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(none.err()).contains("--live");

        CliRunner.Result missing = posture(dir.resolve("nowhere").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(missing.err()).contains("nowhere").contains("does not exist");

        CliRunner.Result only = posture(sim.toString(), "--only", "nosuch.");
        assertThat(only.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(only.err()).contains("selects no check");
    }

    @Test
    void onlyRunsTheChecksSelectedByPrefix() {
        CliRunner.Result r = posture(sim.toString(), "--only", "cloudtrail.", "--no-store");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
        List<JsonNode> all = jsonLines(dir.resolve("out").resolve(PostureRun.RESULTS_FILE));
        assertThat(all).isNotEmpty().allMatch(n -> n.path("check").asText().startsWith("cloudtrail."));
        Set<String> expected = labels(sim).stream().filter(k -> k.startsWith("cloudtrail.")).collect(Collectors.toSet());
        assertThat(results("FAIL").stream().map(PostureCommandTest::key).collect(Collectors.toSet()))
                .isEqualTo(expected);
    }

    static final String CUSTOM = """
            checks:
              - id: custom.s3.bucket_tagged_owner
                title: Every S3 bucket has an owner tag
                section: Tagging
                severity: medium
                resource-type: AWS::S3::Bucket
                assert: '"vigil-test-owner" in resource.tags'
                fail-reason: The bucket has no vigil-test-owner tag.
                rationale: Responders need to know whom to call.
                remediation:
                  summary: Tag the bucket.
                  aws-cli: aws s3api put-bucket-tagging --bucket b --tagging 'TagSet=[{Key=owner,Value=t}]'
                  terraform: 'resource "aws_s3_bucket" "b" {}'
                permissions: [config:BatchGetResourceConfig]
            """;

    @Test
    void customChecksAddResultsAndBrokenOnesAreReportedWithTheirLine() throws IOException {
        Path good = Files.writeString(dir.resolve("good.yaml"), CUSTOM);
        CliRunner.Result r = posture(sim.toString(), "--checks", good.toString(), "--no-store");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
        List<JsonNode> custom = jsonLines(dir.resolve("out").resolve(PostureRun.RESULTS_FILE)).stream()
                .filter(n -> n.path("check").asText().equals("custom.s3.bucket_tagged_owner")).toList();
        assertThat(custom).isNotEmpty().allMatch(n -> n.path("status").asText().equals("FAIL"));
        assertThat(custom).allMatch(n -> n.path("resource").asText().length() > 0);

        String bad = CUSTOM.replace("custom.s3.bucket_tagged_owner", "custom.s3.other")
                .replace("severity: medium", "severity: dreadful");
        Path broken = Files.writeString(dir.resolve("broken.yaml"), bad);
        CliRunner.Result partial = posture(sim.toString(), "--checks", good.toString(), "--checks", broken.toString(),
                "--no-store");
        assertThat(partial.exitCode()).as(partial.err()).isEqualTo(ExitCode.PARTIAL);
        assertThat(partial.err()).contains(broken + ":5:").contains("the 1 valid ones run");
        Set<String> checks = new HashSet<>();
        jsonLines(dir.resolve("out").resolve(PostureRun.RESULTS_FILE)).forEach(n -> checks.add(n.path("check").asText()));
        assertThat(checks).contains("custom.s3.bucket_tagged_owner", "cloudtrail.multi_region_trail")
                .doesNotContain("custom.s3.other");
    }

    @Test
    void aFrameworkGivesTheDetailAndNoFrameworkTheOverview() {
        CliRunner.Result overview = posture(sim.toString(), "--no-store");
        assertThat(overview.out()).contains("Per section and per account: --framework ID")
                .doesNotContain("Account (automated requirements)");
        FrameworkCatalog.builtIn().ids().forEach(id -> assertThat(overview.out()).contains("[" + id + "] =="));

        CliRunner.Result detail = posture(sim.toString(), "--framework", "cis-aws-foundations", "--no-store");
        assertThat(detail.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(detail.out()).doesNotContain("Per section and per account: --framework ID")
                .contains("[cis-aws-foundations] ==").doesNotContain("[gdpr] ==")
                .contains("Account (automated requirements)").contains("Requirements failing or not judged");
        List<String> lines = detail.out().lines().toList();
        assertThat(lines).anyMatch(l -> l.startsWith("  Logging ")).anyMatch(l -> l.startsWith("  Monitoring "));
        labels(sim).stream().map(k -> k.split("\\|")[1]).filter(a -> !a.isEmpty()).distinct().forEach(account ->
                assertThat(lines).as(account).anyMatch(l -> l.startsWith("  " + account + " ")));
    }
}
