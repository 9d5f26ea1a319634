package dev.vigil.engine.baseline;

import dev.vigil.engine.EvidenceText;
import dev.vigil.engine.testing.JsonEvent;
import dev.vigil.model.Finding;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Runs of the detector over hand-written calls, and the ordinary history the anomalies stand out from. */
final class Runs {

    static final BaselineSettings COPIED = BaselineSettings.defaults().withEvidence(EvidenceText.COPIED);

    private Runs() {
    }

    static List<Finding> run(BaselineSettings settings, List<JsonEvent> events) {
        return run(new BehaviourBaselines(settings, BaselineSnapshot.EMPTY), events);
    }

    static List<Finding> run(BehaviourBaselines detector, List<JsonEvent> events) {
        BehaviourBaselines.State state = detector.newState();
        events.forEach(e -> detector.accept(state, e));
        return detector.finish(List.of(state));
    }

    /**
     * Ten days of a principal's ordinary work: on each day at 09:10, 12:10 and 16:10 UTC, iam:ListUsers,
     * iam:GetUser and s3:ListBuckets with the aws-cli from 198.51.100.0/24 in eu-west-1.
     */
    static List<JsonEvent> ordinary(String arn, int days) {
        List<JsonEvent> out = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            for (int h : new int[] {9, 12, 16}) {
                Duration at = Duration.ofDays(d).plusHours(h).plusMinutes(10);
                out.add(Calls.call(arn).at(at).event());
                out.add(Calls.call(arn).at(at.plusSeconds(5)).api("iam.amazonaws.com", "GetUser", true).event());
                out.add(Calls.call(arn).at(at.plusSeconds(9)).api("s3.amazonaws.com", "ListBuckets", true).event());
            }
        }
        return out;
    }

    static List<JsonEvent> plus(List<JsonEvent> history, JsonEvent... more) {
        List<JsonEvent> out = new ArrayList<>(history);
        out.addAll(List.of(more));
        return out;
    }
}
