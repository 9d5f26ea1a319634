package dev.vigil.hub.analysis;

import dev.vigil.model.FindingOrigin;
import dev.vigil.model.Severity;
import dev.vigil.model.Workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Test findings built fluently: {@code Findings.at("f1", T0).principal("alice").technique("T1580").build()}. */
final class Findings {

    static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    private final String id;
    private Instant first;
    private Instant last;
    private String title = "";
    private List<String> types = List.of();
    private List<String> techniques = List.of();
    private Severity severity = Severity.MEDIUM;
    private String product = "Vigil";
    private String account = "111122223333";
    private String principal = "";
    private String accessKey = "";
    private String resource = "";
    private Map<String, String> tags = Map.of();
    private long count = 1;
    private int confidence = FindingOrigin.UNKNOWN_CONFIDENCE;
    private Workflow workflow = Workflow.NEW;

    private Findings(String id, Instant first) {
        this.id = id;
        this.first = first;
        this.last = first;
    }

    static Findings at(String id, Instant first) {
        return new Findings(id, first);
    }

    static Findings atHour(String id, double hours) {
        return new Findings(id, T0.plusMillis((long) (hours * 3_600_000)));
    }

    Findings lasting(Duration d) {
        last = first.plus(d);
        return this;
    }

    Findings title(String t) {
        title = t;
        return this;
    }

    Findings types(String... t) {
        types = List.of(t);
        return this;
    }

    Findings technique(String... t) {
        techniques = List.of(t);
        return this;
    }

    Findings severity(Severity s) {
        severity = s;
        return this;
    }

    Findings product(String p) {
        product = p;
        return this;
    }

    Findings account(String a) {
        account = a;
        return this;
    }

    Findings principal(String p) {
        principal = p;
        return this;
    }

    Findings accessKey(String k) {
        accessKey = k;
        return this;
    }

    Findings resource(String r) {
        resource = r;
        return this;
    }

    Findings tags(Map<String, String> t) {
        tags = t;
        return this;
    }

    Findings count(long c) {
        count = c;
        return this;
    }

    Findings confidence(int c) {
        confidence = c;
        return this;
    }

    Findings workflow(Workflow w) {
        workflow = w;
        return this;
    }

    AnalysedFinding build() {
        return new AnalysedFinding(id, title, types, techniques, severity, product, account, "us-east-1", principal,
                accessKey, resource, "", tags, first, last, count, confidence, workflow);
    }
}
