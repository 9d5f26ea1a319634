package dev.vigil.metrics.alarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.vigil.metrics.Datapoint;
import dev.vigil.metrics.store.MetricStore;
import dev.vigil.metrics.store.Statistic;
import dev.vigil.model.Finding;
import dev.vigil.model.Severity;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static dev.vigil.metrics.alarm.AlarmEvaluatorTest.KEY;
import static dev.vigil.metrics.alarm.AlarmEvaluatorTest.T0;
import static org.assertj.core.api.Assertions.assertThat;

class AlarmFindingsTest {

    static final AlarmDefinition ROOT = AlarmDefinition.threshold("CIS-4.3-RootAccountUsage", KEY,
            Statistic.Basic.SUM, 60, 1, 1, 1, ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
            TreatMissingData.NOT_BREACHING).withSeverity(Severity.HIGH);

    static AlarmHistory replay(String minutes) {
        return AlarmEvaluatorTest.run(ROOT, minutes);
    }

    @Test
    void enteringAlarmOpensAFindingWithTheStateChangeAsEvidence() throws Exception {
        AlarmFinding af = AlarmFindings.of(replay("0 0 3 3")).orElseThrow();
        assertThat(af.status()).isEqualTo(AlarmFinding.Status.OPEN);
        Finding f = af.finding();
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.rule().id()).isEqualTo("cloudwatch-alarm:CIS-4.3-RootAccountUsage");
        assertThat(f.keys()).containsEntry("alarm", "CIS-4.3-RootAccountUsage")
                .containsEntry("metric", "CISBenchmark/RootAccountUsage");
        assertThat(f.firstSeen()).isEqualTo(T0.plusSeconds(180));
        assertThat(f.count()).isEqualTo(1);
        assertThat(f.evidence()).hasSize(1);
        JsonNode detail = JsonMapper.builder().build().readTree(f.evidence().get(0).rawJson());
        assertThat(detail.path("alarmName").asText()).isEqualTo("CIS-4.3-RootAccountUsage");
        assertThat(detail.path("state").path("value").asText()).isEqualTo("ALARM");
        assertThat(detail.path("previousState").path("value").asText()).isEqualTo("OK");
        assertThat(detail.path("state").path("reason").asText()).startsWith("Threshold Crossed: 1 out of the last 1");
        JsonNode data = JsonMapper.builder().build().readTree(detail.path("state").path("reasonData").asText());
        assertThat(data.path("recentDatapoints").get(0).asDouble()).isEqualTo(3.0);
        assertThat(data.path("threshold").asDouble()).isEqualTo(1.0);
    }

    @Test
    void returningToOkResolvesAndALaterEpisodeReopensTheSameFinding() {
        AlarmFinding resolved = AlarmFindings.of(replay("0 3 0 0 0 0")).orElseThrow();
        assertThat(resolved.status()).isEqualTo(AlarmFinding.Status.RESOLVED);
        assertThat(resolved.statusTime()).isEqualTo(resolved.finding().lastSeen());

        AlarmFinding reopened = AlarmFindings.of(replay("0 3 0 0 0 0 5")).orElseThrow();
        assertThat(reopened.status()).isEqualTo(AlarmFinding.Status.OPEN);
        assertThat(reopened.finding().count()).isEqualTo(2);
        assertThat(reopened.finding().id()).isEqualTo(resolved.finding().id());
        assertThat(reopened.finding().evidence()).extracting(e -> e.time())
                .containsExactly(T0.plusSeconds(120), resolved.statusTime(), T0.plusSeconds(420));
    }

    @Test
    void anAlarmThatNeverFiresRaisesNothingAndTheIdIsStable() {
        assertThat(AlarmFindings.of(replay("0 0 0"))).isEqualTo(Optional.empty());
        MetricStore later = new MetricStore();
        later.add(new Datapoint(KEY, T0.plusSeconds(86_400).toEpochMilli(), 1, "Count"));
        AlarmHistory h = new AlarmEvaluator().evaluate(ROOT, later, T0.plusSeconds(86_400), T0.plusSeconds(86_460));
        assertThat(AlarmFindings.of(h).orElseThrow().finding().id())
                .isEqualTo(AlarmFindings.of(replay("0 3")).orElseThrow().finding().id());
    }

    @Test
    void leavingAlarmForInsufficientDataKeepsTheFindingOpen() {
        AlarmDefinition missing = AlarmDefinition.threshold("m", KEY, Statistic.Basic.SUM, 60, 1, 1, 1,
                ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, TreatMissingData.MISSING);
        AlarmFinding af = AlarmFindings.of(AlarmEvaluatorTest.run(missing, "3 - - - -")).orElseThrow();
        assertThat(af.status()).isEqualTo(AlarmFinding.Status.OPEN);
        assertThat(af.finding().severity()).as("default severity").isEqualTo(Severity.MEDIUM);
        assertThat(af.finding().lastSeen()).isAfter(af.finding().firstSeen());
        assertThat(af.statusTime()).isEqualTo(Instant.parse("2026-03-02T10:01:00Z"));
    }
}
