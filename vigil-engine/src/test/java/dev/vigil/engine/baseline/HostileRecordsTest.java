package dev.vigil.engine.baseline;

import static dev.vigil.engine.baseline.Calls.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.engine.testing.JsonEvent;
import dev.vigil.model.Finding;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Records shaped by an attacker are skipped or cut down, never a crash or an unbounded value. */
class HostileRecordsTest {

    @Test
    void oddlyShapedRecordsAreSkippedAndHugeValuesCut() throws Exception {
        List<JsonEvent> events = new ArrayList<>(Runs.ordinary(ALICE, 10));
        events.add(JsonEvent.of("{\"eventTime\":\"2026-10-10T12:00:00Z\",\"userIdentity\":\"alice\","
                + "\"eventSource\":[1,2],\"eventName\":{\"a\":1}}"));
        events.add(JsonEvent.of("{\"eventTime\":\"not a time\",\"userIdentity\":{\"arn\":\"" + ALICE + "\"},"
                + "\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\"DeleteUser\"}"));
        events.add(JsonEvent.of("{\"userIdentity\":{\"arn\":\"" + ALICE + "\"},\"eventSource\":\"iam.amazonaws.com\","
                + "\"eventName\":\"DeleteUser\"}"));
        events.add(JsonEvent.of("{}"));
        String hugeName = "Get" + "A".repeat(100_000);
        events.add(Calls.call(ALICE).at(Duration.ofDays(9).plusHours(12)).api("iam.amazonaws.com", hugeName, true)
                .agent("\u0000\u202e" + "z".repeat(50_000)).ip("203.0.113.9").bytesOut(Long.MAX_VALUE).event());

        BehaviourBaselines d = new BehaviourBaselines(Runs.COPIED, BaselineSnapshot.EMPTY);
        List<Finding> findings = Runs.run(d, events);

        assertThat(findings).singleElement().satisfies(f -> {
            String api = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(f.evidence().getFirst().rawJson()).at("/new/apis/0").asText();
            assertThat(api.length()).isBetween(BehaviourBaselines.MAX_VALUE_LENGTH,
                    BehaviourBaselines.MAX_VALUE_LENGTH + 30);
            assertThat(f.rule().types()).containsExactly("Discovery:IAMUser/AnomalousBehavior");
        });
        assertThat(d.snapshot().principals()).isEqualTo(1);
        assertThat(BaselineSnapshot.fromBytes(d.snapshot().toBytes())).isEqualTo(d.snapshot());
    }
}
