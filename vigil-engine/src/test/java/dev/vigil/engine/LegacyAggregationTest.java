package dev.vigil.engine;

import dev.vigil.engine.sigma.CorrelationType;
import dev.vigil.engine.sigma.SigmaCorrelation;
import dev.vigil.engine.sigma.SigmaDocument;
import dev.vigil.engine.sigma.SigmaRule;
import dev.vigil.engine.testing.Detections;
import dev.vigil.engine.testing.MapEvent;
import dev.vigil.engine.testing.Rules;
import dev.vigil.model.Finding;
import dev.vigil.model.Problem;
import dev.vigil.model.Severity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Sigma 1 aggregations run as the correlation Sigma 2 would write, and behave exactly like a hand-written one. */
class LegacyAggregationTest {

    private static final String LEGACY_COUNT = """
            title: Burst of refused calls
            id: 3c1d5b8e-0f6a-4e2b-9c7d-1a2b3c4d5e6f
            name: refusals
            description: Many refused calls by one principal.
            level: high
            tags: [attack.discovery, attack.t1580]
            logsource: {product: aws, service: cloudtrail}
            detection:
              selection: {errorCode: AccessDenied}
              filter: {eventName: HeadBucket}
              timeframe: 5m
              condition: selection and not filter | count() by userIdentity.arn >= 3
            vigil: {types: ["TTPs/Discovery/Refusals"]}
            """;

    private static final String HAND_WRITTEN_COUNT = """
            title: Refused call
            name: refused
            logsource: {product: aws, service: cloudtrail}
            detection:
              selection: {errorCode: AccessDenied}
              filter: {eventName: HeadBucket}
              condition: selection and not filter
            ---
            title: Burst of refused calls
            id: 3c1d5b8e-0f6a-4e2b-9c7d-1a2b3c4d5e6f
            name: refusals
            description: Many refused calls by one principal.
            level: high
            tags: [attack.discovery, attack.t1580]
            correlation:
              type: event_count
              rules: [refused]
              group-by: [userIdentity.arn]
              timespan: 5m
              condition: {gte: 3}
            vigil: {types: ["TTPs/Discovery/Refusals"]}
            """;

    private static final String LEGACY_DISTINCT = """
            title: Many APIs
            name: many-apis
            logsource: {product: aws}
            detection:
              reads: {readOnly: true}
              timeframe: 10m
              condition: reads | count(eventName) by userIdentity.arn > 3
            """;

    private static final String HAND_WRITTEN_DISTINCT = """
            title: Read
            name: read
            logsource: {product: aws}
            detection: {reads: {readOnly: true}, condition: reads}
            ---
            title: Many APIs
            name: many-apis
            correlation: {type: value_count, rules: [read], group-by: [userIdentity.arn], timespan: 10m,
                          condition: {field: eventName, gt: 3}}
            """;

    private static final long MINUTE = 60_000;
    private static final long T0 = 1_714_557_600_000L;

    @Test
    void anAggregatingRuleBecomesARuleAndACorrelationOverIt() {
        RuleLoadResult loaded = RuleLoader.loadText("legacy.yml", LEGACY_COUNT);
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.documents()).hasSize(2);
        SigmaRule search = (SigmaRule) loaded.documents().get(0);
        SigmaCorrelation c = (SigmaCorrelation) loaded.documents().get(1);
        assertThat(search.name()).isEqualTo("refusals:search");
        assertThat(search.id()).isNull();
        assertThat(search.detection().searches()).containsOnlyKeys("selection", "filter");
        assertThat(c.ruleId()).isEqualTo("refusals");
        assertThat(c.id()).isEqualTo("3c1d5b8e-0f6a-4e2b-9c7d-1a2b3c4d5e6f");
        assertThat(c.type()).isEqualTo(CorrelationType.EVENT_COUNT);
        assertThat(c.rules()).containsExactly("refusals:search");
        assertThat(c.groupBy()).containsExactly("userIdentity.arn");
        assertThat(c.timespan()).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.condition().test(2)).isFalse();
        assertThat(c.condition().test(3)).isTrue();
        assertThat(c.generate()).isFalse();
        assertThat(c.level()).isEqualTo(Severity.HIGH);
        assertThat(c.vigil().types()).containsExactly("TTPs/Discovery/Refusals");

        DetectionSet set = DetectionSet.of(loaded);
        assertThat(set.problems()).isEmpty();
        assertThat(set.isCorrelation("refusals")).isTrue();
        assertThat(set.detections()).extracting(d -> d.id()).containsExactly("refusals");
    }

    @Test
    void eventCountBehavesExactlyLikeTheHandWrittenCorrelation() {
        List<MapEvent> events = refusals(new Random(7), 300);
        List<Finding> legacy = Detections.findings(Rules.compile(LEGACY_COUNT), events);
        List<Finding> hand = Detections.findings(Rules.compile(HAND_WRITTEN_COUNT), events);
        assertThat(legacy).isNotEmpty();
        assertThat(legacy).isEqualTo(hand);
        assertThat(legacy).allSatisfy(f -> assertThat(f.rule().id()).isEqualTo("refusals"));
    }

    @Test
    void valueCountBehavesExactlyLikeTheHandWrittenCorrelation() {
        Random random = new Random(5);
        List<MapEvent> events = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            events.add(new MapEvent(Map.of("readOnly", random.nextInt(4) > 0, "eventName", "Api" + random.nextInt(6),
                    "userIdentity.arn", "arn:u" + random.nextInt(4)), "{}", "r" + i,
                    T0 + (long) (random.nextDouble() * 240 * MINUTE)));
        }
        List<Finding> legacy = Detections.findings(Rules.compile(LEGACY_DISTINCT), events);
        assertThat(legacy).isNotEmpty();
        assertThat(legacy).isEqualTo(Detections.findings(Rules.compile(HAND_WRITTEN_DISTINCT), events));
    }

    @Test
    void aFilterNamingTheAggregatingRuleFiltersTheEventsItCounts() {
        String filter = """
                ---
                title: Scanner role
                logsource: {product: aws, service: cloudtrail}
                filter:
                  rules: [3c1d5b8e-0f6a-4e2b-9c7d-1a2b3c4d5e6f]
                  scanner: {userIdentity.arn|endswith: ':scanner'}
                  condition: scanner
                """;
        DetectionSet set = Rules.compile(LEGACY_COUNT + filter);
        assertThat(set.filtersOf("refusals:search")).containsExactly("Scanner role");
        List<MapEvent> fromScanner = List.of(refused(T0, ":scanner"), refused(T0 + 1, ":scanner"),
                refused(T0 + 2, ":scanner"));
        assertThat(Detections.findings(set, fromScanner)).isEmpty();
        assertThat(Detections.findings(Rules.compile(LEGACY_COUNT), fromScanner)).hasSize(1);
    }

    private static final String LEGACY_NEAR = """
            title: Key created near a console login
            name: key-near-login
            logsource: {product: aws}
            detection:
              key: {eventName: CreateAccessKey}
              login: {eventName: ConsoleLogin}
              policy: {eventName: AttachUserPolicy}
              timeframe: 10m
              condition: key | near login and policy
            """;

    private static MapEvent named(long at, String eventName) {
        return new MapEvent(Map.of("eventName", eventName), "{}", "n" + at + eventName, at);
    }

    @Test
    void nearRunsAsATemporalCorrelationOverOneRulePerSearch() {
        DetectionSet set = Rules.compile(LEGACY_NEAR);
        assertThat(set.isCorrelation("key-near-login")).isTrue();
        assertThat(set.detections()).extracting(d -> d.id()).containsExactly("key-near-login");
        long t = 1_714_557_600_000L;
        List<MapEvent> all = List.of(named(t, "ConsoleLogin"), named(t + 60_000, "AttachUserPolicy"),
                named(t + 120_000, "CreateAccessKey"));
        FindingAggregator a = new FindingAggregator(set);
        Detections.hits(set, all).forEach(a::accept);
        assertThat(a.findings()).singleElement().satisfies(f -> assertThat(f.count()).isEqualTo(3));
        List<MapEvent> tooFar = List.of(named(t, "ConsoleLogin"), named(t + 60_000, "AttachUserPolicy"),
                named(t + 11 * 60_000, "CreateAccessKey"));
        FindingAggregator b = new FindingAggregator(set);
        Detections.hits(set, tooFar).forEach(b::accept);
        assertThat(b.findings()).isEmpty();
    }

    @Test
    void aggregationProblemsAreReportedWithTheirLine() {
        assertThat(problem(LEGACY_COUNT.replace("  timeframe: 5m\n", ""))).satisfies(p -> {
            assertThat(p.location()).isEqualTo("legacy.yml:11");
            assertThat(p.message()).contains("needs a 'timeframe'");
        });
        assertThat(problem(LEGACY_COUNT.replace("timeframe: 5m", "timeframe: 2M"))).satisfies(p -> {
            assertThat(p.location()).isEqualTo("legacy.yml:11");
            assertThat(p.message()).contains("write it in days");
        });
        assertThat(problem(LEGACY_COUNT.replace("count() by userIdentity.arn >= 3", "near not filter")).message())
                .contains("'not' cannot be expressed as a temporal correlation");
        assertThat(problem(LEGACY_COUNT.replace("condition: selection and not filter |",
                "condition:\n    - selection\n    - selection |")).message()).contains("a list of conditions");
        assertThat(problem(LEGACY_COUNT.replace(">= 3", ">= 3 | count() > 1")).message()).contains("more than one '|'");
        assertThat(problem(LEGACY_COUNT.replace("selection and not filter |", "selection and nope |")).message())
                .contains("'nope' is not a search identifier");
        assertThat(problem(LEGACY_COUNT.replace("vigil: {types", "vigil: {keys: [a], types")).message())
                .contains("vigil.keys does not apply to a Sigma 1 aggregation");
    }

    private static Problem problem(String text) {
        RuleLoadResult r = RuleLoader.loadText("legacy.yml", text);
        assertThat(r.documents()).as(text).isEmpty();
        assertThat(r.problems()).as(text).hasSize(1);
        return r.problems().getFirst();
    }

    @Test
    void aTimeframeWithoutAggregationIsIgnoredWithAWarning() {
        RuleLoadResult r = RuleLoader.loadText("t.yml", LEGACY_COUNT.replace(" | count() by userIdentity.arn >= 3", ""));
        assertThat(r.problems()).isEmpty();
        assertThat(r.documents()).singleElement().isInstanceOf(SigmaRule.class);
        assertThat(r.warnings()).singleElement().satisfies(w -> {
            assertThat(w.location()).isEqualTo("t.yml:11");
            assertThat(w.message()).contains("'timeframe' only applies to a Sigma 1 aggregation");
        });
    }

    @Test
    void aRuleWithOnlyAnIdNamesItsSearchRuleAfterTheId() {
        List<SigmaDocument> docs = RuleLoader.loadText("x.yml", LEGACY_COUNT.replace("name: refusals\n", ""))
                .documents();
        assertThat(docs).extracting(SigmaDocument::ruleId).containsExactly(
                "3c1d5b8e-0f6a-4e2b-9c7d-1a2b3c4d5e6f:search", "3c1d5b8e-0f6a-4e2b-9c7d-1a2b3c4d5e6f");
    }

    private static List<MapEvent> refusals(Random random, int n) {
        List<MapEvent> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long at = T0 + (long) (random.nextDouble() * random.nextDouble() * 180 * MINUTE);
            String name = random.nextInt(5) == 0 ? "HeadBucket" : "GetObject";
            String code = random.nextInt(3) == 0 ? "Throttling" : "AccessDenied";
            events.add(new MapEvent(Map.of("errorCode", code, "eventName", name,
                    "userIdentity.arn", "arn:aws:iam::1:user/u" + random.nextInt(4)), "{}", "ev" + i, at));
        }
        return events;
    }

    private static MapEvent refused(long at, String principalSuffix) {
        return new MapEvent(Map.of("errorCode", "AccessDenied", "eventName", "GetObject",
                "userIdentity.arn", "arn:aws:sts::1:assumed-role" + principalSuffix), "{}", "x" + at, at);
    }
}
