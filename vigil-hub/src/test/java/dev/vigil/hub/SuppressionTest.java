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
import java.util.Map;
import java.util.Optional;
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
class SuppressionTest {

    private static final Instant DAY_1 = Instant.parse("2024-05-01T00:00:00Z");
    private static final Instant DAY_2 = Instant.parse("2024-05-02T00:00:00Z");
    private static final Instant DAY_10 = Instant.parse("2024-05-10T00:00:00Z");
    private static final Instant DAY_20 = Instant.parse("2024-05-20T00:00:00Z");
    private static final Instant REMOVAL = Instant.parse("2024-05-05T00:00:00Z");

    @Parameter
    StoreBackend backend;

    @TempDir
    Path workspace;

    private FindingStore store;

    private final Finding scanner = finding().key("user", "scanner").rule("aws.iam.recon")
            .types("TTPs/Discovery/Recon", "Effects/Noise").severity(Severity.LOW)
            .principal("arn:aws:iam::111122223333:role/security-scanner").resource("arn:aws:s3:::audit-logs")
            .build();
    private final Finding attacker = finding().key("user", "mallory").rule("aws.iam.recon")
            .types("TTPs/Discovery/Recon").severity(Severity.HIGH)
            .principal("arn:aws:iam::111122223333:user/mallory").resource("arn:aws:s3:::payroll").build();
    private final Finding other = finding().key("user", "other").rule("aws.cloudtrail.stopped")
            .types("TTPs/Defense Evasion/CloudTrailStopped").severity(Severity.LOW).account("444455556666")
            .principal("arn:aws:iam::444455556666:role/security-scanner").build();

    @BeforeEach
    void open() {
        store = backend.openEmpty(workspace, getClass(), Clock.fixed(REMOVAL, ZoneOffset.UTC));
        store.upsert(List.of(scanner, attacker, other), DAY_1);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static SuppressionRule rule(String id, Map<String, String> criteria, Instant expires) {
        return new SuppressionRule(id, SuppressionCriteria.parse(criteria), "our own scanner", "secops",
                DAY_2, Optional.ofNullable(expires), "ana");
    }

    private Workflow workflowOf(Finding f) {
        return store.get(f.id()).orElseThrow().workflow();
    }

    @Test
    void addingARuleSuppressesMatchingStoredFindingsAndKeepsThem() {
        long suppressed = store.addSuppression(rule("scanner", Map.of("principal", "*:role/security-scanner",
                "account", "111122223333"), null));

        assertThat(suppressed).isEqualTo(1);
        StoredFinding s = store.get(scanner.id()).orElseThrow();
        assertThat(s.workflow()).isEqualTo(Workflow.SUPPRESSED);
        assertThat(s.suppressedBy()).isEqualTo("scanner");
        assertThat(s.updatedAt()).isEqualTo(DAY_2);
        assertThat(workflowOf(attacker)).isEqualTo(Workflow.NEW);
        assertThat(workflowOf(other)).as("other account").isEqualTo(Workflow.NEW);
        HistoryEntry h = store.history(scanner.id()).getFirst();
        assertThat(h.actor()).isEqualTo("suppression:scanner");
        assertThat(h.oldValue()).isEqualTo("NEW");
        assertThat(h.newValue()).isEqualTo("SUPPRESSED");
        assertThat(h.at()).isEqualTo(DAY_2);
        assertThat(h.reason()).contains("scanner").contains("secops").contains("our own scanner");
        assertThat(store.count(FindingQuery.all())).as("kept, not deleted").isEqualTo(3);
    }

    @Test
    void resolvedArchivedAndAlreadySuppressedFindingsKeepTheirDecision() {
        store.updateWorkflow(List.of(scanner.id()), Workflow.RESOLVED, "ana", "fixed", DAY_1);
        store.updateRecordState(List.of(attacker.id()), RecordState.ARCHIVED, "ana", "gone", DAY_1);
        store.updateWorkflow(List.of(other.id()), Workflow.SUPPRESSED, "ana", "by hand", DAY_1);

        assertThat(store.addSuppression(rule("all-recon", Map.of("severityAtMost", "critical"), null))).isZero();
        assertThat(store.get(other.id()).orElseThrow().suppressedBy()).isEmpty();
    }

    @Test
    void newAndReopenedFindingsThatMatchArriveSuppressed() {
        store.addSuppression(rule("low-recon", Map.of("type", "TTPs/Discovery/*", "severityAtMost", "medium"), null));
        Finding newScanner = finding().key("user", "scanner-2").rule("aws.iam.recon").types("TTPs/Discovery/Recon")
                .severity(Severity.LOW).build();
        Finding newHigh = finding().key("user", "eve").rule("aws.iam.recon").types("TTPs/Discovery/Recon")
                .severity(Severity.HIGH).build();

        UpsertResult r = store.upsert(List.of(newScanner, newHigh), DAY_10);

        assertThat(r.changes()).extracting(FindingChange::kind, FindingChange::workflow).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ChangeKind.CREATED, Workflow.SUPPRESSED),
                org.assertj.core.groups.Tuple.tuple(ChangeKind.CREATED, Workflow.NEW));
        assertThat(workflowOf(newScanner)).isEqualTo(Workflow.SUPPRESSED);
        assertThat(store.history(newScanner.id())).extracting(HistoryEntry::actor)
                .containsExactly("suppression:low-recon");
        assertThat(store.suppressionReport(DAY_10).getFirst().lastApplied()).contains(DAY_10);
    }

    @Test
    void aFindingUnsuppressedByHandIsNotSuppressedAgainOnTheNextScan() {
        store.addSuppression(rule("scanner", Map.of("principal", "*security-scanner"), null));
        store.updateWorkflow(List.of(scanner.id()), Workflow.NEW, "bob", "this one matters", DAY_2);

        store.upsert(List.of(scanner), DAY_10);

        assertThat(workflowOf(scanner)).isEqualTo(Workflow.NEW);
        assertThat(store.get(scanner.id()).orElseThrow().suppressedBy()).isEmpty();
    }

    @Test
    void typeGlobsMatchOneTypeNeverTheJunctionOfTwo() {
        assertThat(store.addSuppression(rule("junction", Map.of("type", "TTPs/Discovery/Recon*Effects/Noise"),
                null))).isZero();
        assertThat(store.addSuppression(rule("noise", Map.of("type", "Effects/Noise"), null))).isEqualTo(1);
        assertThat(workflowOf(scanner)).isEqualTo(Workflow.SUPPRESSED);
    }

    @Test
    void eachCriterionNarrows() {
        assertThat(store.addSuppression(rule("r1", Map.of("rule", "aws.cloudtrail.*"), null))).isEqualTo(1);
        assertThat(workflowOf(other)).isEqualTo(Workflow.SUPPRESSED);
        assertThat(store.addSuppression(rule("r2", Map.of("resource", "arn:aws:s3:::pay*"), null))).isEqualTo(1);
        assertThat(workflowOf(attacker)).isEqualTo(Workflow.SUPPRESSED);
        assertThat(store.addSuppression(rule("r3", Map.of("product", "GuardDuty"), null))).isZero();
        assertThat(store.addSuppression(rule("r4", Map.of("region", "us-east-1"), null))).isZero();
        assertThat(store.addSuppression(rule("r5", Map.of("product", "Vigil", "region", "eu-west-1"), null)))
                .isEqualTo(1);
        assertThat(workflowOf(scanner)).isEqualTo(Workflow.SUPPRESSED);
    }

    @Test
    void expiredRulesReleaseTheirFindingsAndNoLongerApply() {
        store.addSuppression(rule("temp", Map.of("principal", "*security-scanner"), DAY_10));
        assertThat(store.expireSuppressions(DAY_2)).isEmpty();

        List<HistoryEntry> released = store.expireSuppressions(DAY_10);

        assertThat(released).extracting(HistoryEntry::findingId).containsExactlyInAnyOrder(scanner.id(), other.id());
        assertThat(released.getFirst().actor()).isEqualTo("vigil");
        assertThat(released.getFirst().reason()).contains("temp").contains("expired");
        assertThat(workflowOf(scanner)).isEqualTo(Workflow.NEW);
        assertThat(store.expireSuppressions(DAY_20)).as("nothing left to release").isEmpty();

        Finding late = finding().key("user", "scanner-3").principal("x:role/security-scanner").build();
        store.upsert(List.of(late), DAY_20);
        assertThat(workflowOf(late)).isEqualTo(Workflow.NEW);
        assertThat(store.suppressionReport(DAY_20).getFirst().state()).isEqualTo(SuppressionStatus.State.EXPIRED);
    }

    @Test
    void removingARuleReleasesItsFindingsAndKeepsItInTheReport() {
        store.addSuppression(rule("scanner", Map.of("principal", "*security-scanner"), null));

        List<HistoryEntry> released = store.removeSuppression("scanner", "bob");

        assertThat(released).hasSize(2).allSatisfy(h -> {
            assertThat(h.actor()).isEqualTo("bob");
            assertThat(h.at()).isEqualTo(REMOVAL);
            assertThat(h.newValue()).isEqualTo("NEW");
        });
        SuppressionStatus status = store.suppressionReport(DAY_10).getFirst();
        assertThat(status.state()).isEqualTo(SuppressionStatus.State.REMOVED);
        assertThat(status.removedAt()).contains(REMOVAL);
        assertThat(status.removedBy()).isEqualTo("bob");
        assertThat(status.suppressing()).isZero();
        assertThatThrownBy(() -> store.removeSuppression("scanner", "bob")).isInstanceOf(StoreException.class)
                .hasMessageContaining("already removed");
        assertThatThrownBy(() -> store.removeSuppression("nope", "bob")).hasMessageContaining("no suppression rule");
    }

    @Test
    void theReportSaysWhatEachRuleSuppressesAndWhenItExpires() {
        store.addSuppression(rule("scanner", Map.of("principal", "*security-scanner"), DAY_20));
        store.addSuppression(rule("nothing", Map.of("account", "999999999999"), null));

        List<SuppressionStatus> report = store.suppressionReport(DAY_10);

        assertThat(report).extracting(s -> s.rule().id()).containsExactly("nothing", "scanner");
        SuppressionStatus scannerRule = report.get(1);
        assertThat(scannerRule.state()).isEqualTo(SuppressionStatus.State.ACTIVE);
        assertThat(scannerRule.suppressing()).isEqualTo(2);
        assertThat(scannerRule.lastApplied()).contains(DAY_2);
        assertThat(scannerRule.rule().expiresAt()).contains(DAY_20);
        assertThat(scannerRule.rule().criteria().asMap()).containsExactly(Map.entry("principal", "*security-scanner"));
        assertThat(report.getFirst().suppressing()).isZero();
        assertThat(report.getFirst().lastApplied()).isEmpty();
        assertThat(report.getFirst().rule().expiresAt()).isEmpty();
    }

    @Test
    void rulesAreValidated() {
        assertThatThrownBy(() -> new SuppressionRule("x", SuppressionCriteria.parse(Map.of("account", "1")), " ",
                "secops", DAY_1, Optional.empty(), "ana")).hasMessageContaining("reason");
        assertThatThrownBy(() -> new SuppressionRule("x", SuppressionCriteria.parse(Map.of("account", "1")), "r",
                "", DAY_1, Optional.empty(), "ana")).hasMessageContaining("owner");
        assertThatThrownBy(() -> SuppressionCriteria.parse(Map.of())).hasMessageContaining("at least one criterion");
        assertThatThrownBy(() -> SuppressionCriteria.parse(Map.of("colour", "red")))
                .hasMessageContaining("unknown suppression criterion 'colour'");
        assertThatThrownBy(() -> SuppressionCriteria.parse(Map.of("severityAtMost", "huge")))
                .hasMessageContaining("severityAtMost");
        assertThatThrownBy(() -> new SuppressionRule("bad id;", SuppressionCriteria.parse(Map.of("account", "1")),
                "r", "o", DAY_1, Optional.empty(), "ana")).hasMessageContaining("not allowed");
        assertThatThrownBy(() -> new SuppressionRule("x", SuppressionCriteria.parse(Map.of("account", "1")),
                "r", "o", DAY_2, Optional.of(DAY_1), "ana")).hasMessageContaining("expire");
        store.addSuppression(rule("dup", Map.of("account", "1"), null));
        assertThatThrownBy(() -> store.addSuppression(rule("dup", Map.of("account", "2"), null)))
                .isInstanceOf(StoreException.class).hasMessageContaining("already exists");
    }

    @Test
    void anAbsentIdIsDerivedFromTheRule() {
        SuppressionRule r = rule("", Map.of("account", "1"), null);
        assertThat(r.id()).startsWith("sup-").hasSize(16);
        assertThat(rule(null, Map.of("account", "1"), null).id()).isEqualTo(r.id());
    }
}
