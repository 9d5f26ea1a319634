package dev.vigil.posture.check;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The robustness every section's checks owe: fed exports of the wrong shape and Config items of the wrong types they
 * still answer for every account without throwing, and fed only denied exports they never give a verdict (PASS or
 * FAIL). Each section's OddAndDeniedDataTest names its exports, resource types and checks and runs these.
 */
public final class OddDataHarness {

    public static final String ACCOUNT = "222222222222";
    public static final String REGION = "us-east-1";

    /** Bodies of every wrong shape: not objects, nulls, and an object whose known fields all have the wrong types. */
    public static final List<String> ODD_BODIES = List.of("[]", "\"text\"", "42", "null",
            "{\"trailList\":\"x\",\"DetectorIds\":{},\"FlowLogs\":[1,null,\"x\",{\"FlowLogId\":[]}],"
                    + "\"ConfigurationRecorders\":[{\"recordingGroup\":7}],\"ConfigurationAggregators\":\"x\","
                    + "\"StandardsSubscriptions\":[null],\"Administrator\":[],\"AdminAccounts\":[{\"AccountId\":{}}],"
                    + "\"Status\":{},\"Features\":\"x\",\"IsLogging\":\"maybe\",\"EventSelectors\":[{\"DataResources\":7}]}",
            "{\"Error\":{\"Code\":\"\\u0007Weird\\n\",\"Message\":42}}");

    private OddDataHarness() {
    }

    /**
     * @param operations each a (service, operation, subject) triple to export
     * @param types      Config resource types to add an item of, with the odd body as configuration
     */
    public static void oddShapesNeverThrowAndEveryAccountIsAnswered(List<List<String>> operations, List<String> types,
                                                                    List<Check> checks) {
        for (String body : ODD_BODIES) {
            EstateFixture f = new EstateFixture();
            for (List<String> op : operations) {
                f.export(ACCOUNT, REGION, op.get(0), op.get(1), op.get(2), body);
            }
            for (String type : types) {
                f.resource(type, "odd", ACCOUNT, REGION, body.equals("null") ? "{}" : body,
                        body.startsWith("{") ? body : "{}", Map.of());
            }
            for (Check check : checks) {
                List<CheckResult> results = check.evaluate(f.estate());
                assertThat(results).as(check.metadata().id() + " on " + body).isNotEmpty();
                // reasons quote attacker-controlled text (even an Error code) only through Verdicts.clip
                assertThat(results).allSatisfy(r -> assertThat(r.reason()).as(check.metadata().id() + " on " + body)
                        .doesNotContainPattern("\\p{Cntrl}"));
            }
        }
    }

    /** Every listed export says AccessDenied: no check may answer PASS or FAIL. */
    public static void deniedExportsAreNeverAVerdict(List<List<String>> operations, List<Check> checks) {
        EstateFixture f = new EstateFixture();
        for (List<String> op : operations) {
            f.export(ACCOUNT, REGION, op.get(0), op.get(1), op.get(2),
                    "{\"Error\":{\"Code\":\"AccessDenied\",\"Message\":\"not authorized\"}}");
        }
        for (Check check : checks) {
            List<CheckResult> results = check.evaluate(f.estate());
            assertThat(results).as(check.metadata().id()).isNotEmpty()
                    .noneMatch(r -> r.status() == CheckStatus.FAIL || r.status() == CheckStatus.PASS);
        }
    }
}
