package dev.vigil.engine;

import dev.vigil.engine.testing.Detections;
import dev.vigil.engine.testing.JsonEvent;
import dev.vigil.engine.testing.MapEvent;
import dev.vigil.engine.testing.Rules;
import dev.vigil.model.DetectionInfo;
import dev.vigil.model.Event;
import dev.vigil.model.Problem;
import dev.vigil.model.Severity;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DetectionSetTest {

    private static final String STOP = """
            title: Stop
            id: 0b9c5e0a-1111-4222-8333-444455556666
            name: stop
            description: Logging stopped.
            level: high
            tags: [attack.defense_evasion, attack.t1562.008]
            logsource: {product: aws, service: cloudtrail}
            detection:
              selection:
                eventSource: cloudtrail.amazonaws.com
                eventName: StopLogging
              condition: selection
            vigil:
              resource: [requestParameters.name]
              types: ["TTPs/Defense Evasion/CloudTrailStopped"]
            """;

    @Test
    void detectionInfoComesFromTheRule() {
        DetectionInfo info = Rules.compile(STOP).detections().getFirst();
        assertThat(info.id()).isEqualTo("stop");
        assertThat(info.title()).isEqualTo("Stop");
        assertThat(info.severity()).isEqualTo(Severity.HIGH);
        assertThat(info.attack()).containsExactly("T1562.008");
        assertThat(info.types()).as("the tactic is covered by the rule's own type")
                .containsExactly("TTPs/Defense Evasion/CloudTrailStopped");
        DetectionInfo derived = Rules.compile(STOP.replace("vigil:\n  resource: [requestParameters.name]\n"
                + "  types: [\"TTPs/Defense Evasion/CloudTrailStopped\"]\n", "")).detections().getFirst();
        assertThat(derived.types()).containsExactly("TTPs/Defense Evasion");
    }

    @Test
    void aHitCarriesEvidenceAndFacts() {
        DetectionSet set = Rules.compile(STOP);
        JsonEvent e = JsonEvent.of("""
                {"eventID":"e1","eventTime":"2024-05-01T10:00:00Z","eventSource":"cloudtrail.amazonaws.com",
                 "eventName":"StopLogging","awsRegion":"eu-west-1","recipientAccountId":"111122223333",
                 "requestParameters":{"name":"main"},
                 "userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::111122223333:user/alice"}}""", "f.json#record 1");
        List<RuleHit> hits = new ArrayList<>();
        set.evaluate(e, hits::add);
        assertThat(hits).singleElement().satisfies(h -> {
            assertThat(h.ruleId()).isEqualTo("stop");
            assertThat(h.eventId()).isEqualTo("e1");
            assertThat(h.account()).isEqualTo("111122223333");
            assertThat(h.region()).isEqualTo("eu-west-1");
            assertThat(h.principal()).isEqualTo("arn:aws:iam::111122223333:user/alice");
            assertThat(h.resource()).isEqualTo("main");
            assertThat(h.evidence().origin()).isEqualTo("f.json#record 1");
            assertThat(h.evidence().rawJson()).isEqualTo(e.rawJson());
        });
    }

    @Test
    void theIndexNeverHidesAMatch() {
        DetectionSet set = Rules.compile(STOP);
        assertThat(fires(set, Map.of("eventSource", "cloudtrail.amazonaws.com", "eventName", "stoplogging")))
                .as("names are matched ignoring case").isTrue();
        assertThat(fires(set, Map.of("eventSource", "cloudtrail.amazonaws.com",
                "eventName", List.of("Other", "StopLogging")))).as("a list-valued name").isTrue();
        assertThat(fires(set, Map.of("eventSource", "cloudtrail.amazonaws.com", "eventName", "StartLogging"))).isFalse();
        assertThat(fires(set, Map.of("eventSource", "cloudtrail.amazonaws.com"))).isFalse();
        assertThat(fires(set, Map.of("eventSource", "cloudtrail.amazonaws.com", "eventName", Event.NULL))).isFalse();
    }

    @Test
    void sourcePinnedAndUnpinnedRulesAreEvaluated() {
        DetectionSet set = Rules.compile("""
                title: Source
                name: source
                logsource: {product: aws}
                detection:
                  s: {eventSource: kms.amazonaws.com, eventName|startswith: Disable}
                  condition: s
                ---
                title: Any
                name: any
                logsource: {product: aws}
                detection:
                  s: {errorCode|startswith: AccessDenied}
                  condition: s
                """);
        assertThat(hitIds(set, Map.of("eventSource", "KMS.amazonaws.com", "eventName", "DisableKey"))).containsExactly("source");
        assertThat(hitIds(set, Map.of("eventSource", "iam.amazonaws.com", "eventName", "ListUsers",
                "errorCode", "AccessDenied"))).containsExactly("any");
        assertThat(hitIds(set, Map.of("eventSource", List.of("kms.amazonaws.com"), "eventName", "DisableKey")))
                .containsExactly("source");
    }

    @Test
    void rulesOnlySeeTheirLogSource() {
        DetectionSet set = Rules.compile(STOP);
        Event other = new MapEvent(Map.of("eventSource", "cloudtrail.amazonaws.com", "eventName", "StopLogging"))
                .withLogSource("aws:vpcflow");
        List<RuleHit> hits = new ArrayList<>();
        set.evaluate(other, hits::add);
        assertThat(hits).isEmpty();
    }

    @Test
    void rulesCountedByACorrelationRaiseNoFindingsUnlessGenerate() {
        String base = """
                title: Fail
                name: fail
                logsource: {product: aws}
                detection: {s: {eventName: Fail}, condition: s}
                ---
                title: Many
                name: many
                correlation: {type: event_count, rules: [fail], group-by: [user], timespan: 1m, condition: {gte: 2}}
                """;
        DetectionSet counted = Rules.compile(base);
        assertThat(counted.detections()).extracting(DetectionInfo::id).containsExactly("many");
        assertThat(counted.ruleIds()).containsExactly("fail", "many");
        assertThat(counted.isCorrelation("many")).isTrue();
        assertThat(counted.detection("fail")).isPresent();
        DetectionSet generating = Rules.compile(base + "generate: true\n");
        assertThat(generating.detections()).extracting(DetectionInfo::id).containsExactly("fail", "many");
        MapEvent one = new MapEvent(Map.of("eventName", "Fail", "user", "u"), "{}", "e1", 1000);
        assertThat(Detections.firing(counted, List.of(one))).isEmpty();
        assertThat(Detections.firing(generating, List.of(one))).containsExactly("fail");
    }

    @Test
    void compileProblemsAreReportedAndTheRestLoads() {
        String text = STOP + """
                ---
                title: Stop again
                id: 0b9c5e0a-1111-4222-8333-444455556666
                name: stop-again
                logsource: {product: aws}
                detection: {s: {eventName: X}, condition: s}
                ---
                title: Unknown target
                name: counts-unknown
                correlation: {type: event_count, rules: [nope], timespan: 1m, condition: {gte: 2}}
                ---
                title: Chained
                name: chained
                correlation: {type: event_count, rules: [counts-unknown], timespan: 1m, condition: {gte: 2}}
                ---
                title: Other
                name: other
                logsource: {product: aws}
                detection: {s: {eventName: Y}, condition: s}
                """;
        DetectionSet set = DetectionSet.of(RuleLoader.loadText("rules.yml", text));
        assertThat(set.problems()).extracting(Problem::reason)
                .containsExactly("rule-duplicate", "reference-unknown", "correlation-invalid");
        assertThat(set.problems().get(0).message()).contains("already used by the rule at rules.yml:1");
        assertThat(set.problems().get(0).location()).isEqualTo("rules.yml:17");
        assertThat(set.problems().get(1).message()).contains("'nope'");
        assertThat(set.problems().get(2).message()).contains("counts the correlation 'counts-unknown', which is not loaded");
        assertThat(set.detections()).extracting(DetectionInfo::id).containsExactly("other", "stop");
    }

    private static boolean fires(DetectionSet set, Map<String, ?> fields) {
        return !hitIds(set, fields).isEmpty();
    }

    private static List<String> hitIds(DetectionSet set, Map<String, ?> fields) {
        List<String> ids = new ArrayList<>();
        set.evaluate(new MapEvent(fields), h -> ids.add(h.ruleId()));
        return ids;
    }
}
