package dev.vigil.hub;

import static dev.vigil.hub.TestFinding.at;
import static dev.vigil.hub.TestFinding.finding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.model.Finding;
import dev.vigil.model.Severity;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
class FindingStoreQueryTest {

    @Parameter
    StoreBackend backend;


    // Activity windows in minutes:   A [0,30]  B [40,60]  C [70,90]  D [10,100]  E [95,96]  F [1,5]
    private final Finding a = finding().key("n", "A").rule("aws.iam.user-created").severity(Severity.MEDIUM)
            .account("111111111111").region("us-east-1").principal("arn:aws:iam::111111111111:user/Alice")
            .seen(at(0), at(30), 7).build();
    private final Finding b = finding().key("n", "B").rule("aws.iam.key_created").severity(Severity.HIGH)
            .account("222222222222").region("eu-west-1").principal("arn:aws:iam::222222222222:role/Admin")
            .seen(at(40), at(60), 2).build();
    private final Finding c = finding().key("n", "C").rule("aws.iam.keyXcreated").severity(Severity.HIGH)
            .account("111111111111").region("eu-west-1").principal("arn:aws:sts::111111111111:assumed/alice-ci")
            .seen(at(70), at(90), 30).build();
    private final Finding d = finding().key("n", "D").rule("aws.s3.public-bucket").severity(Severity.CRITICAL)
            .account("111111111111").region("us-east-1").principal("root")
            .seen(at(10), at(100), 1).build();
    private final Finding e = finding().key("n", "E").rule("aws.s3.public-bucket").severity(Severity.LOW)
            .account("333333333333").region("ap-south-1").principal("50%_off")
            .seen(at(95), at(96), 4).build();
    private final Finding f = finding().key("n", "F").rule("aws.%").severity(Severity.INFORMATIONAL)
            .account("333333333333").region("us-east-1").principal("")
            .seen(at(1), at(5), 1).build();

    @TempDir
    Path workspace;

    private FindingStore store;

    @BeforeEach
    void open() {
        store = backend.openEmpty(workspace, getClass(), java.time.Clock.systemUTC());
        store.upsert(List.of(a, b, c, d, e, f), Instant.parse("2024-04-01T00:00:00Z"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private List<Finding> list(FindingQuery q) {
        assertThat(store.count(q)).as("count agrees with list").isEqualTo(store.list(q.withoutLimit().withOffset(0)).size());
        return store.list(q).stream().map(StoredFinding::finding).toList();
    }

    @Test
    void defaultIsEverythingBySeverityThenMostRecentActivity() {
        assertThat(list(FindingQuery.all())).containsExactly(d, c, b, a, e, f);
    }

    @Test
    void minimumSeverity() {
        assertThat(list(FindingQuery.all().withMinSeverity(Severity.HIGH))).containsExactly(d, c, b);
        assertThat(list(FindingQuery.all().withMinSeverity(Severity.LOW))).containsExactly(d, c, b, a, e);
    }

    @Test
    void ruleIdExactOrGlob() {
        assertThat(list(FindingQuery.all().withRuleId("aws.s3.public-bucket"))).containsExactly(d, e);
        assertThat(list(FindingQuery.all().withRuleId("aws.iam.*"))).containsExactly(c, b, a);
        assertThat(list(FindingQuery.all().withRuleId("*created"))).containsExactly(c, b, a);
        assertThat(list(FindingQuery.all().withRuleId("aws.s3"))).isEmpty();
    }

    @Test
    void sqlWildcardsInRuleIdsAreLiteral() {
        assertThat(list(FindingQuery.all().withRuleId("aws.iam.key_*"))).containsExactly(b);
        assertThat(list(FindingQuery.all().withRuleId("aws.%"))).containsExactly(f);
        assertThat(list(FindingQuery.all().withRuleId("aws.%*"))).containsExactly(f);
    }

    @Test
    void accountAndRegionAreExact() {
        assertThat(list(FindingQuery.all().withAccount("111111111111"))).containsExactly(d, c, a);
        assertThat(list(FindingQuery.all().withAccount("11111111111"))).isEmpty();
        assertThat(list(FindingQuery.all().withRegion("eu-west-1"))).containsExactly(c, b);
        assertThat(list(FindingQuery.all().withAccount("111111111111").withRegion("us-east-1")))
                .containsExactly(d, a);
    }

    @Test
    void principalIsASubstringIgnoringCase() {
        assertThat(list(FindingQuery.all().withPrincipalContaining("ALICE"))).containsExactly(c, a);
        assertThat(list(FindingQuery.all().withPrincipalContaining("role/"))).containsExactly(b);
        assertThat(list(FindingQuery.all().withPrincipalContaining("%_"))).containsExactly(e);
        assertThat(list(FindingQuery.all().withPrincipalContaining("_"))).containsExactly(e);
    }

    @Test
    void timeRangeMatchesOverlappingActivity() {
        assertThat(list(FindingQuery.all().withSince(at(90)))).containsExactly(d, c, e);
        assertThat(list(FindingQuery.all().withUntil(at(10)))).containsExactly(a, f);
        assertThat(list(FindingQuery.all().withSince(at(30)).withUntil(at(40)))).containsExactly(d, a);
        assertThat(list(FindingQuery.all().withSince(at(61)).withUntil(at(70)))).containsExactly(d);
        assertThat(list(FindingQuery.all().withSince(Instant.MIN).withUntil(Instant.MAX))).hasSize(6);
    }

    @Test
    void filtersCombine() {
        assertThat(list(FindingQuery.all().withRuleId("aws.*").withMinSeverity(Severity.HIGH)
                .withAccount("111111111111").withPrincipalContaining("alice").withSince(at(80))))
                .containsExactly(c);
    }

    @Test
    void otherSortOrders() {
        assertThat(list(FindingQuery.all().withSort(FindingSort.LAST_SEEN))).containsExactly(d, e, c, b, a, f);
        assertThat(list(FindingQuery.all().withSort(FindingSort.FIRST_SEEN))).containsExactly(e, c, b, d, f, a);
        assertThat(list(FindingQuery.all().withSort(FindingSort.COUNT))).containsExactly(c, a, e, b, d, f);
    }

    @Test
    void pagesWithLimitAndOffsetCoverEverythingOnce() {
        List<Finding> paged = new ArrayList<>();
        for (int offset = 0; offset < 6; offset += 4) {
            paged.addAll(list(FindingQuery.all().withLimit(4).withOffset(offset)));
        }
        assertThat(paged).containsExactly(d, c, b, a, e, f);
        assertThat(list(FindingQuery.all().withLimit(2))).containsExactly(d, c);
        assertThat(list(FindingQuery.all().withOffset(10))).isEmpty();
        assertThat(store.count(FindingQuery.all().withLimit(1).withOffset(3))).isEqualTo(6);
    }

    @Test
    void hostileFilterValuesAreJustValues() {
        String injection = "x' OR '1'='1'; DROP TABLE findings; --";
        assertThat(list(FindingQuery.all().withRuleId(injection))).isEmpty();
        assertThat(list(FindingQuery.all().withAccount(injection).withRegion("\u0000"))).isEmpty();
        assertThat(list(FindingQuery.all().withPrincipalContaining(injection + "*"))).isEmpty();
        assertThat(store.count(FindingQuery.all())).isEqualTo(6);
    }

    @Test
    void emptyTextFiltersMeanNoFilter() {
        assertThat(list(FindingQuery.all().withRuleId("").withAccount("").withRegion("").withPrincipalContaining("")))
                .hasSize(6);
    }

    @Test
    void invalidQueriesAreRefusedWithAReason() {
        assertThatThrownBy(() -> FindingQuery.all().withLimit(0)).hasMessageContaining("NO_LIMIT");
        assertThatThrownBy(() -> FindingQuery.all().withOffset(-1)).hasMessageContaining("offset");
        assertThatThrownBy(() -> FindingQuery.all().withSince(at(5)).withUntil(at(5)))
                .hasMessageContaining("must be before");
    }
}
