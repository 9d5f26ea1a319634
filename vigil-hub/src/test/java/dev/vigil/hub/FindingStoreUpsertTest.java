package dev.vigil.hub;

import static dev.vigil.hub.TestFinding.at;
import static dev.vigil.hub.TestFinding.evidence;
import static dev.vigil.hub.TestFinding.finding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.model.Evidence;
import dev.vigil.model.Finding;
import dev.vigil.model.Severity;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

@ParameterizedClass
@EnumSource(StoreBackend.class)
@ExtendWith(PostgresExtension.class)
class FindingStoreUpsertTest {

    @Parameter
    StoreBackend backend;


    private static final Instant SCAN_1 = Instant.parse("2024-04-01T09:00:00Z");
    private static final Instant SCAN_2 = Instant.parse("2024-04-02T09:00:00Z");

    @TempDir
    Path workspace;

    private FindingStore store;

    @BeforeEach
    void open() {
        store = backend.openEmpty(workspace, getClass(), java.time.Clock.systemUTC());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private StoredFinding stored(Finding f) {
        return store.get(f.id()).orElseThrow();
    }

    @Test
    void rescanningTheSameFindingsChangesOnlyTheObservationBookkeeping() {
        List<Finding> scan = List.of(
                finding().seen(at(0), at(60), 4).evidence(evidence("a", at(0)), evidence("b", at(60))).build(),
                finding().key("user", "bob").severity(Severity.LOW).seen(at(5), at(5), 1).build());
        store.upsert(scan, SCAN_1);

        UpsertResult again = store.upsert(scan, SCAN_2);

        assertThat(TestFinding.counts(again)).containsExactly(0, 2);
        for (Finding f : scan) {
            StoredFinding s = stored(f);
            assertThat(s.finding()).isEqualTo(f);
            assertThat(s.firstObservedAt()).isEqualTo(SCAN_1);
            assertThat(s.lastObservedAt()).isEqualTo(SCAN_2);
            assertThat(s.observations()).isEqualTo(2);
        }
        assertThat(store.count(FindingQuery.all())).isEqualTo(2);
    }

    @Test
    void laterActivityAddsToTheCountAndWidensTheWindow() {
        store.upsert(List.of(finding().seen(at(0), at(100), 3).build()), SCAN_1);

        UpsertResult r = store.upsert(List.of(finding().seen(at(101), at(200), 2).build()), SCAN_2);

        Finding merged = stored(finding().build()).finding();
        assertThat(TestFinding.counts(r)).containsExactly(0, 1);
        assertThat(merged.count()).isEqualTo(5);
        assertThat(merged.firstSeen()).isEqualTo(at(0));
        assertThat(merged.lastSeen()).isEqualTo(at(200));
    }

    @Test
    void olderActivityScannedLateAlsoAdds() {
        store.upsert(List.of(finding().seen(at(100), at(200), 3).build()), SCAN_1);

        store.upsert(List.of(finding().seen(at(0), at(99), 4).build()), SCAN_2);

        Finding merged = stored(finding().build()).finding();
        assertThat(merged.count()).isEqualTo(7);
        assertThat(merged.firstSeen()).isEqualTo(at(0));
        assertThat(merged.lastSeen()).isEqualTo(at(200));
    }

    @Test
    void overlappingRescanTakesTheLargerCount() {
        store.upsert(List.of(finding().seen(at(0), at(100), 3).build()), SCAN_1);

        store.upsert(List.of(finding().seen(at(50), at(150), 5).build()), SCAN_2);
        assertThat(stored(finding().build()).finding().count()).isEqualTo(5);

        // Starting exactly at the stored lastSeen is not "strictly after": still a re-scan.
        store.upsert(List.of(finding().seen(at(150), at(160), 2).build()), SCAN_2);
        Finding merged = stored(finding().build()).finding();
        assertThat(merged.count()).isEqualTo(5);
        assertThat(merged.firstSeen()).isEqualTo(at(0));
        assertThat(merged.lastSeen()).isEqualTo(at(160));
    }

    @Test
    void ruleMetadataAndFactsComeFromTheNewestObservation() {
        store.upsert(List.of(finding().severity(Severity.LOW).title("old").build()), SCAN_1);

        Finding newer = finding().severity(Severity.CRITICAL).title("new").description("new text")
                .attack("T1000").types("New/Type").principal("arn:new").resource("res-new").build();
        store.upsert(List.of(newer), SCAN_2);

        Finding merged = stored(newer).finding();
        assertThat(merged.rule()).isEqualTo(newer.rule());
        assertThat(merged.principal()).isEqualTo("arn:new");
        assertThat(merged.resource()).isEqualTo("res-new");
        assertThat(store.count(FindingQuery.all().withMinSeverity(Severity.CRITICAL))).isEqualTo(1);
    }

    @Test
    void evidenceIsUnitedByEventIdKeepingTheStoredCopy() {
        store.upsert(List.of(finding().evidence(evidence("e1", at(1)), evidence("e2", at(2))).build()), SCAN_1);

        Evidence e2Elsewhere = new Evidence("e2", at(2), "other-file.json#record 7", "{\"eventID\":\"e2\",\"x\":1}");
        store.upsert(List.of(finding().evidence(e2Elsewhere, evidence("e3", at(3))).build()), SCAN_2);

        assertThat(stored(finding().build()).finding().evidence())
                .containsExactly(evidence("e1", at(1)), evidence("e2", at(2)), evidence("e3", at(3)));
    }

    @Test
    void evidenceWithoutEventIdIsToldApartByItsRawText() {
        Evidence a = new Evidence("", at(1), "flow.log#line 1", "line one");
        Evidence b = new Evidence("", at(1), "flow.log#line 2", "line two");
        store.upsert(List.of(finding().evidence(a, b).build()), SCAN_1);

        store.upsert(List.of(finding().evidence(new Evidence("", at(1), "copy.log#line 9", "line one")).build()),
                SCAN_2);

        assertThat(stored(finding().build()).finding().evidence()).containsExactlyInAnyOrder(a, b);
    }

    @Test
    void evidenceIsCappedToTheOldestRecords() {
        List<Evidence> first = IntStream.range(100, 140).mapToObj(i -> evidence("s" + i, at(i))).toList();
        store.upsert(List.of(finding().evidence(first.toArray(Evidence[]::new)).build()), SCAN_1);

        List<Evidence> second = new ArrayList<>();
        IntStream.range(50, 65).forEach(i -> second.add(evidence("n" + i, at(i))));
        IntStream.range(200, 215).forEach(i -> second.add(evidence("n" + i, at(i))));
        store.upsert(List.of(finding().evidence(second.toArray(Evidence[]::new)).build()), SCAN_2);

        List<Evidence> kept = stored(finding().build()).finding().evidence();
        List<Evidence> expected = new ArrayList<>();
        IntStream.range(50, 65).forEach(i -> expected.add(evidence("n" + i, at(i))));
        IntStream.range(100, 135).forEach(i -> expected.add(evidence("s" + i, at(i))));
        assertThat(kept).hasSize(Finding.MAX_EVIDENCE).containsExactlyElementsOf(expected);
    }

    @Test
    void incomingEvidenceBeyondTheCapIsCappedToo() {
        Evidence[] many = IntStream.range(0, 80).mapToObj(i -> evidence("m" + i, at(80 - i))).toArray(Evidence[]::new);

        store.upsert(List.of(finding().evidence(many).build()), SCAN_1);

        List<Evidence> kept = stored(finding().build()).finding().evidence();
        assertThat(kept).hasSize(Finding.MAX_EVIDENCE);
        assertThat(kept.getFirst().time()).isEqualTo(at(1));
        assertThat(kept.getLast().time()).isEqualTo(at(50));
    }

    @Test
    void sameIdTwiceInOneBatchIsMergedAndCountsAsOneObservation() {
        Finding morning = finding().title("first").seen(at(0), at(10), 2).evidence(evidence("a", at(0))).build();
        Finding evening = finding().title("second").seen(at(500), at(510), 3).evidence(evidence("b", at(500)))
                .build();

        UpsertResult r = store.upsert(List.of(morning, evening), SCAN_1);

        StoredFinding s = stored(morning);
        assertThat(TestFinding.counts(r)).containsExactly(1, 0);
        assertThat(s.observations()).isEqualTo(1);
        assertThat(s.finding().rule().title()).isEqualTo("second");
        assertThat(s.finding().count()).isEqualTo(5);
        assertThat(s.finding().firstSeen()).isEqualTo(at(0));
        assertThat(s.finding().lastSeen()).isEqualTo(at(510));
        assertThat(s.finding().evidence()).extracting(Evidence::eventId).containsExactly("a", "b");
    }

    @Test
    void sameIdTwiceInOneBatchCombinesWithTheStoredFindingOneAfterTheOther() {
        store.upsert(List.of(finding().seen(at(200), at(300), 5).build()), SCAN_1);

        UpsertResult r = store.upsert(List.of(finding().seen(at(0), at(10), 2).build(),
                finding().seen(at(500), at(510), 3).build(), finding().seen(at(250), at(260), 1).build()), SCAN_2);

        StoredFinding s = stored(finding().build());
        assertThat(TestFinding.counts(r)).containsExactly(0, 1);
        assertThat(s.finding().count()).isEqualTo(10);
        assertThat(s.finding().firstSeen()).isEqualTo(at(0));
        assertThat(s.finding().lastSeen()).isEqualTo(at(510));
        assertThat(s.observations()).isEqualTo(2);
    }

    @Test
    void aFindingTheStoreCannotHoldRejectsTheWholeBatch() {
        Finding good = finding().build();
        Finding backwards = finding().key("user", "x").seen(at(10), at(5), 1).build();

        assertThatThrownBy(() -> store.upsert(List.of(good, backwards), SCAN_1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(backwards.id()).hasMessageContaining("before firstSeen");
        assertThatThrownBy(() -> store.upsert(List.of(good, finding().key("user", "y").seen(at(0), at(0), -1)
                .build()), SCAN_1)).hasMessageContaining("negative count");
        assertThat(store.count(FindingQuery.all())).isZero();

        assertThat(TestFinding.counts(store.upsert(List.of(good), SCAN_1))).containsExactly(1, 0);
    }

    @Test
    void anEmptyBatchDoesNothing() {
        assertThat(TestFinding.counts(store.upsert(List.of(), SCAN_1))).containsExactly(0, 0);
        assertThat(store.count(FindingQuery.all())).isZero();
    }

    @Test
    void tenThousandFindingsInOneBatch() {
        List<Finding> batch = IntStream.range(0, 10_000)
                .mapToObj(i -> finding().key("resource", "bucket-" + i)
                        .severity(Severity.values()[i % 5]).seen(at(i), at(i + 1), 2)
                        .evidence(evidence("a" + i, at(i)), evidence("b" + i, at(i + 1))).build())
                .toList();

        assertThat(TestFinding.counts(store.upsert(batch, SCAN_1))).containsExactly(10_000, 0);
        assertThat(TestFinding.counts(store.upsert(batch, SCAN_2))).containsExactly(0, 10_000);

        assertThat(store.count(FindingQuery.all())).isEqualTo(10_000);
        assertThat(store.count(FindingQuery.all().withMinSeverity(Severity.CRITICAL))).isEqualTo(2_000);
        StoredFinding sample = stored(batch.get(4321));
        assertThat(sample.finding()).isEqualTo(batch.get(4321));
        assertThat(sample.observations()).isEqualTo(2);
    }
}
