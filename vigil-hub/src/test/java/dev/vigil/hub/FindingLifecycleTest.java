package dev.vigil.hub;

import static dev.vigil.hub.TestFinding.at;
import static dev.vigil.hub.TestFinding.finding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.model.Finding;
import dev.vigil.model.RecordState;
import dev.vigil.model.Severity;
import dev.vigil.model.Workflow;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(StoreBackend.class)
@ExtendWith(PostgresExtension.class)
class FindingLifecycleTest {

    private static final Instant SCAN_1 = Instant.parse("2024-04-01T09:00:00Z");
    private static final Instant SCAN_2 = Instant.parse("2024-04-02T09:00:00Z");
    private static final Instant SCAN_3 = Instant.parse("2024-04-03T09:00:00Z");
    private static final Instant T_USER = Instant.parse("2024-04-01T12:00:00Z");

    @Parameter
    StoreBackend backend;

    @TempDir
    Path workspace;

    private FindingStore store;
    private final Finding alpha = finding().key("user", "alpha").seen(at(0), at(10), 2).build();
    private final Finding beta = finding().key("user", "beta").seen(at(0), at(10), 1).build();

    @BeforeEach
    void open() {
        store = backend.openEmpty(workspace, getClass(), Clock.fixed(T_USER, ZoneOffset.UTC));
        store.upsert(List.of(alpha, beta), SCAN_1);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private StoredFinding stored(Finding f) {
        return store.get(f.id()).orElseThrow();
    }

    @Test
    void newFindingsStartNewAndActiveWithNoHistory() {
        assertThat(stored(alpha).workflow()).isEqualTo(Workflow.NEW);
        assertThat(stored(alpha).recordState()).isEqualTo(RecordState.ACTIVE);
        assertThat(stored(alpha).updatedAt()).isEqualTo(SCAN_1);
        assertThat(store.history(alpha.id())).isEmpty();
    }

    @Test
    void allowedWorkflowChangesAreAppliedAndAudited() {
        List<HistoryEntry> notified = store.updateWorkflow(List.of(alpha.id(), beta.id()), Workflow.NOTIFIED, "ana",
                "paged the owner", T_USER);
        store.updateWorkflow(List.of(alpha.id()), Workflow.RESOLVED, "ana", "key rotated", T_USER.plusSeconds(60));
        store.updateWorkflow(List.of(alpha.id()), Workflow.NEW, "bob", "not fixed after all", T_USER.plusSeconds(120));
        store.updateWorkflow(List.of(beta.id()), Workflow.SUPPRESSED, "bob", "test account", T_USER.plusSeconds(180));
        store.updateWorkflow(List.of(beta.id()), Workflow.NEW, "bob", "not a test account", T_USER.plusSeconds(240));

        assertThat(notified).hasSize(2);
        assertThat(store.history(alpha.id())).containsExactly(
                new HistoryEntry(alpha.id(), T_USER, "ana", "workflow", "NEW", "NOTIFIED", "paged the owner"),
                new HistoryEntry(alpha.id(), T_USER.plusSeconds(60), "ana", "workflow", "NOTIFIED", "RESOLVED",
                        "key rotated"),
                new HistoryEntry(alpha.id(), T_USER.plusSeconds(120), "bob", "workflow", "RESOLVED", "NEW",
                        "not fixed after all"));
        assertThat(store.history(beta.id())).extracting(HistoryEntry::newValue)
                .containsExactly("NOTIFIED", "SUPPRESSED", "NEW");
        assertThat(stored(alpha).workflow()).isEqualTo(Workflow.NEW);
        assertThat(stored(alpha).updatedAt()).isEqualTo(T_USER.plusSeconds(120));
        assertThat(stored(beta).workflow()).isEqualTo(Workflow.NEW);
    }

    @Test
    void resolvedToNotifiedIsRefusedWithAClearMessage() {
        store.updateWorkflow(List.of(alpha.id()), Workflow.RESOLVED, "ana", "fixed", T_USER);

        assertThatThrownBy(() -> store.updateWorkflow(List.of(alpha.id()), Workflow.NOTIFIED, "ana", "x", T_USER))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(alpha.id()).hasMessageContaining("it is RESOLVED")
                .hasMessageContaining("reopen it (set NEW) before marking it NOTIFIED");
        assertThatThrownBy(() -> store.updateWorkflow(List.of(alpha.id()), Workflow.SUPPRESSED, "ana", "x", T_USER))
                .hasMessageContaining("before marking it SUPPRESSED");
        assertThat(stored(alpha).workflow()).isEqualTo(Workflow.RESOLVED);
        assertThat(store.history(alpha.id())).hasSize(1);
    }

    @Test
    void suppressedToNotifiedIsRefused() {
        store.updateWorkflow(List.of(alpha.id()), Workflow.SUPPRESSED, "ana", "noise", T_USER);

        assertThatThrownBy(() -> store.updateWorkflow(List.of(alpha.id()), Workflow.NOTIFIED, "ana", "x", T_USER))
                .isInstanceOf(StoreException.class).hasMessageContaining("unsuppress it (set NEW)");
    }

    @Test
    void aBatchWithOneRefusedOrUnknownFindingChangesNothing() {
        store.updateWorkflow(List.of(alpha.id()), Workflow.RESOLVED, "ana", "fixed", T_USER);

        assertThatThrownBy(() -> store.updateWorkflow(List.of(beta.id(), alpha.id()), Workflow.NOTIFIED, "ana", "x",
                T_USER)).hasMessageContaining("1 of 2 findings").hasMessageContaining("none was changed");
        assertThatThrownBy(() -> store.updateWorkflow(List.of(beta.id(), "no-such-id"), Workflow.NOTIFIED, "ana",
                "x", T_USER)).hasMessageContaining("no-such-id: no such finding");
        assertThat(stored(beta).workflow()).isEqualTo(Workflow.NEW);
        assertThat(store.history(beta.id())).isEmpty();
    }

    @Test
    void actorAndReasonAreRequired() {
        assertThatThrownBy(() -> store.updateWorkflow(List.of(alpha.id()), Workflow.NOTIFIED, " ", "why", T_USER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("actor");
        assertThatThrownBy(() -> store.updateWorkflow(List.of(alpha.id()), Workflow.NOTIFIED, "ana", "", T_USER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason");
    }

    @Test
    void settingTheCurrentStatusIsANoOpWithoutHistory() {
        assertThat(store.updateWorkflow(List.of(alpha.id()), Workflow.NEW, "ana", "again", T_USER)).isEmpty();
        assertThat(store.history(alpha.id())).isEmpty();
        assertThat(stored(alpha).updatedAt()).isEqualTo(SCAN_1);
    }

    @Test
    void recordStateArchivesAndRestoresAndArchivedFindingsLeaveTheDefaultList() {
        store.updateRecordState(List.of(alpha.id()), RecordState.ARCHIVED, "ana", "account closed", T_USER);

        assertThat(store.list(FindingQuery.all())).extracting(StoredFinding::id).containsExactly(beta.id());
        assertThat(store.list(FindingQuery.all().withRecordState(null))).hasSize(2);
        assertThat(store.list(FindingQuery.all().withRecordState(RecordState.ARCHIVED)))
                .extracting(StoredFinding::id).containsExactly(alpha.id());
        assertThat(store.get(alpha.id())).isPresent();

        store.updateRecordState(List.of(alpha.id()), RecordState.ACTIVE, "bob", "reopened account", T_USER);
        assertThat(store.history(alpha.id())).extracting(HistoryEntry::field, HistoryEntry::oldValue,
                HistoryEntry::newValue).containsExactly(
                org.assertj.core.groups.Tuple.tuple("record_state", "ACTIVE", "ARCHIVED"),
                org.assertj.core.groups.Tuple.tuple("record_state", "ARCHIVED", "ACTIVE"));
        assertThat(stored(alpha).workflow()).isEqualTo(Workflow.NEW);
    }

    @Test
    void aResolvedFindingWithNewActivityReopensToNewAutomatically() {
        store.updateWorkflow(List.of(alpha.id()), Workflow.RESOLVED, "ana", "fixed", T_USER);

        UpsertResult rescan = store.upsert(List.of(alpha), SCAN_2);
        assertThat(rescan.changes()).extracting(FindingChange::kind).containsExactly(ChangeKind.UNCHANGED);
        assertThat(stored(alpha).workflow()).isEqualTo(Workflow.RESOLVED);

        Finding later = finding().key("user", "alpha").seen(at(500), at(600), 3).build();
        UpsertResult r = store.upsert(List.of(later), SCAN_3);

        FindingChange change = r.changes().getFirst();
        assertThat(change.kind()).isEqualTo(ChangeKind.REOPENED);
        assertThat(change.workflow()).isEqualTo(Workflow.NEW);
        assertThat(change.at()).isEqualTo(SCAN_3);
        assertThat(stored(alpha).workflow()).isEqualTo(Workflow.NEW);
        HistoryEntry reopen = store.history(alpha.id()).getLast();
        assertThat(reopen.actor()).isEqualTo("vigil");
        assertThat(reopen.at()).isEqualTo(SCAN_3);
        assertThat(reopen.oldValue()).isEqualTo("RESOLVED");
        assertThat(reopen.newValue()).isEqualTo("NEW");
        assertThat(reopen.reason()).contains("new activity at " + at(600)).contains("last seen " + at(10));
    }

    @Test
    void aPostureFindingResolvesWhenItsCheckPassesAndReopensWhenItFailsAgain() {
        List<HistoryEntry> passed = store.markPassing(List.of(alpha.id(), "never-failed-check"), SCAN_2);

        assertThat(passed).extracting(HistoryEntry::findingId).containsExactly(alpha.id());
        assertThat(passed.getFirst().actor()).isEqualTo("vigil");
        assertThat(passed.getFirst().reason()).contains("check passed");
        assertThat(stored(alpha).workflow()).isEqualTo(Workflow.RESOLVED);
        assertThat(store.markPassing(List.of(alpha.id()), SCAN_2)).as("already resolved").isEmpty();

        Finding failing = finding().key("user", "alpha").seen(at(2000), at(2000), 1).build();
        assertThat(store.upsert(List.of(failing), SCAN_3).changes().getFirst().kind())
                .isEqualTo(ChangeKind.REOPENED);
        assertThat(store.history(alpha.id())).extracting(HistoryEntry::newValue).containsExactly("RESOLVED", "NEW");
    }

    @Test
    void upsertsReportWhatHappenedPerFindingInBatchOrder() {
        Finding gamma = finding().key("user", "gamma").build();
        Finding alphaMore = finding().key("user", "alpha").seen(at(100), at(110), 4).build();
        Finding betaWorse = finding().key("user", "beta").severity(Severity.CRITICAL).seen(at(0), at(10), 1).build();

        UpsertResult r = store.upsert(List.of(gamma, alphaMore, betaWorse, alphaMore), SCAN_2);

        assertThat(r.changes()).extracting(FindingChange::findingId).containsExactly(gamma.id(), alpha.id(), beta.id());
        assertThat(r.changes()).extracting(FindingChange::kind)
                .containsExactly(ChangeKind.CREATED, ChangeKind.UPDATED, ChangeKind.ESCALATED);
        FindingChange escalated = r.changes().get(2);
        assertThat(escalated.previousSeverity()).contains(Severity.HIGH);
        assertThat(escalated.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(escalated.severityRose()).isTrue();
        assertThat(r.changes().getFirst().previousSeverity()).isEmpty();
        assertThat(r.inserted()).isEqualTo(1);
        assertThat(r.updated()).isEqualTo(2);
        assertThat(stored(alpha).updatedAt()).isEqualTo(SCAN_2);

        UpsertResult again = store.upsert(List.of(gamma), SCAN_3);
        assertThat(again.changes()).extracting(FindingChange::kind).containsExactly(ChangeKind.UNCHANGED);
        assertThat(stored(gamma).updatedAt()).as("unchanged keeps updatedAt").isEqualTo(SCAN_2);
        assertThat(stored(gamma).lastObservedAt()).isEqualTo(SCAN_3);
    }

    @Test
    void aLowerSeverityIsAnUpdateNotAnEscalation() {
        Finding calmer = finding().key("user", "alpha").severity(Severity.LOW).seen(at(0), at(10), 2).build();

        FindingChange c = store.upsert(List.of(calmer), SCAN_2).changes().getFirst();

        assertThat(c.kind()).isEqualTo(ChangeKind.UPDATED);
        assertThat(c.severityRose()).isFalse();
    }
}
