package dev.vigil.live;

import dev.vigil.posture.check.BuiltInChecks;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.CheckRunner;
import dev.vigil.posture.check.CheckStatus;
import dev.vigil.posture.check.Estate;
import dev.vigil.posture.check.PosturePolicy;
import dev.vigil.posture.input.PostureInput;
import dev.vigil.posture.input.PostureInputReader;
import dev.vigil.posture.inventory.Inventory;
import dev.vigil.posture.supplement.Supplements;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static dev.vigil.live.EstateFiles.MANAGEMENT;
import static dev.vigil.live.EstateFiles.MEMBER;
import static dev.vigil.live.EstateFiles.REGION;
import static org.assertj.core.api.Assertions.assertThat;

class LiveCollectorTest {

    private static final String KEY = "1111aaaa-2222-3333-4444-555566667777";
    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

    private ReplayServer server;
    private final List<String> progress = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void startServer() {
        server = ReplayServer.start(EstateFiles.estate("replay"))
                .account("AKIDMANAGEMENT", MANAGEMENT)
                .account("ASIAMEMBER", MEMBER);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private LiveOptions options() {
        return LiveOptions.defaults()
                .withCredentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDMANAGEMENT", "secret")))
                .withEndpoint(server.endpoint())
                .withHttpClient(new LoopbackHttpClient())
                .withRetries(3, Duration.ofMillis(1))
                // Adaptive mode would rate-limit the throttled client for seconds; standard mode retries at once.
                .withStandardRetries()
                .withConcurrency(4)
                .withClock(Clock.fixed(NOW, ZoneOffset.UTC))
                .withProgress((done, known, call, failure) -> progress.add(done + "/" + known + " " + call + " " + failure));
    }

    @Test
    void offlineAndLiveGiveIdenticalResultsForTheSameEstate() {
        server.throttleOnce("cloudtrail", "DescribeTrails");
        LiveCollection live = new LiveCollector(options().withRoleName("VigilAudit")).collect();
        assertThat(live.throttles()).isEqualTo(1);
        // The offline side is the real offline reader over the same estate saved as files.
        PostureInput offline = PostureInputReader.read(List.of(EstateFiles.estate("offline")), Optional.empty());
        assertThat(offline.summary().problems()).isEmpty();

        assertThat(EstateFiles.resources(live.inventory().all()))
                .hasSize(6)
                .containsExactlyElementsOf(EstateFiles.resources(offline.inventory().all()));
        assertThat(live.inventory().accounts()).containsExactly(MANAGEMENT, MEMBER);
        assertThat(EstateFiles.documents(live.supplements().all()))
                .hasSize(offline.supplements().size())
                .containsExactlyElementsOf(EstateFiles.documents(offline.supplements().all()));

        assertThat(live.rootActivity())
                .extracting(use -> use.eventName() + "@" + use.time())
                .containsExactly("ConsoleLogin@2024-04-29T10:00:00Z", "CreateAccessKey@2024-04-30T11:15:00Z");
        assertThat(live.rootActivity()).containsExactlyElementsOf(offline.rootUses());
        assertThat(server.calls()).filteredOn(c -> c.operation().equals("LookupEvents")).hasSize(3);

        List<CheckResult> liveResults = CheckRunner.run(checks(), live.estate(PosturePolicy.defaults(), NOW));
        List<CheckResult> offlineResults = CheckRunner.run(checks(), offline.estate(NOW));
        assertThat(liveResults).isNotEmpty().containsExactlyElementsOf(offlineResults);
    }

    @Test
    void aDeniedCallBecomesAnErrorDocumentAndTheRunGoesOn() {
        LiveCollection live = new LiveCollector(options()).collect();
        assertThat(live.supplements().get(MANAGEMENT, REGION, "securityhub", "get-administrator-account"))
                .hasValueSatisfying(body -> {
                    assertThat(body.path("Error").path("Code").asText()).isEqualTo("AccessDeniedException");
                    assertThat(body.path("Error").path("Message").asText()).contains("not authorized");
                });
        assertThat(live.supplements().get(MANAGEMENT, REGION, "securityhub", "describe-hub"))
                .hasValueSatisfying(body -> assertThat(body.has("Error")).isFalse());
        List<CheckResult> echoed = CheckRunner.run(List.of(new EchoCheck()), estate(live.inventory(), live.supplements()));
        assertThat(echoed).filteredOn(r -> r.status() == CheckStatus.ERROR).hasSize(1);
    }

    @Test
    void aThrottledCallIsRetriedAndCounted() {
        server.throttleOnce("cloudtrail", "DescribeTrails");
        server.throttleOnce("monitoring", "DescribeAlarms");
        LiveCollection live = new LiveCollector(options()).collect();
        assertThat(live.throttles()).isEqualTo(2);
        assertThat(live.supplements().get(MANAGEMENT, REGION, "cloudtrail", "describe-trails"))
                .hasValueSatisfying(body -> assertThat(body.path("trailList")).hasSize(1));
        assertThat(live.supplements().get(MANAGEMENT, REGION, "cloudwatch", "describe-alarms"))
                .hasValueSatisfying(body -> assertThat(body.path("MetricAlarms")).hasSize(1));
        assertThat(server.calls()).filteredOn(c -> c.operation().equals("DescribeTrails")).hasSize(2);
    }

    @Test
    void theCredentialReportIsFetchedAgainWhileIamIsStillMakingIt() {
        server.failOnce("iam", "GetCredentialReport", "410 ReportInProgress Report is being generated");
        LiveCollection live = new LiveCollector(options()).collect();
        assertThat(server.calls()).filteredOn(c -> c.operation().equals("GetCredentialReport")).hasSize(2);
        assertThat(server.calls()).filteredOn(c -> c.operation().equals("GenerateCredentialReport")).hasSize(2);
        assertThat(live.supplements().get(MANAGEMENT, "global", "iam", "get-credential-report"))
                .hasValueSatisfying(body -> assertThat(body.path("ReportFormat").asText()).isEqualTo("text/csv"));
    }

    @Test
    void aCredentialReportThatCannotBeMadeIsAnErrorDocument() {
        server.fail("iam", "GenerateCredentialReport", "403 AccessDenied not allowed to generate");
        LiveCollection live = new LiveCollector(options()).collect();
        assertThat(live.supplements().get(MANAGEMENT, "global", "iam", "get-credential-report"))
                .hasValueSatisfying(body -> assertThat(body.path("Error").path("Code").asText()).isEqualTo("AccessDenied"));
        assertThat(server.calls()).filteredOn(c -> c.operation().equals("GenerateCredentialReport")).hasSize(1);
    }

    @Test
    void progressCountsEveryCallOnce() {
        LiveCollection live = new LiveCollector(options()).collect();
        assertThat(progress).hasSize(live.calls());
        assertThat(progress).anyMatch(line -> line.contains(MANAGEMENT + "/" + REGION + " kms.get-key-policy."));
        assertThat(progress).allMatch(line -> line.matches("\\d+/\\d+ live:.*"));
        assertThat(progress).anyMatch(line -> line.endsWith(" AccessDeniedException"));
    }

    @Test
    void assumesTheNamedRoleInEachMemberAccount() {
        LiveCollection live = new LiveCollector(options()
                .withAccounts(List.of(MANAGEMENT, MEMBER)).withRegions(List.of(REGION)).withRoleName("VigilAudit"))
                .collect();
        assertThat(server.forms()).anyMatch(form -> form.contains("Action=AssumeRole")
                && form.contains("RoleArn=arn%3Aaws%3Aiam%3A%3A222222222222%3Arole%2FVigilAudit"));
        // The member's calls were signed with the assumed role's key, so the server answered from that account's
        // recordings.
        assertThat(server.calls()).anyMatch(c -> c.account().equals(MEMBER) && c.service().equals("cloudtrail"));
        assertThat(server.calls()).noneMatch(c -> c.account().startsWith("unknown"));
        assertThat(live.supplements().get(MEMBER, REGION, "cloudtrail", "describe-trails"))
                .hasValueSatisfying(body -> assertThat(body.toString()).isEqualTo("{\"trailList\":[]}"));
        assertThat(live.inventory().ofType("AWS::EC2::Volume", MEMBER)).hasSize(1);
        assertThat(live.supplements().get(MEMBER, "global", "iam", "get-account-summary")).isPresent();
        // The management account still reads as before; --regions means describe-regions is not asked.
        assertThat(live.supplements().get(MANAGEMENT, REGION, "kms", "list-keys")).isPresent();
        assertThat(live.supplements().all("ec2", "describe-regions")).isEmpty();
    }

    @Test
    void withoutARoleOnlyTheCallersAccountIsRead() {
        LiveCollection live = new LiveCollector(options().withAccounts(List.of(MANAGEMENT, MEMBER))
                .withRegions(List.of(REGION))).collect();
        assertThat(live.supplements().accounts()).containsExactly(MANAGEMENT);
        assertThat(server.calls()).noneMatch(c -> c.operation().equals("AssumeRole"));
    }

    @Test
    void savedSnapshotsReadBackAsTheSameEstate(@TempDir Path folder) throws Exception {
        LiveCollection live = new LiveCollector(options()).collect();
        assertThat(SnapshotWriter.write(live, folder, NOW)).isEmpty();
        ExportFiles saved = EstateFiles.read(folder);
        assertThat(saved.skipped()).isEmpty();
        assertThat(EstateFiles.resources(saved.inventory().all()))
                .containsExactlyElementsOf(EstateFiles.resources(live.inventory().all()));
        assertThat(EstateFiles.documents(saved.supplements().all()))
                .containsExactlyElementsOf(EstateFiles.documents(live.supplements().all()));
        assertThat(saved.rootUses()).hasSize(2).containsExactlyElementsOf(live.rootActivity());
        assertThat(folder.resolve("AWSLogs/111111111111/Config/us-east-1/2024/5/1/ConfigSnapshot/"
                + "111111111111_Config_us-east-1_ConfigSnapshot_20240501T120000Z_vigil-live.json")).exists();
        assertThat(folder.resolve("supplementary/111111111111/global/iam.get-credential-report.json")).exists();
    }

    @Test
    void whenAdvancedQueryIsRefusedTheInventoryComesFromBatchGet() {
        server.fail("config", "SelectResourceConfig", "400 InvalidExpressionException Advanced query is not supported");
        LiveCollection live = new LiveCollector(options()).collect();
        PostureInput offline = PostureInputReader.read(List.of(EstateFiles.estate("offline")), Optional.empty());

        assertThat(live.inventory().all()).extracting(r -> r.type() + "/" + r.id())
                .containsExactly("AWS::S3::Bucket/org-cloudtrail-logs", "AWS::KMS::Key/" + KEY);
        for (var resource : live.inventory().all()) {
            var same = offline.inventory().byId(resource.type(), resource.id()).orElseThrow();
            assertThat(resource.configuration()).isEqualTo(same.configuration());
            assertThat(resource.supplementaryConfiguration()).isEqualTo(same.supplementaryConfiguration());
            assertThat(resource.captureTime()).isEqualTo(same.captureTime());
            assertThat(resource.arn()).isEqualTo(same.arn());
            // BatchGetResourceConfig carries neither tags nor relationships (documented).
            assertThat(resource.tags()).isEmpty();
        }
        // A refused first choice that the fallback made up for is not the estate's state: no document for it.
        assertThat(live.supplements().all("configservice", "select-resource-config")).isEmpty();
        assertThat(live.supplements().all("configservice", "batch-get-resource-config")).isEmpty();
    }

    @Test
    void whenConfigCannotBeReadAtAllTheRegionSaysWhy() {
        server.fail("config", "SelectResourceConfig", "400 AccessDeniedException not allowed");
        server.fail("config", "GetDiscoveredResourceCounts", "400 AccessDeniedException not allowed either");
        LiveCollection live = new LiveCollector(options()).collect();
        assertThat(live.inventory().isEmpty()).isTrue();
        assertThat(live.supplements().get(MANAGEMENT, REGION, "configservice", "batch-get-resource-config"))
                .hasValueSatisfying(body -> assertThat(body.path("Error").path("Message").asText())
                        .isEqualTo("not allowed either"));
    }

    private static List<Check> checks() {
        List<Check> checks = new ArrayList<>(BuiltInChecks.all());
        checks.add(new EchoCheck());
        return checks;
    }

    private static Estate estate(Inventory inventory, Supplements supplements) {
        return new Estate(inventory, supplements, PosturePolicy.defaults(), NOW, List.of());
    }
}
