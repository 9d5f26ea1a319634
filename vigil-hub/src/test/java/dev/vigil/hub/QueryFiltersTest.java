package dev.vigil.hub;

import static dev.vigil.hub.TestFinding.at;
import static dev.vigil.hub.TestFinding.finding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.model.Finding;
import dev.vigil.model.Severity;
import dev.vigil.model.Workflow;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
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

/** The hub's filters (product, type glob, workflow, resource, ids) and the RISK order. */
@ParameterizedClass
@EnumSource(StoreBackend.class)
@ExtendWith(PostgresExtension.class)
class QueryFiltersTest {

    private static final Instant SCAN = Instant.parse("2024-07-01T00:00:00Z");
    private static final Instant SCORED = Instant.parse("2024-07-02T00:00:00Z");

    @Parameter
    StoreBackend backend;

    @TempDir
    Path workspace;

    private FindingStore store;

    private final Finding a = finding().key("n", "a").types("TTPs/Discovery/Recon", "Effects/Data Exposure")
            .resource("arn:aws:s3:::Payroll-Bucket").severity(Severity.HIGH).seen(at(0), at(5), 1).build();
    private final Finding b = finding().key("n", "b").types("Software and Configuration Checks/CIS (1.4)/2.1")
            .resource("i-0abc").severity(Severity.CRITICAL).seen(at(0), at(9), 1).build();
    private final Finding c = finding().key("n", "c").types("Unusual \"quoted\" type é", "x\\y")
            .resource("arn:aws:iam::1:user/carol").severity(Severity.LOW).seen(at(0), at(7), 1).build();
    private final Finding d = finding().key("n", "d").types().resource("").severity(Severity.MEDIUM)
            .seen(at(0), at(8), 1).build();

    @BeforeEach
    void open() {
        store = backend.openEmpty(workspace, getClass(), Clock.fixed(SCORED, ZoneOffset.UTC));
        store.upsert(List.of(a, b, c, d), SCAN);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private List<String> ids(FindingQuery q) {
        return store.list(q).stream().map(StoredFinding::id).toList();
    }

    @Test
    void typeGlobsMatchAnyOneTypeExactlyOrWithStars() {
        assertThat(ids(FindingQuery.all().withTypeGlob("Effects/Data Exposure"))).containsExactly(a.id());
        assertThat(ids(FindingQuery.all().withTypeGlob("TTPs/*"))).containsExactly(a.id());
        assertThat(ids(FindingQuery.all().withTypeGlob("*/Recon"))).containsExactly(a.id());
        assertThat(ids(FindingQuery.all().withTypeGlob("*"))).containsExactlyInAnyOrder(a.id(), b.id(), c.id());
        assertThat(ids(FindingQuery.all().withTypeGlob("Software*CIS (1.4)/2.1"))).containsExactly(b.id());
        assertThat(ids(FindingQuery.all().withTypeGlob("Software*CIS (1x4)/2.1"))).as(". ( ) are literal").isEmpty();
        assertThat(ids(FindingQuery.all().withTypeGlob("Unusual \"quoted\" type é"))).containsExactly(c.id());
        assertThat(ids(FindingQuery.all().withTypeGlob("x\\y"))).containsExactly(c.id());
        assertThat(ids(FindingQuery.all().withTypeGlob("TTPs"))).as("whole type, not a prefix").isEmpty();
        assertThat(ids(FindingQuery.all().withTypeGlob("Recon*Effects*"))).as("never across two types").isEmpty();
        assertThat(ids(FindingQuery.all().withTypeGlob("effects/data exposure"))).as("case-sensitive").isEmpty();
    }

    @Test
    void resourceContainsIgnoresCase() {
        assertThat(ids(FindingQuery.all().withResourceContaining("payroll"))).containsExactly(a.id());
        assertThat(ids(FindingQuery.all().withResourceContaining("%"))).isEmpty();
    }

    @Test
    void workflowSetsIdsAndProductsFilter() {
        store.updateWorkflow(List.of(b.id()), Workflow.NOTIFIED, "ana", "told", SCAN);
        store.updateWorkflow(List.of(c.id()), Workflow.RESOLVED, "ana", "fixed", SCAN);

        assertThat(ids(FindingQuery.all().withWorkflows(EnumSet.of(Workflow.NEW)))).containsExactlyInAnyOrder(a.id(),
                d.id());
        assertThat(ids(FindingQuery.all().withWorkflows(List.of(Workflow.NOTIFIED, Workflow.RESOLVED))))
                .containsExactlyInAnyOrder(b.id(), c.id());
        assertThat(ids(FindingQuery.all().withIds(List.of(c.id(), d.id(), "unknown"))))
                .containsExactlyInAnyOrder(c.id(), d.id());
        assertThat(store.count(FindingQuery.all().withProduct("Vigil"))).isEqualTo(4);
        assertThat(store.count(FindingQuery.all().withProduct("vigil"))).as("exact").isZero();
    }

    @Test
    void riskScoresAreStoredAndSortTheList() {
        int changed = store.setRisk(Map.of(
                c.id(), new RiskScore(90, "[\"exposed to the internet\"]"),
                a.id(), new RiskScore(40, "[]"),
                d.id(), new RiskScore(40, "[\"d\"]"),
                "not-stored", new RiskScore(99, "[]")));

        assertThat(changed).as("a's reasons were already [] but its score changed").isEqualTo(3);
        assertThat(ids(FindingQuery.all().withSort(FindingSort.RISK))).containsExactly(c.id(), a.id(), d.id(), b.id());
        StoredFinding sc = store.get(c.id()).orElseThrow();
        assertThat(sc.risk()).isEqualTo(90);
        assertThat(sc.riskReasons()).isEqualTo("[\"exposed to the internet\"]");
        assertThat(sc.updatedAt()).isEqualTo(SCORED);
        assertThat(store.get(b.id()).orElseThrow().updatedAt()).isEqualTo(SCAN);
        assertThat(store.setRisk(Map.of(c.id(), new RiskScore(90, "[\"exposed to the internet\"]")))).isZero();
        assertThatThrownBy(() -> new RiskScore(101, "[]")).hasMessageContaining("0-100");
    }
}
