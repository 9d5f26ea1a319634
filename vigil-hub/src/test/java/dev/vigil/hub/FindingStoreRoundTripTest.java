package dev.vigil.hub;

import static dev.vigil.hub.TestFinding.at;
import static dev.vigil.hub.TestFinding.evidence;
import static dev.vigil.hub.TestFinding.finding;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Evidence;
import dev.vigil.model.Finding;
import dev.vigil.model.Severity;
import java.nio.file.Path;
import java.time.Instant;
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
class FindingStoreRoundTripTest {

    @Parameter
    StoreBackend backend;


    private static final String INJECTION = "'; DROP TABLE findings; --";
    private static final String CONTROLS = "nul[\u0000] bel[\u0007] esc[\u001b[31m] del[\u007f] nl[\n] cr[\r] tab[\t]";
    private static final String QUOTES = "single ' double \" back ` slash \\ percent % under _ star *";
    private static final String UNICODE = "é中文 😀 \u202eRTL override\u202c \u200bzero-width \uFEFF bom";

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

    @Test
    void everyFieldComesBackAsWritten() {
        Finding original = finding()
                .rule("aws.iam.access-key-created").title("Access key created").description("Check the user.")
                .severity(Severity.CRITICAL).attack("T1098.001", "T1078.004")
                .types("TTPs/Persistence/AccessKey", "Effects/Data Exposure")
                .key("principal", "arn:aws:iam::111122223333:user/alice").key("account", "111122223333")
                .key("region", "eu-west-1")
                .account("111122223333").region("eu-west-1").principal("arn:aws:iam::111122223333:user/alice")
                .resource("AKIAEXAMPLE").seen(at(1), at(90), 3)
                .evidence(evidence("e3", at(90)), evidence("e1", at(1)), evidence("e2", at(45)))
                .build();
        Instant observedAt = Instant.parse("2024-03-05T08:00:00.123Z");

        UpsertResult result = store.upsert(List.of(original), observedAt);

        assertThat(TestFinding.counts(result)).containsExactly(1, 0);
        StoredFinding stored = store.get(original.id()).orElseThrow();
        Finding back = stored.finding();
        assertThat(back.id()).isEqualTo(original.id());
        assertThat(back.rule()).isEqualTo(original.rule());
        assertThat(back.keys()).containsExactlyEntriesOf(original.keys());
        assertThat(back.account()).isEqualTo("111122223333");
        assertThat(back.region()).isEqualTo("eu-west-1");
        assertThat(back.principal()).isEqualTo(original.principal());
        assertThat(back.resource()).isEqualTo("AKIAEXAMPLE");
        assertThat(back.firstSeen()).isEqualTo(at(1));
        assertThat(back.lastSeen()).isEqualTo(at(90));
        assertThat(back.count()).isEqualTo(3);
        assertThat(back.evidence()).extracting(Evidence::eventId).containsExactly("e1", "e2", "e3");
        assertThat(back.evidence()).containsExactlyInAnyOrderElementsOf(original.evidence());
        assertThat(stored.firstObservedAt()).isEqualTo(observedAt);
        assertThat(stored.lastObservedAt()).isEqualTo(observedAt);
        assertThat(stored.observations()).isEqualTo(1);
        assertThat(store.list(FindingQuery.all())).containsExactly(stored);
    }

    @Test
    void emptyFactsListsAndEvidenceRoundTrip() {
        Finding original = new TestFinding().attack().types().account("").region("").principal("").resource("")
                .build();

        store.upsert(List.of(original), at(0));

        assertThat(store.get(original.id()).orElseThrow().finding()).isEqualTo(original);
    }

    @Test
    void hostileTextIsStoredExactlyAndHarmsNothing() {
        String huge = "{\"userAgent\":\"" + "A".repeat(4_000_000) + CONTROLS + "\"}";
        Finding original = finding()
                .rule(INJECTION).title(INJECTION + QUOTES).description(CONTROLS + UNICODE)
                .attack(INJECTION, CONTROLS).types(UNICODE, QUOTES)
                .key(INJECTION, CONTROLS).key("ua", UNICODE + QUOTES).key("nul\u0000key", "huge" + "x".repeat(100_000))
                .account(INJECTION).region(CONTROLS).principal(UNICODE + QUOTES).resource("r".repeat(1_000_000))
                .evidence(new Evidence(INJECTION, at(1), CONTROLS + UNICODE, huge),
                        new Evidence(QUOTES + "\u0000", at(2), INJECTION, "{\"x\":\"" + UNICODE + "\"}"))
                .build();

        store.upsert(List.of(original), at(5));

        assertThat(store.get(original.id()).orElseThrow().finding()).isEqualTo(asStoredBy(backend, original));
        assertThat(store.list(FindingQuery.all().withRuleId(INJECTION).withAccount(INJECTION)
                .withRegion(CONTROLS).withPrincipalContaining(QUOTES)))
                .extracting(StoredFinding::id).containsExactly(original.id());
        assertThat(store.count(FindingQuery.all())).isEqualTo(1);
    }

    /**
     * PostgreSQL's text cannot hold NUL, so there the store writes U+FFFD instead in its plain text columns; the
     * JSON columns (keys, ATT&CK ids, types) escape NUL and keep it.
     */
    private static Finding asStoredBy(StoreBackend backend, Finding f) {
        if (backend == StoreBackend.DUCKDB) {
            return f;
        }
        var r = f.rule();
        return new Finding(f.id(), new dev.vigil.model.DetectionInfo(nul(r.id()), nul(r.title()), nul(r.description()),
                r.severity(), r.attack(), r.types()), f.keys(), nul(f.account()), nul(f.region()), nul(f.principal()),
                nul(f.resource()), f.firstSeen(), f.lastSeen(), f.count(), f.evidence().stream()
                .map(e -> new Evidence(nul(e.eventId()), e.time(), nul(e.origin()), nul(e.rawJson()))).toList());
    }

    private static String nul(String s) {
        return s.replace('\u0000', '\uFFFD');
    }

    @Test
    void unpairedSurrogatesBecomeReplacementCharactersExceptInKeysAndJsonLists() {
        String broken = "bad\uD800half";
        Finding original = finding().key("user", broken).attack(broken).principal(broken).title(broken)
                .evidence(new Evidence("e\uDC00", at(1), broken, "{\"a\":\"" + broken + "\"}"))
                .build();

        store.upsert(List.of(original), at(5));

        Finding back = store.get(original.id()).orElseThrow().finding();
        assertThat(back.keys()).containsEntry("user", broken);
        assertThat(back.rule().attack()).containsExactly(broken);
        assertThat(back.principal()).isEqualTo("bad\uFFFDhalf");
        assertThat(back.rule().title()).isEqualTo("bad\uFFFDhalf");
        assertThat(back.evidence().getFirst())
                .isEqualTo(new Evidence("e\uFFFD", at(1), "bad\uFFFDhalf", "{\"a\":\"bad\uFFFDhalf\"}"));
        assertThat(store.list(FindingQuery.all().withPrincipalContaining(broken))).hasSize(1);
    }

    @Test
    void timesKeepMillisecondsAndExtremeLogTimes() {
        Instant farPast = Instant.ofEpochMilli(Long.MIN_VALUE);
        Instant farFuture = Instant.parse("+999999-12-31T23:59:59.999Z");
        Finding original = finding().seen(farPast, farFuture, 2)
                .evidence(new Evidence("", farPast, "o", "{}"), evidence("late", farFuture))
                .build();

        store.upsert(List.of(original), Instant.parse("2024-03-05T08:00:00.123456789Z"));

        StoredFinding back = store.get(original.id()).orElseThrow();
        assertThat(back.finding()).isEqualTo(original);
        assertThat(back.lastObservedAt()).isEqualTo(Instant.parse("2024-03-05T08:00:00.123Z"));
    }
}
