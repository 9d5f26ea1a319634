package dev.vigil.engine;

import dev.vigil.engine.testing.Detections;
import dev.vigil.engine.testing.MapEvent;
import dev.vigil.engine.testing.Rules;
import dev.vigil.model.Evidence;
import dev.vigil.model.Finding;
import dev.vigil.model.Severity;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FindingAggregatorTest {

    private static final String RULES = """
            title: Bucket policy
            name: bucket-policy
            level: medium
            logsource: {product: aws}
            detection: {s: {eventName: PutBucketPolicy}, condition: s}
            vigil:
              keys: [requestParameters.bucketName]
              resource: [requestParameters.bucketName]
            ---
            title: Key deleted
            name: key-deleted
            level: high
            logsource: {product: aws}
            detection: {s: {eventName: ScheduleKeyDeletion}, condition: s}
            vigil:
              resource: [requestParameters.keyId]
            """;

    private static final DetectionSet SET = Rules.compile(RULES);
    private static final long T0 = Instant.parse("2024-05-01T10:00:00Z").toEpochMilli();

    private static MapEvent event(String id, long offsetSeconds, String name, String principal, Map<String, String> more) {
        Map<String, Object> f = new HashMap<>(more);
        f.put("eventName", name);
        f.put("recipientAccountId", "111122223333");
        f.put("awsRegion", "eu-west-1");
        f.put("userIdentity.type", "IAMUser");
        f.put("userIdentity.arn", principal);
        return new MapEvent(f, "{\"eventID\":\"" + id + "\"}", id, T0 + offsetSeconds * 1000);
    }

    private static List<RuleHit> hits(List<MapEvent> events) {
        return Detections.hits(SET, events);
    }

    private static List<Finding> aggregate(List<RuleHit> hits) {
        FindingAggregator a = new FindingAggregator(SET);
        hits.forEach(a::accept);
        return a.findings();
    }

    @Test
    void hitsWithTheSameKeyMergeIntoOneFinding() {
        List<Finding> findings = aggregate(hits(List.of(
                event("e2", 60, "PutBucketPolicy", "alice", Map.of("requestParameters.bucketName", "data")),
                event("e1", 0, "PutBucketPolicy", "alice", Map.of("requestParameters.bucketName", "data")),
                event("e3", 30, "PutBucketPolicy", "alice", Map.of("requestParameters.bucketName", "logs")),
                event("e4", 90, "PutBucketPolicy", "bob", Map.of("requestParameters.bucketName", "data")))));
        assertThat(findings).hasSize(3);
        Finding aliceData = findings.stream().filter(f -> f.principal().equals("alice") && f.resource().equals("data"))
                .findFirst().orElseThrow();
        assertThat(aliceData.count()).isEqualTo(2);
        assertThat(aliceData.firstSeen()).isEqualTo(Instant.ofEpochMilli(T0));
        assertThat(aliceData.lastSeen()).isEqualTo(Instant.ofEpochMilli(T0 + 60_000));
        assertThat(aliceData.evidence()).extracting(Evidence::eventId).containsExactly("e1", "e2");
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("account", "111122223333");
        keys.put("region", "eu-west-1");
        keys.put("principal", "alice");
        keys.put("requestParameters.bucketName", "data");
        assertThat(aliceData.keys()).containsExactlyEntriesOf(keys);
        assertThat(aliceData.id()).isEqualTo(Finding.idFor("bucket-policy", keys));
        assertThat(aliceData.account()).isEqualTo("111122223333");
        assertThat(aliceData.region()).isEqualTo("eu-west-1");
    }

    @Test
    void resourceIsKeptOnlyWhenAllHitsAgree() {
        List<Finding> findings = aggregate(hits(List.of(
                event("e1", 0, "ScheduleKeyDeletion", "alice", Map.of("requestParameters.keyId", "k1")),
                event("e2", 1, "ScheduleKeyDeletion", "alice", Map.of("requestParameters.keyId", "k2")),
                event("e3", 2, "ScheduleKeyDeletion", "bob", Map.of("requestParameters.keyId", "k3")))));
        assertThat(findings).extracting(Finding::resource).containsExactly("", "k3");
    }

    @Test
    void countIsDistinctRecordsAndDuplicatesKeepOneCopy() {
        MapEvent e1 = event("e1", 0, "ScheduleKeyDeletion", "alice", Map.of());
        List<RuleHit> hits = new ArrayList<>(hits(List.of(e1, event("e2", 5, "ScheduleKeyDeletion", "alice", Map.of()))));
        RuleHit original = hits.getFirst();
        // the same record read again from another file
        hits.add(new RuleHit(original.ruleId(), original.eventId(), original.timeMillis(), original.account(),
                original.region(), original.principal(), original.resource(), original.fields(),
                new Evidence("e1", original.evidence().time(), "a-copy.json#record 9", original.evidence().rawJson())));
        Finding f = aggregate(hits).getFirst();
        assertThat(f.count()).isEqualTo(2);
        assertThat(f.evidence()).extracting(Evidence::origin).containsExactly("a-copy.json#record 9", "test#e2");
        Collections.reverse(hits);
        assertThat(aggregate(hits)).containsExactly(f);
    }

    @Test
    void evidenceIsCappedToTheOldestRecordsTiesByEventId() {
        List<MapEvent> events = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            events.add(event("e%03d".formatted(79 - i), i / 2, "ScheduleKeyDeletion", "alice", Map.of()));
        }
        Finding f = aggregate(hits(events)).getFirst();
        assertThat(f.count()).isEqualTo(80);
        assertThat(f.evidence()).hasSize(Finding.MAX_EVIDENCE);
        List<String> expected = new ArrayList<>();
        for (int second = 0; expected.size() < Finding.MAX_EVIDENCE; second++) {
            // two records per second, named in reverse: the lower id comes first
            expected.add("e%03d".formatted(79 - (2 * second + 1)));
            expected.add("e%03d".formatted(79 - 2 * second));
        }
        assertThat(f.evidence()).extracting(Evidence::eventId).containsExactlyElementsOf(expected);
    }

    @Test
    void findingsAreTheSameWhateverOrderHitsArriveIn() {
        List<MapEvent> events = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < 300; i++) {
            String principal = "p" + random.nextInt(3);
            if (random.nextBoolean()) {
                events.add(event("e" + i, random.nextInt(100_000), "PutBucketPolicy", principal,
                        Map.of("requestParameters.bucketName", "b" + random.nextInt(4))));
            } else {
                events.add(event("e" + i, random.nextInt(100_000), "ScheduleKeyDeletion", principal,
                        Map.of("requestParameters.keyId", "k" + random.nextInt(2))));
            }
        }
        List<RuleHit> hits = hits(events);
        List<Finding> reference = aggregate(hits);
        for (long seed = 0; seed < 5; seed++) {
            List<RuleHit> shuffled = new ArrayList<>(hits);
            Collections.shuffle(shuffled, new Random(seed));
            assertThat(aggregate(shuffled)).isEqualTo(reference);
        }
    }

    @Test
    void findingsAreSortedBySeverityThenFirstSeenThenId() {
        List<Finding> findings = aggregate(hits(List.of(
                event("e1", 0, "PutBucketPolicy", "alice", Map.of("requestParameters.bucketName", "b")),
                event("e2", 50, "ScheduleKeyDeletion", "alice", Map.of()),
                event("e3", 10, "ScheduleKeyDeletion", "bob", Map.of()),
                event("e4", 10, "ScheduleKeyDeletion", "carol", Map.of()))));
        assertThat(findings).extracting(Finding::severity)
                .containsExactly(Severity.HIGH, Severity.HIGH, Severity.HIGH, Severity.MEDIUM);
        assertThat(findings.get(0).firstSeen()).isBefore(findings.get(2).firstSeen());
        assertThat(findings.get(0).id()).isLessThan(findings.get(1).id());
    }

    @Test
    void misuseIsRefusedWithAClearMessage() {
        FindingAggregator a = new FindingAggregator(SET);
        RuleHit foreign = new RuleHit("not-in-set", "e", 0, "", "", "", "", Map.of(),
                new Evidence("e", Instant.EPOCH, "x", "{}"));
        assertThatThrownBy(() -> a.accept(foreign)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not-in-set");
        a.findings();
        RuleHit hit = hits(List.of(event("e1", 0, "ScheduleKeyDeletion", "alice", Map.of()))).getFirst();
        assertThatThrownBy(() -> a.accept(hit)).isInstanceOf(IllegalStateException.class);
    }
}
