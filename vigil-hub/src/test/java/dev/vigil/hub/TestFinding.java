package dev.vigil.hub;

import dev.vigil.model.DetectionInfo;
import dev.vigil.model.Evidence;
import dev.vigil.model.Finding;
import dev.vigil.model.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds findings for tests; the id is derived from rule and keys unless set explicitly. */
final class TestFinding {

    static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");

    private String id;
    private String ruleId = "aws.cloudtrail.stopped";
    private String title = "CloudTrail logging stopped";
    private String description = "A trail stopped logging. Find out who and why.";
    private Severity severity = Severity.HIGH;
    private List<String> attack = List.of("T1562.008");
    private List<String> types = List.of("TTPs/Defense Evasion/CloudTrailStopped");
    private final Map<String, String> keys = new LinkedHashMap<>();
    private String account = "111122223333";
    private String region = "eu-west-1";
    private String principal = "arn:aws:iam::111122223333:user/alice";
    private String resource = "arn:aws:cloudtrail:eu-west-1:111122223333:trail/main";
    private Instant firstSeen = T0;
    private Instant lastSeen = T0;
    private long count = 1;
    private final List<Evidence> evidence = new ArrayList<>();

    static TestFinding finding() {
        return new TestFinding().key("account", "111122223333");
    }

    /** An upsert's counts as [inserted, updated]. */
    static List<Integer> counts(UpsertResult result) {
        return List.of(result.inserted(), result.updated());
    }

    static Instant at(long minutes) {
        return T0.plusSeconds(minutes * 60);
    }

    static Evidence evidence(String eventId, Instant time) {
        return new Evidence(eventId, time, "logs/trail.json.gz#record " + eventId,
                "{\"eventID\":\"" + eventId + "\",\"eventTime\":\"" + time + "\"}");
    }

    TestFinding id(String value) {
        id = value;
        return this;
    }

    TestFinding rule(String value) {
        ruleId = value;
        return this;
    }

    TestFinding title(String value) {
        title = value;
        return this;
    }

    TestFinding description(String value) {
        description = value;
        return this;
    }

    TestFinding severity(Severity value) {
        severity = value;
        return this;
    }

    TestFinding attack(String... values) {
        attack = List.of(values);
        return this;
    }

    TestFinding types(String... values) {
        types = List.of(values);
        return this;
    }

    TestFinding key(String name, String value) {
        keys.put(name, value);
        return this;
    }

    TestFinding account(String value) {
        account = value;
        return this;
    }

    TestFinding region(String value) {
        region = value;
        return this;
    }

    TestFinding principal(String value) {
        principal = value;
        return this;
    }

    TestFinding resource(String value) {
        resource = value;
        return this;
    }

    /** Activity window and count. */
    TestFinding seen(Instant first, Instant last, long n) {
        firstSeen = first;
        lastSeen = last;
        count = n;
        return this;
    }

    TestFinding evidence(Evidence... values) {
        evidence.addAll(List.of(values));
        return this;
    }

    Finding build() {
        String findingId = id != null ? id : Finding.idFor(ruleId, keys);
        return new Finding(findingId, new DetectionInfo(ruleId, title, description, severity, attack, types), keys,
                account, region, principal, resource, firstSeen, lastSeen, count, evidence);
    }
}
