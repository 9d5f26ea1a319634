package dev.vigil.hub.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.hub.FindingStore;
import dev.vigil.hub.HistoryEntry;
import dev.vigil.hub.PostgresExtension;
import dev.vigil.hub.StoreBackend;
import dev.vigil.hub.SuppressionCriteria;
import dev.vigil.hub.SuppressionRule;
import dev.vigil.model.DetectionInfo;
import dev.vigil.model.Finding;
import dev.vigil.model.Severity;
import dev.vigil.model.Workflow;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * From store changes to a webhook receiver and back: a real store on each database, the changes its upserts and
 * lifecycle calls report, {@link ChangeNotifier} enqueueing and delivering them to a loopback HTTP server, and
 * the workflow it sets once they are delivered.
 */
@ParameterizedClass
@EnumSource(StoreBackend.class)
@ExtendWith(PostgresExtension.class)
class ChangeNotifierTest {

    private static final Instant SCAN_1 = Instant.parse("2026-03-01T09:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameter
    StoreBackend backend;

    @TempDir
    Path dir;

    private RecordingHttpServer receiver;
    private FindingStore store;
    private ChangeNotifier notifier;
    private final MutableClock clock = new MutableClock(SCAN_1);

    @BeforeEach
    void start() throws Exception {
        receiver = new RecordingHttpServer();
        store = backend.openEmpty(dir.resolve("workspace"), getClass(), clock);
        RoutingConfig config = Configs.load(dir, """
                delivery: {max-attempts: 5, initial-backoff-seconds: 30}
                destinations:
                  hook: {type: webhook, url: "%s", secret: "${env:S}"}
                routes:
                  - {name: all, to: [hook]}
                """.formatted(receiver.url("/in")), Map.of("S", "k"));
        notifier = new ChangeNotifier(config, new Random(1));
    }

    @AfterEach
    void stop() {
        receiver.close();
        store.close();
    }

    /** A finding of one user's activity between minutes {@code first} and {@code last} after SCAN_1. */
    private static Finding finding(String user, Severity severity, long first, long last) {
        Map<String, String> keys = Map.of("user", user);
        String rule = "aws.cloudtrail.root-login";
        return new Finding(Finding.idFor(rule, keys), new DetectionInfo(rule, "Root console login",
                "The root user signed in.", severity, List.of("T1078.004"), List.of("TTPs/Initial Access/RootLogin")),
                keys, "123456789012", "eu-west-1", "arn:aws:iam::123456789012:user/" + user, "",
                SCAN_1.minus(Duration.ofHours(1)).plusSeconds(first * 60),
                SCAN_1.minus(Duration.ofHours(1)).plusSeconds(last * 60), 1, List.of());
    }

    /** Upserts at the clock's time and notifies what the upsert reports. */
    private ChangeNotifier.Result scan(Finding f) {
        var changes = store.upsert(List.of(f), clock.instant()).changes();
        return notifier.notify(store, ChangeNotifier.ofUpserts(changes), clock);
    }

    private Workflow workflow(Finding f) {
        return store.get(f.id()).orElseThrow().workflow();
    }

    /** The events the receiver got, as "EVENT finding-id", in order. */
    private List<String> received() {
        return receiver.requests().stream().map(r -> {
            try {
                JsonNode body = JSON.readTree(r.body());
                return body.path("event").asText() + " " + body.path("finding").path("finding_id").asText();
            } catch (Exception e) {
                throw new AssertionError("the receiver got a body that is not JSON: " + r.body(), e);
            }
        }).toList();
    }

    @Test
    void aCreatedFindingIsDeliveredAndBecomesNotifiedByRouting() {
        Finding f = finding("alice", Severity.HIGH, 0, 10);
        ChangeNotifier.Result result = scan(f);

        assertThat(result.enqueued()).isEqualTo(1);
        assertThat(result.delivery()).isEqualTo(new DispatchReport(1, 0, 0));
        assertThat(result.notified()).isEqualTo(1);
        assertThat(result.pending()).isZero();
        assertThat(received()).containsExactly("CREATED " + f.id());
        assertThat(workflow(f)).isEqualTo(Workflow.NOTIFIED);
        assertThat(store.history(f.id())).singleElement().satisfies(h -> {
            assertThat(h.actor()).isEqualTo("routing");
            assertThat(h.field()).isEqualTo("workflow");
            assertThat(h.oldValue()).isEqualTo("NEW");
            assertThat(h.newValue()).isEqualTo("NOTIFIED");
        });
    }

    @Test
    void aFindingCreatedSuppressedNotifiesNobody() {
        store.addSuppression(new SuppressionRule("lab-account",
                SuppressionCriteria.parse(Map.of("account", "123456789012")), "lab account, no action",
                "secops", SCAN_1.minusSeconds(60), Optional.empty(), "ana"));
        Finding f = finding("alice", Severity.HIGH, 0, 10);
        var changes = store.upsert(List.of(f), clock.instant()).changes();
        assertThat(changes).singleElement().satisfies(c -> assertThat(c.workflow()).isEqualTo(Workflow.SUPPRESSED));

        assertThat(ChangeNotifier.ofUpserts(changes)).isEmpty();
        // Even told of it directly, the notifier leaves a suppressed finding alone.
        ChangeNotifier.Result result = notifier.notify(store,
                List.of(new ChangeNotifier.Change(f.id(), EventKind.CREATED, clock.instant())), clock);

        assertThat(result.enqueued()).isZero();
        assertThat(receiver.requests()).isEmpty();
        assertThat(workflow(f)).isEqualTo(Workflow.SUPPRESSED);
        assertThat(store.history(f.id())).extracting(HistoryEntry::actor).doesNotContain("routing");
    }

    @Test
    void aReUpsertWithNothingNewNotifiesNobody() {
        Finding f = finding("alice", Severity.HIGH, 0, 10);
        scan(f);
        clock.advance(Duration.ofHours(1));
        ChangeNotifier.Result again = scan(f);

        assertThat(again.enqueued()).isZero();
        assertThat(again.delivery().attempted()).isZero();
        assertThat(received()).containsExactly("CREATED " + f.id());
        assertThat(store.history(f.id())).hasSize(1);
    }

    @Test
    void anEscalationAndAReopenNotifyWithTheirKinds() {
        Finding f = finding("alice", Severity.MEDIUM, 0, 10);
        scan(f);
        clock.advance(Duration.ofHours(1));
        ChangeNotifier.Result escalated = scan(finding("alice", Severity.CRITICAL, 0, 10));
        assertThat(escalated.enqueued()).isEqualTo(1);
        assertThat(escalated.notified()).as("already NOTIFIED").isZero();

        clock.advance(Duration.ofHours(1));
        List<HistoryEntry> resolved = store.markPassing(List.of(f.id()), clock.instant());
        ChangeNotifier.Result resolution = notifier.notify(store, ChangeNotifier.ofHistory(resolved), clock);
        assertThat(resolution.delivery().delivered()).isEqualTo(1);
        assertThat(workflow(f)).isEqualTo(Workflow.RESOLVED);

        clock.advance(Duration.ofHours(1));
        ChangeNotifier.Result reopened = scan(finding("alice", Severity.CRITICAL, 0, 200));
        assertThat(reopened.enqueued()).isEqualTo(1);
        assertThat(reopened.notified()).as("reopened to NEW, then told").isEqualTo(1);

        assertThat(received()).containsExactly("CREATED " + f.id(), "ESCALATED " + f.id(), "RESOLVED " + f.id(),
                "REOPENED " + f.id());
        assertThat(severityOf(receiver.requests().get(1))).isEqualTo("Critical");
        assertThat(workflow(f)).isEqualTo(Workflow.NOTIFIED);
        assertThat(store.history(f.id())).extracting(h -> h.actor() + ":" + h.oldValue() + "->" + h.newValue())
                .containsExactly("routing:NEW->NOTIFIED", "vigil:NOTIFIED->RESOLVED", "vigil:RESOLVED->NEW",
                        "routing:NEW->NOTIFIED");
    }

    @Test
    void aFailedDeliveryStaysPendingAndALaterDeliverAfterTheRetryTimeMarksTheFindingNotified() {
        AtomicInteger calls = new AtomicInteger();
        receiver.respond(r -> calls.incrementAndGet() == 1
                ? RecordingHttpServer.Response.of(503, "down for maintenance")
                : RecordingHttpServer.Response.of(200, "ok"));
        Finding f = finding("alice", Severity.HIGH, 0, 10);

        ChangeNotifier.Result first = scan(f);
        assertThat(first.delivery()).isEqualTo(new DispatchReport(0, 1, 0));
        assertThat(first.pending()).isEqualTo(1);
        assertThat(first.notified()).isZero();
        assertThat(workflow(f)).isEqualTo(Workflow.NEW);
        OutboxRow row = store.outbox().list(1).getFirst();
        assertThat(row.status()).isEqualTo(OutboxStatus.PENDING);

        clock.set(row.nextAttemptAt().minusMillis(1));
        assertThat(notifier.deliver(store, clock).delivery().attempted()).as("not due yet").isZero();

        clock.set(row.nextAttemptAt());
        ChangeNotifier.Result later = notifier.deliver(store, clock);
        assertThat(later.delivery()).isEqualTo(new DispatchReport(1, 0, 0));
        assertThat(later.notified()).isEqualTo(1);
        assertThat(later.pending()).isZero();
        assertThat(workflow(f)).isEqualTo(Workflow.NOTIFIED);
        assertThat(store.history(f.id())).singleElement().satisfies(h -> assertThat(h.actor()).isEqualTo("routing"));
        assertThat(received()).containsExactly("CREATED " + f.id(), "CREATED " + f.id());
    }

    private static String severityOf(RecordingHttpServer.Request request) {
        try {
            return JSON.readTree(request.body()).path("finding").path("severity").asText();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
