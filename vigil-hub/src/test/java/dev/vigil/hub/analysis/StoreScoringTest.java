package dev.vigil.hub.analysis;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.hub.FindingQuery;
import dev.vigil.hub.FindingSort;
import dev.vigil.hub.FindingStore;
import dev.vigil.hub.StoredFinding;
import dev.vigil.model.DetectionInfo;
import dev.vigil.model.Finding;
import dev.vigil.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Correlation and scoring over a real store: the adapter, the identity link, and writing only what changed. */
class StoreScoringTest {

    private static final Instant T = Instant.parse("2026-10-01T10:00:00Z");
    private static final String ALICE = "arn:aws:iam::111122223333:user/alice";
    private static final String BACKDOOR = "arn:aws:iam::111122223333:user/backdoor";

    private static Finding finding(String rule, String technique, String type, Severity severity, String principal,
                                   String resource, int minutes) {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("principal", principal);
        keys.put("resource", resource);
        DetectionInfo info = new DetectionInfo(rule, rule + " title", "d", severity, List.of(technique), List.of(type));
        Instant at = T.plusSeconds(60L * minutes);
        return new Finding(Finding.idFor(rule, keys), info, keys, "111122223333", "us-east-1", principal, resource,
                at, at, 1, List.of());
    }

    @Test
    void aCreatedUserLinksWithWhatItDoesNextAndScoresAreWrittenOnce(@TempDir Path ws) throws Exception {
        try (FindingStore store = FindingStore.open(ws)) {
            store.upsert(List.of(
                    finding("discovery", "T1087.004", "TTPs/Discovery/Burst", Severity.MEDIUM, ALICE, "", 0),
                    finding("user-created", "T1136.003", "TTPs/Persistence/IAMUserCreated", Severity.MEDIUM, ALICE,
                            BACKDOOR, 5),
                    finding("bulk-download", "T1530", "TTPs/Collection/BulkDownload", Severity.HIGH, BACKDOOR,
                            "arn:aws:s3:::customer-data", 20),
                    finding("unrelated", "T1078.004", "TTPs/Initial Access/Odd", Severity.LOW,
                            "arn:aws:iam::111122223333:user/zed", "", 30)), T);

            StoreScoring scoring = new StoreScoring(CorrelationOptions.defaults(), AssetCatalog.empty(), Set.of());
            StoreScoring.Result first = scoring.run(store);
            assertThat(first.scored()).isEqualTo(4);
            assertThat(first.changed()).isEqualTo(4);
            assertThat(first.correlation().candidates()).hasSize(1);
            IncidentCandidate c = first.correlation().candidates().getFirst();
            assertThat(c.members()).extracting(CandidateMember::title)
                    .containsExactly("discovery title", "user-created title", "bulk-download title");
            assertThat(c.linkingEntities()).extracting(LinkingEntity::value).contains(BACKDOOR);

            List<StoredFinding> ranked = store.list(FindingQuery.all().withSort(FindingSort.RISK));
            assertThat(ranked.getFirst().finding().rule().id()).isEqualTo("bulk-download");
            String explanation = StoreScoring.explanation(ranked.getFirst().riskReasons());
            assertThat(explanation).startsWith("Risk " + ranked.getFirst().risk() + ": ").contains("incident candidate");
            assertThat(new ObjectMapper().readTree(ranked.getFirst().riskReasons()).path("factors").size())
                    .isGreaterThan(1);
            assertThat(ranked.getLast().finding().rule().id()).isEqualTo("unrelated");

            assertThat(scoring.run(store).changed()).as("nothing changed, nothing written").isZero();
        }
    }

    @Test
    void identityNeedsAnIamUserOrRoleArn() {
        assertThat(EntityKind.isIamIdentity(BACKDOOR)).isTrue();
        assertThat(EntityKind.isIamIdentity("arn:aws:iam::111122223333:role/admin")).isTrue();
        assertThat(EntityKind.isIamIdentity("arn:aws:iam::111122223333:policy/x")).isFalse();
        assertThat(EntityKind.isIamIdentity("arn:aws:sts::111122223333:assumed-role/admin/s")).isFalse();
        assertThat(EntityKind.isIamIdentity("backdoor")).isFalse();
        assertThat(EntityKind.isIamIdentity("arn:aws:s3:::bucket")).isFalse();
    }
}
