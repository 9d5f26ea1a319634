package dev.vigil.engine.baseline;

import static dev.vigil.engine.baseline.Calls.ALICE;
import static dev.vigil.engine.baseline.Calls.call;
import static dev.vigil.engine.baseline.Runs.COPIED;
import static dev.vigil.engine.baseline.Runs.ordinary;
import static dev.vigil.engine.baseline.Runs.plus;
import static dev.vigil.engine.baseline.Runs.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.engine.testing.JsonEvent;
import dev.vigil.model.DetectionInfo;
import dev.vigil.model.Finding;
import dev.vigil.model.Severity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BehaviourBaselinesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Day 9, 12:30 UTC: after the default seven-day learning period, at an hour alice works. */
    private static final Duration LATER = Duration.ofDays(9).plusHours(12).plusMinutes(30);

    private static JsonNode summary(Finding f) throws Exception {
        assertThat(f.evidence().getFirst().eventId()).isEqualTo("summary");
        assertThat(f.evidence().getFirst().origin()).isEqualTo("summary");
        return JSON.readTree(f.evidence().getFirst().rawJson());
    }

    private static List<String> signals(Finding f) throws Exception {
        List<String> out = new ArrayList<>();
        summary(f).get("signals").forEach(s -> out.add(s.asText()));
        return out;
    }

    @Test
    void anOrdinaryHistoryRaisesNothing() {
        assertThat(run(COPIED, ordinary(ALICE, 14))).isEmpty();
    }

    @Test
    void aNewApiAloneFromTheUsualPlaceIsOrdinaryWork() {
        JsonEvent createKey = call(ALICE).at(LATER).api("iam.amazonaws.com", "CreateAccessKey", false).event();
        JsonEvent roles = call(ALICE).at(LATER.plusMinutes(1)).api("iam.amazonaws.com", "ListRoles", true).event();
        assertThat(run(COPIED, plus(ordinary(ALICE, 10), createKey, roles))).isEmpty();
    }

    @Test
    void aNewApiAloneIsReportedAtLowWhenAskedFor() throws Exception {
        JsonEvent createKey = call(ALICE).at(LATER).api("iam.amazonaws.com", "CreateAccessKey", false).event();
        BaselineSettings alsoAlone = COPIED.withScoring(AnomalyScoring.defaults().withReportNewApiAlone(true));
        List<Finding> findings = run(alsoAlone, plus(ordinary(ALICE, 10), createKey));

        assertThat(findings).hasSize(1);
        Finding f = findings.getFirst();
        assertThat(f.rule().id()).isEqualTo("vigil-baseline-persistence");
        assertThat(f.rule().types()).containsExactly("Persistence:IAMUser/AnomalousBehavior");
        assertThat(f.severity()).isEqualTo(Severity.LOW);
        assertThat(f.principal()).isEqualTo(ALICE);
        assertThat(f.account()).isEqualTo("111122223333");
        assertThat(f.region()).isEqualTo("eu-west-1");
        assertThat(f.keys()).containsOnlyKeys("account", "principal", "tactic").containsEntry("tactic", "Persistence");
        assertThat(signals(f)).containsExactly("new-api", "new-api-for-account", "sensitive-tactic");
        JsonNode s = summary(f);
        assertThat(s.at("/new/apis/0").asText()).isEqualTo("iam.amazonaws.com:CreateAccessKey");
        assertThat(s.at("/baseline/usualNetworks/0").asText()).isEqualTo("198.51.100.0/24");
        assertThat(s.at("/baseline/learningStart").asText()).isEqualTo("2026-10-01T09:10:00Z");
        assertThat(f.evidence()).hasSize(2);
        assertThat(f.evidence().get(1).rawJson()).isEqualTo(createKey.rawJson());
        assertThat(f.rule().description()).contains("new API iam.amazonaws.com:CreateAccessKey")
                .contains("Ask the principal's owner");
    }

    @Test
    void theSameNewApiDuringTheLearningPeriodIsOnlyLearned() {
        JsonEvent early = call(ALICE).at(Duration.ofDays(3).plusHours(12))
                .api("iam.amazonaws.com", "CreateAccessKey", false).event();
        assertThat(run(COPIED, plus(ordinary(ALICE, 10), early))).isEmpty();
    }

    @Test
    void theLearningPeriodIsConfigurableAndCountedFromThePrincipalsFirstCall() {
        JsonEvent dayTwo = call(ALICE).at(Duration.ofDays(2).plusHours(12))
                .api("iam.amazonaws.com", "CreateAccessKey", false).ip("203.0.113.50").event();
        List<JsonEvent> events = plus(ordinary(ALICE, 3), dayTwo);
        assertThat(run(COPIED, events)).isEmpty();
        assertThat(run(COPIED.withLearningPeriod(Duration.ofHours(8)), events)).hasSize(1);
        // bob appears on day 2: his own learning period has not ended, whatever alice's state
        JsonEvent bobNew = call(Calls.BOB).at(Duration.ofDays(2).plusHours(13))
                .api("iam.amazonaws.com", "CreateAccessKey", false).ip("203.0.113.50").event();
        List<JsonEvent> withBob = plus(events, call(Calls.BOB).at(Duration.ofDays(2).plusHours(9)).event(), bobNew);
        assertThat(run(COPIED.withLearningPeriod(Duration.ofHours(8)), withBob))
                .extracting(Finding::principal).containsExactly(ALICE);
    }

    @Test
    void aNewApiFromANewNetworkWithANewToolScoresHigher() throws Exception {
        JsonEvent odd = call(ALICE).at(LATER).api("iam.amazonaws.com", "CreateAccessKey", false)
                .ip("203.0.113.50").agent("python-requests/2.31.0").event();
        List<Finding> findings = run(COPIED, plus(ordinary(ALICE, 10), odd));

        assertThat(findings).hasSize(1);
        Finding f = findings.getFirst();
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(signals(f)).containsExactly("new-api", "new-network", "new-user-agent", "new-api-for-account",
                "new-user-agent-for-account", "sensitive-tactic");
        JsonNode s = summary(f);
        assertThat(s.at("/new/networks/0").asText()).isEqualTo("203.0.113.0/24");
        assertThat(s.at("/new/userAgents/0").asText()).isEqualTo("python-requests");
        assertThat(s.at("/score").asInt()).isEqualTo(9);
        assertThat(f.rule().description()).contains("new network 203.0.113.0/24 (usual: 198.51.100.0/24)");
    }

    @Test
    void aKnownApiFromANewNetworkAndANewToolIsReportedUnderTheApisTactic() throws Exception {
        JsonEvent odd = call(ALICE).at(LATER).ip("203.0.113.50").agent("Boto3/1.34.1 Python/3.12").event();
        List<Finding> findings = run(COPIED, plus(ordinary(ALICE, 10), odd));

        assertThat(findings).hasSize(1);
        Finding f = findings.getFirst();
        assertThat(f.rule().types()).containsExactly("Discovery:IAMUser/AnomalousBehavior");
        assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(f.keys()).containsEntry("tactic", "Discovery").doesNotContainKey("anomaly");
        assertThat(signals(f)).containsExactly("new-network", "new-user-agent", "new-user-agent-for-account");
    }

    @Test
    void aNewNetworkAloneOrANewToolAloneIsNotReported() {
        JsonEvent travelling = call(ALICE).at(LATER).ip("192.0.2.10").event();
        JsonEvent upgraded = call(ALICE).at(LATER.plusMinutes(5)).agent("aws-cli/2.17.0 Python/3.12.1").event();
        JsonEvent sdk = call(ALICE).at(LATER.plusMinutes(9)).agent("Boto3/1.34.1 Python/3.12").event();
        assertThat(run(COPIED, plus(ordinary(ALICE, 10), travelling, upgraded, sdk))).isEmpty();
    }

    @Test
    void aNewRegionCountsAsASignal() throws Exception {
        JsonEvent elsewhere = call(ALICE).at(LATER).region("ap-southeast-2").ip("203.0.113.50").event();
        List<Finding> findings = run(COPIED, plus(ordinary(ALICE, 10), elsewhere));
        assertThat(findings).hasSize(1);
        assertThat(signals(findings.getFirst())).containsExactly("new-region", "new-network", "new-region-for-account");
        assertThat(run(COPIED, plus(ordinary(ALICE, 10),
                call(ALICE).at(LATER).region("ap-southeast-2").event()))).isEmpty();
    }

    @Test
    void aRegionColleaguesUseIsNotAChangeOfContextUnlessConfigured() throws Exception {
        List<JsonEvent> events = new ArrayList<>(ordinary(ALICE, 10));
        for (int d = 0; d < 10; d++) {
            events.add(call(Calls.BOB).at(Duration.ofDays(d).plusHours(11)).region("us-east-1").event());
        }
        events.add(call(ALICE).at(LATER).region("us-east-1").agent("python-requests/2.31.0")
                .api("cloudtrail.amazonaws.com", "GetTrailStatus", true).event());
        assertThat(run(COPIED, events)).isEmpty();

        BaselineSettings anyRegion = COPIED.withScoring(AnomalyScoring.defaults().withRegionNeedsAccountNovelty(false));
        List<Finding> findings = run(anyRegion, events);
        assertThat(findings).extracting(Finding::principal).containsExactly(ALICE);
        assertThat(signals(findings.getFirst())).containsExactly("new-api", "new-region", "new-user-agent",
                "new-api-for-account", "new-user-agent-for-account");
        assertThat(findings.getFirst().severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void aToolColleaguesUseIsNotAChangeOfContextUnlessConfigured() throws Exception {
        String terraform = "APN/1.0 HashiCorp/1.0 Terraform/1.9.5 (+https://www.terraform.io)";
        List<JsonEvent> events = new ArrayList<>(ordinary(ALICE, 10));
        for (int d = 0; d < 10; d++) {
            events.add(call(Calls.BOB).at(Duration.ofDays(d).plusHours(11)).agent(terraform).event());
        }
        events.add(call(ALICE).at(LATER).agent(terraform).region("ap-southeast-2")
                .api("iam.amazonaws.com", "AttachRolePolicy", false).event());
        assertThat(run(COPIED, events)).isEmpty();

        BaselineSettings anyTool = COPIED.withScoring(AnomalyScoring.defaults()
                .withUserAgentNeedsAccountNovelty(false));
        assertThat(run(anyTool, events)).singleElement().satisfies(f -> {
            assertThat(f.principal()).isEqualTo(ALICE);
            assertThat(f.rule().types()).containsExactly("PrivilegeEscalation:IAMUser/AnomalousBehavior");
            assertThat(signals(f)).containsExactly("new-api", "new-region", "new-user-agent", "new-api-for-account",
                    "new-region-for-account", "sensitive-tactic");
        });
    }

    @Test
    void aNewApiWithOnlyANewToolOrOnlyANewRegionIsOrdinary() {
        JsonEvent cli = call(ALICE).at(LATER).agent("python-requests/2.31.0")
                .api("iam.amazonaws.com", "ListRoles", true).event();
        JsonEvent elsewhere = call(ALICE).at(LATER.plusMinutes(3)).region("ap-southeast-2")
                .api("ec2.amazonaws.com", "RunInstances", false).event();
        assertThat(run(COPIED, plus(ordinary(ALICE, 10), cli))).isEmpty();
        assertThat(run(COPIED, plus(ordinary(ALICE, 10), elsewhere))).isEmpty();
    }

    @Test
    void aNewApiWithANewToolInARegionNewToTheAccountIsReported() throws Exception {
        JsonEvent odd = call(ALICE).at(LATER).region("ap-southeast-2").agent("python-requests/2.31.0")
                .api("ec2.amazonaws.com", "RunInstances", false).event();
        assertThat(run(COPIED, plus(ordinary(ALICE, 10), odd))).singleElement().satisfies(f -> {
            assertThat(f.rule().types()).containsExactly("Impact:IAMUser/AnomalousBehavior");
            assertThat(signals(f)).containsExactly("new-api", "new-region", "new-user-agent", "new-api-for-account",
                    "new-region-for-account", "new-user-agent-for-account", "sensitive-tactic");
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
        });
    }

    @Test
    void aNewHourOfTheWeekAddsToTheScoreButIsNotReportedAlone() throws Exception {
        Duration night = Duration.ofDays(9).plusHours(3);
        JsonEvent nightKey = call(ALICE).at(night).api("iam.amazonaws.com", "CreateAccessKey", false)
                .ip("203.0.113.50").event();
        List<Finding> findings = run(COPIED, plus(ordinary(ALICE, 10), nightKey));
        assertThat(signals(findings.getFirst())).containsExactly("new-api", "new-network", "new-hour-of-week",
                "new-api-for-account", "sensitive-tactic");
        assertThat(summary(findings.getFirst()).at("/score").asInt()).isEqualTo(7);
        assertThat(summary(findings.getFirst()).at("/new/hoursOfWeek/0").asText()).isEqualTo("Sat 03:00-03:59 UTC");
        assertThat(run(COPIED, plus(ordinary(ALICE, 10), call(ALICE).at(night).event()))).isEmpty();
    }

    @Test
    void aBurstOfCallsAboveTheLearnedRateIsAVolumeSpike() throws Exception {
        List<JsonEvent> events = new ArrayList<>(ordinary(ALICE, 10));
        for (int i = 0; i < 60; i++) {
            events.add(call(ALICE).at(LATER.plusMillis(i * 900L)).event());
        }
        List<Finding> findings = run(COPIED, events);
        assertThat(findings).hasSize(1);
        Finding f = findings.getFirst();
        assertThat(f.keys()).containsEntry("tactic", "Discovery");
        assertThat(signals(f)).containsExactly("calls-spike");
        assertThat(f.severity()).isEqualTo(Severity.LOW);
        JsonNode v = summary(f).at("/volume/calls/0");
        assertThat(v.get("observed").asLong()).isEqualTo(60);
        assertThat(v.get("seasonal").asBoolean()).isTrue();
        assertThat(v.get("minute").asText()).isEqualTo("2026-10-10T12:30:00Z");
    }

    @Test
    void aBurstWithinTheLearnedRateOrBelowTheFloorIsNot() {
        List<JsonEvent> busy = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            for (int i = 0; i < 60; i++) {
                busy.add(call(ALICE).at(Duration.ofDays(d).plusHours(12).plusMinutes(30).plusMillis(i * 900L))
                        .event());
            }
        }
        assertThat(run(COPIED, busy)).isEmpty();
        List<JsonEvent> small = new ArrayList<>(ordinary(ALICE, 10));
        for (int i = 0; i < 20; i++) {
            small.add(call(ALICE).at(LATER.plusMillis(i * 900L)).event());
        }
        assertThat(run(COPIED, small)).isEmpty();
    }

    @Test
    void aSpikeOfS3BytesOutIsExfiltration() throws Exception {
        List<JsonEvent> events = new ArrayList<>(ordinary(ALICE, 10));
        for (int d = 0; d < 10; d++) {
            events.add(call(ALICE).at(Duration.ofDays(d).plusHours(12).plusMinutes(20))
                    .api("s3.amazonaws.com", "GetObject", true).bytesOut(2_000_000).event());
        }
        for (int i = 0; i < 10; i++) {
            events.add(call(ALICE).at(LATER.plusSeconds(i)).api("s3.amazonaws.com", "GetObject", true)
                    .bytesOut(50_000_000).event());
        }
        List<Finding> findings = run(COPIED, events);
        assertThat(findings).hasSize(1);
        Finding f = findings.getFirst();
        assertThat(f.rule().id()).isEqualTo("vigil-baseline-exfiltration");
        assertThat(f.rule().types()).containsExactly("Exfiltration:S3/AnomalousBehavior");
        assertThat(signals(f)).containsExactly("s3-bytes-out-spike", "sensitive-tactic");
        assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(summary(f).at("/volume/s3-bytes-out/0/observed").asLong()).isEqualTo(500_000_000L);

        List<JsonEvent> usual = new ArrayList<>(events.subList(0, events.size() - 10));
        usual.add(call(ALICE).at(LATER).api("s3.amazonaws.com", "GetObject", true).bytesOut(3_000_000).event());
        assertThat(run(COPIED, usual)).isEmpty();
    }

    @Test
    void awsServicesAndInternalCallsAreNotPrincipals() {
        BehaviourBaselines d = new BehaviourBaselines(COPIED, BaselineSnapshot.EMPTY);
        run(d, List.of(
                call(null).type("AWSService", "").at(Duration.ofHours(1)).event(),
                call(ALICE).ip("AWS Internal").at(Duration.ofHours(1)).event(),
                call(ALICE).eventType("AwsServiceEvent").at(Duration.ofHours(1)).event()));
        assertThat(d.snapshot().principals()).isZero();
    }

    @Test
    void aPrincipalWithoutArnIsKnownByTypeAndPrincipalId() {
        List<JsonEvent> events = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            events.add(call(null).type("SAMLUser", "idp:carol").at(Duration.ofDays(d).plusHours(12)).event());
        }
        events.add(call(null).type("SAMLUser", "idp:carol").at(LATER)
                .api("iam.amazonaws.com", "CreateAccessKey", false).ip("203.0.113.50").event());
        assertThat(run(COPIED, events)).extracting(Finding::principal).containsExactly("SAMLUser:idp:carol");
    }

    @Test
    void sessionsOfARoleShareTheRolesBaseline() {
        String role = "arn:aws:iam::111122223333:role/deployer";
        List<JsonEvent> events = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            events.add(call(null).session(role, "i-0abc" + d).at(Duration.ofDays(d).plusHours(12)).event());
        }
        JsonEvent odd = call(null).session(role, "i-0fff").at(LATER)
                .api("iam.amazonaws.com", "CreateAccessKey", false).ip("203.0.113.50").event();
        events.add(odd);
        List<Finding> findings = run(COPIED, events);
        assertThat(findings).extracting(Finding::principal).containsExactly(role);
        assertThat(findings.getFirst().evidence().get(1).rawJson()).contains("assumed-role/deployer/i-0fff");
    }

    @Test
    void evidenceTextIsLeftToTheCallerWhenDeferred() {
        JsonEvent createKey = call(ALICE).at(LATER).api("iam.amazonaws.com", "CreateAccessKey", false)
                .ip("203.0.113.50").event();
        Finding f = run(BaselineSettings.defaults(), plus(ordinary(ALICE, 10), createKey)).getFirst();
        assertThat(f.evidence().get(1).hasText()).isFalse();
        assertThat(f.evidence().get(1).origin()).isEqualTo(createKey.origin());
        assertThat(f.evidence().get(1).eventId()).isEqualTo(createKey.id());
    }

    @Test
    void oneFindingPerTacticGathersEveryNewApiAndValue() throws Exception {
        List<JsonEvent> events = new ArrayList<>(ordinary(ALICE, 10));
        String[] discovery = {"ListRoles", "ListPolicies", "ListGroups", "GetAccountSummary"};
        for (int i = 0; i < discovery.length; i++) {
            events.add(call(ALICE).at(LATER.plusSeconds(i * 10L)).api("iam.amazonaws.com", discovery[i], true)
                    .ip(i < 2 ? "203.0.113.50" : "192.0.2.7").agent("python-requests/2.31.0").event());
        }
        events.add(call(ALICE).at(LATER.plusMinutes(2)).api("iam.amazonaws.com", "CreateUser", false)
                .ip("203.0.113.50").agent("python-requests/2.31.0").event());
        List<Finding> findings = run(COPIED, events);

        assertThat(findings).extracting(f -> f.keys().get("tactic"))
                .containsExactlyInAnyOrder("Discovery", "Persistence");
        Finding d = findings.stream().filter(f -> f.keys().get("tactic").equals("Discovery")).findFirst().orElseThrow();
        assertThat(d.count()).isEqualTo(4);
        assertThat(d.evidence()).hasSize(5);
        JsonNode s = summary(d);
        assertThat(s.at("/new/apis")).extracting(JsonNode::asText).containsExactly("iam.amazonaws.com:ListRoles",
                "iam.amazonaws.com:ListPolicies", "iam.amazonaws.com:ListGroups",
                "iam.amazonaws.com:GetAccountSummary");
        assertThat(s.at("/new/networks")).extracting(JsonNode::asText).containsExactly("203.0.113.0/24",
                "192.0.2.0/24");
        assertThat(s.at("/calls").asInt()).isEqualTo(4);
        assertThat(d.rule().description()).contains("made 4 discovery calls")
                .contains("new APIs iam.amazonaws.com:ListRoles, iam.amazonaws.com:ListPolicies");
        assertThat(signals(d)).containsExactly("new-api", "new-network", "new-user-agent", "new-api-for-account",
                "new-user-agent-for-account");
        assertThat(d.severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void aLaterRunThatSeesMoreOfTheSameActivityUpdatesTheSameFinding() {
        List<JsonEvent> history = new ArrayList<>(ordinary(ALICE, 10));
        history.add(call(ALICE).at(LATER).api("iam.amazonaws.com", "ListRoles", true).ip("203.0.113.50").event());
        BehaviourBaselines first = new BehaviourBaselines(COPIED, BaselineSnapshot.EMPTY);
        Finding before = Runs.run(first, history).getFirst();
        JsonEvent more = call(ALICE).at(LATER.plusHours(1)).api("iam.amazonaws.com", "ListPolicies", true)
                .ip("192.0.2.7").event();
        List<Finding> after = Runs.run(new BehaviourBaselines(COPIED, first.snapshot()), List.of(more));
        assertThat(after).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo(before.id());
            assertThat(f.evidence().get(1).rawJson()).isEqualTo(more.rawJson());
        });
    }

    @Test
    void everyTacticHasOneDetection() {
        List<DetectionInfo> detections = new BehaviourBaselines(COPIED, BaselineSnapshot.EMPTY).detections();
        assertThat(detections).hasSize(8).extracting(DetectionInfo::id).allMatch(id -> id.matches(
                "vigil-baseline-[a-z]+(-[a-z]+)*")).isSorted();
        assertThat(detections).flatExtracting(DetectionInfo::types).containsExactlyInAnyOrder(
                "CredentialAccess:IAMUser/AnomalousBehavior", "DefenseEvasion:IAMUser/AnomalousBehavior",
                "Discovery:IAMUser/AnomalousBehavior", "Exfiltration:IAMUser/AnomalousBehavior",
                "Impact:IAMUser/AnomalousBehavior", "InitialAccess:IAMUser/AnomalousBehavior",
                "Persistence:IAMUser/AnomalousBehavior", "PrivilegeEscalation:IAMUser/AnomalousBehavior");
    }
}
