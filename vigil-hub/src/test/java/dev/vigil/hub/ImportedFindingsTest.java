package dev.vigil.hub;

import static dev.vigil.hub.TestFinding.at;
import static dev.vigil.hub.TestFinding.finding;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Finding;
import dev.vigil.model.FindingOrigin;
import dev.vigil.model.ImportedFinding;
import dev.vigil.model.RecordState;
import dev.vigil.model.Severity;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
class ImportedFindingsTest {

    private static final Instant IMPORT_1 = Instant.parse("2024-06-01T10:00:00Z");
    private static final Instant IMPORT_2 = Instant.parse("2024-06-02T10:00:00Z");

    @Parameter
    StoreBackend backend;

    @TempDir
    Path workspace;

    private FindingStore store;

    @BeforeEach
    void open() {
        store = backend.openEmpty(workspace, getClass(), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static ImportedFinding guardDuty(String raw, int confidence, Instant first, Instant last, long count,
                                             Severity severity) {
        String id = ImportedFinding.idFor("GuardDuty", "gd-1");
        Finding f = new TestFinding().id(id).key("productFindingId", "gd-1").rule("Recon:IAMUser/MaliciousIPCaller")
                .types("Recon:IAMUser/MaliciousIPCaller").severity(severity).seen(first, last, count).build();
        return new ImportedFinding(f, new FindingOrigin("GuardDuty", "gd-1", "guardduty",
                "export.jsonl.gz#line " + count, raw, confidence));
    }

    @Test
    void anImportedFindingKeepsItsOrigin() {
        ImportedFinding gd = guardDuty("{\"id\":\"gd-1\",\"v\":1}", 80, at(0), at(10), 3, Severity.MEDIUM);

        UpsertResult r = store.upsertImported(List.of(gd), IMPORT_1);

        assertThat(r.changes()).extracting(FindingChange::kind).containsExactly(ChangeKind.CREATED);
        StoredFinding s = store.get(gd.finding().id()).orElseThrow();
        assertThat(s.origin()).isEqualTo(gd.origin());
        assertThat(s.finding()).isEqualTo(gd.finding());
        assertThat(s.recordState()).isEqualTo(RecordState.ACTIVE);
        assertThat(store.list(FindingQuery.all().withProduct("GuardDuty"))).hasSize(1);
        assertThat(store.list(FindingQuery.all().withProduct("Vigil"))).isEmpty();
    }

    @Test
    void vigilsOwnFindingsHaveTheVigilOrigin() {
        Finding f = finding().build();
        store.upsert(List.of(f), IMPORT_1);

        assertThat(store.get(f.id()).orElseThrow().origin()).isEqualTo(FindingOrigin.vigil(f));
    }

    @Test
    void aReReportMergesAndTheNewestOriginalAndConfidenceWin() {
        store.upsertImported(List.of(guardDuty("{\"v\":1}", 80, at(0), at(10), 3, Severity.MEDIUM)), IMPORT_1);

        UpsertResult r = store.upsertImported(List.of(guardDuty("{\"v\":2}", 95, at(20), at(30), 2, Severity.HIGH)),
                IMPORT_2);

        assertThat(r.changes()).extracting(FindingChange::kind).containsExactly(ChangeKind.ESCALATED);
        StoredFinding s = store.get(ImportedFinding.idFor("GuardDuty", "gd-1")).orElseThrow();
        assertThat(s.origin().rawOriginal()).isEqualTo("{\"v\":2}");
        assertThat(s.origin().confidence()).isEqualTo(95);
        assertThat(s.origin().location()).isEqualTo("export.jsonl.gz#line 2");
        assertThat(s.finding().count()).isEqualTo(5);
        assertThat(s.finding().firstSeen()).isEqualTo(at(0));
        assertThat(s.finding().lastSeen()).isEqualTo(at(30));
        assertThat(s.observations()).isEqualTo(2);
        assertThat(store.count(FindingQuery.all().withoutLimit())).isEqualTo(1);
    }

    @Test
    void theSourcesRecordStateWinsAndIsAudited() {
        ImportedFinding gd = guardDuty("{}", 80, at(0), at(10), 1, Severity.MEDIUM);
        String id = gd.finding().id();
        store.upsertImported(List.of(gd), IMPORT_1);

        UpsertResult archived = store.upsertImported(List.of(gd), Map.of(id, RecordState.ARCHIVED), IMPORT_2);

        assertThat(archived.changes().getFirst().kind()).isEqualTo(ChangeKind.UPDATED);
        assertThat(archived.changes().getFirst().recordState()).isEqualTo(RecordState.ARCHIVED);
        assertThat(store.get(id).orElseThrow().recordState()).isEqualTo(RecordState.ARCHIVED);
        HistoryEntry h = store.history(id).getFirst();
        assertThat(h.actor()).isEqualTo("import:GuardDuty");
        assertThat(h.field()).isEqualTo("record_state");
        assertThat(h.reason()).contains("GuardDuty reports the finding ARCHIVED");

        store.upsertImported(List.of(gd), IMPORT_2.plusSeconds(1));
        assertThat(store.get(id).orElseThrow().recordState()).as("silence keeps the state")
                .isEqualTo(RecordState.ARCHIVED);

        store.upsertImported(List.of(gd), Map.of(id, RecordState.ACTIVE), IMPORT_2.plusSeconds(2));
        assertThat(store.get(id).orElseThrow().recordState()).isEqualTo(RecordState.ACTIVE);
        assertThat(store.history(id)).hasSize(2);
    }

    @Test
    void aFindingFirstSeenArchivedIsStoredArchived() {
        ImportedFinding gd = guardDuty("{}", -1, at(0), at(10), 1, Severity.LOW);

        UpsertResult r = store.upsertImported(List.of(gd), Map.of(gd.finding().id(), RecordState.ARCHIVED), IMPORT_1);

        assertThat(r.changes().getFirst().recordState()).isEqualTo(RecordState.ARCHIVED);
        assertThat(store.get(gd.finding().id()).orElseThrow().recordState()).isEqualTo(RecordState.ARCHIVED);
        assertThat(store.get(gd.finding().id()).orElseThrow().origin().confidence()).isEqualTo(-1);
    }
}
