package dev.vigil.live;

import dev.vigil.posture.check.BuiltInChecks;
import dev.vigil.posture.check.Check;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class LivePermissionsTest {

    /** SigV4 signing names that differ from the IAM action prefix. */
    private static final Map<String, String> PREFIX = Map.of("monitoring", "cloudwatch");
    /** Operations whose IAM action is not named after the operation. */
    private static final Map<String, String> ACTION = Map.of("s3:GetPublicAccessBlock", "s3:GetAccountPublicAccessBlock");

    @Test
    void everyCallTheCollectorMakesIsAListedPermission() {
        Set<String> used = new TreeSet<>();
        used.addAll(actionsOfARun(false));
        used.addAll(actionsOfARun(true));
        Set<String> listed = new TreeSet<>(LivePermissions.CALLS);
        listed.addAll(LivePermissions.CALLER_ONLY);
        assertThat(listed).containsAll(used);
        // And nothing is listed that no run uses (except AssumeRole, made only with --role-name).
        Set<String> unused = new TreeSet<>(LivePermissions.CALLS);
        unused.removeAll(used);
        assertThat(unused).isEmpty();
    }

    @Test
    void theDocumentationListsEveryPermission() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "posture-live.md"));
        assertThat(LivePermissions.all()).allSatisfy(action -> assertThat(doc).contains("\"" + action + "\""));
    }

    @Test
    void everyPermissionAChecksDeclaresIsObtainedByALiveRun() {
        Set<String> uncovered = new TreeSet<>();
        for (Check check : BuiltInChecks.all()) {
            for (String action : check.metadata().permissions()) {
                if (!LivePermissions.covers(action)) {
                    uncovered.add(check.metadata().id() + " needs " + action);
                }
            }
        }
        assertThat(uncovered)
                .as("checks declare actions the live collector neither calls nor gets through AWS Config; "
                        + "add the call (and LivePermissions.CALLS) or list the action in RECORDED_BY_CONFIG")
                .isEmpty();
        assertThat(LivePermissions.covers("cloudtrail:DescribeTrails")).isTrue();
        assertThat(LivePermissions.covers("s3:GetBucketPolicy")).isTrue();
        assertThat(LivePermissions.covers("ec2:TerminateInstances")).isFalse();
    }

    private static Set<String> actionsOfARun(boolean withoutAdvancedQuery) {
        try (ReplayServer server = ReplayServer.start(EstateFiles.estate("replay"))
                .account("AKIDMANAGEMENT", EstateFiles.MANAGEMENT)) {
            if (withoutAdvancedQuery) {
                server.fail("config", "SelectResourceConfig", "400 InvalidExpressionException no");
            }
            new LiveCollector(LiveOptions.defaults()
                    .withCredentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDMANAGEMENT", "s")))
                    .withEndpoint(server.endpoint()).withHttpClient(new LoopbackHttpClient())
                    .withRetries(2, Duration.ofMillis(1)).withStandardRetries()).collect();
            Set<String> actions = new TreeSet<>();
            for (ReplayServer.Call call : server.calls()) {
                String action = PREFIX.getOrDefault(call.service(), call.service()) + ":" + call.operation();
                actions.add(ACTION.getOrDefault(action, action));
            }
            // A call the replay server could not name (an unknown REST path) would show as "GET /path".
            assertThat(actions).noneMatch(action -> action.contains(" "));
            return actions;
        }
    }
}
