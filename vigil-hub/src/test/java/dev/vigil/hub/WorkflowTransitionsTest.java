package dev.vigil.hub;

import static dev.vigil.model.Workflow.NEW;
import static dev.vigil.model.Workflow.NOTIFIED;
import static dev.vigil.model.Workflow.RESOLVED;
import static dev.vigil.model.Workflow.SUPPRESSED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Workflow;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkflowTransitionsTest {

    @Test
    void exactlyTheDocumentedChangesAreRefused() {
        List<String> refused = new ArrayList<>();
        for (Workflow from : Workflow.values()) {
            for (Workflow to : Workflow.values()) {
                if (WorkflowTransitions.refusal(from, to).isPresent()) {
                    refused.add(from + "->" + to);
                }
            }
        }
        assertThat(refused).containsExactlyInAnyOrder("SUPPRESSED->NOTIFIED", "RESOLVED->NOTIFIED",
                "RESOLVED->SUPPRESSED");
    }

    @Test
    void refusalsSayHowToGetThere() {
        assertThat(WorkflowTransitions.refusal(RESOLVED, NOTIFIED)).hasValueSatisfying(m ->
                assertThat(m).contains("RESOLVED").contains("set NEW"));
        assertThat(WorkflowTransitions.refusal(SUPPRESSED, NOTIFIED)).hasValueSatisfying(m ->
                assertThat(m).contains("unsuppress"));
        assertThat(WorkflowTransitions.refusal(NEW, RESOLVED)).isEmpty();
        assertThat(WorkflowTransitions.refusal(NOTIFIED, NEW)).isEmpty();
    }
}
