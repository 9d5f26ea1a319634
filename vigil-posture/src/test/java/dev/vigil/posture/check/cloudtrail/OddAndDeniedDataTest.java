package dev.vigil.posture.check.cloudtrail;

import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.CheckStatus;
import dev.vigil.posture.check.EstateFixture;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every check of the section, fed exports of the wrong shape and Config items of the wrong types, still answers for
 * every account without throwing; fed only denied exports, it never says FAIL.
 */
class OddAndDeniedDataTest {

    static final String A = "222222222222";
    static final String R = "us-east-1";
    static final List<List<String>> OPERATIONS = List.of(
            List.of("cloudtrail", "describe-trails", ""),
            List.of("cloudtrail", "get-trail-status", "t"),
            List.of("cloudtrail", "get-event-selectors", "t"),
            List.of("organizations", "list-accounts", ""),
            List.of("s3control", "get-public-access-block", ""));
    static final List<String> TYPES = List.of("AWS::CloudTrail::Trail", "AWS::S3::Bucket", "AWS::S3::AccountPublicAccessBlock");
    static final List<String> ODD_BODIES = List.of("[]", "\"text\"", "42", "null",
            "{\"trailList\":\"x\",\"DetectorIds\":{},\"FlowLogs\":[1,null,\"x\",{\"FlowLogId\":[]}],"
                    + "\"ConfigurationRecorders\":[{\"recordingGroup\":7}],\"ConfigurationAggregators\":\"x\","
                    + "\"StandardsSubscriptions\":[null],\"Administrator\":[],\"AdminAccounts\":[{\"AccountId\":{}}],"
                    + "\"Status\":{},\"Features\":\"x\",\"IsLogging\":\"maybe\",\"EventSelectors\":[{\"DataResources\":7}]}",
            "{\"Error\":{\"Code\":\"\\u0007Weird\\n\",\"Message\":42}}");

    @Test
    void oddShapesNeverThrowAndEveryAccountIsAnswered() {
        for (String body : ODD_BODIES) {
            EstateFixture f = new EstateFixture();
            for (List<String> op : OPERATIONS) {
                f.export(A, R, op.get(0), op.get(1), op.get(2), body);
            }
            for (String type : TYPES) {
                f.resource(type, "odd", A, R, body.equals("null") ? "{}" : body, body.startsWith("{") ? body : "{}", Map.of());
            }
            for (Check check : CloudTrailChecks.checks()) {
                List<CheckResult> results = check.evaluate(f.estate());
                assertThat(results).as(check.metadata().id() + " on " + body).isNotEmpty();
                if (!body.contains("Error")) {
                    // Error codes are quoted by Verdicts.unavailableReason as given; everything these checks word
                    // themselves must be free of control characters.
                    assertThat(results).allSatisfy(r -> assertThat(r.reason()).doesNotContainPattern("\\p{Cntrl}"));
                }
            }
        }
    }

    @Test
    void deniedExportsAreNeverAFail() {
        EstateFixture f = new EstateFixture();
        for (List<String> op : OPERATIONS) {
            f.export(A, R, op.get(0), op.get(1), op.get(2),
                    "{\"Error\":{\"Code\":\"AccessDenied\",\"Message\":\"not authorized\"}}");
        }
        for (Check check : CloudTrailChecks.checks()) {
            List<CheckResult> results = check.evaluate(f.estate());
            assertThat(results).as(check.metadata().id()).isNotEmpty()
                    .noneMatch(r -> r.status() == CheckStatus.FAIL || r.status() == CheckStatus.PASS);
        }
    }
}
