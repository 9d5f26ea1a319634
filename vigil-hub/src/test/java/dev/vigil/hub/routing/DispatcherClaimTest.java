package dev.vigil.hub.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.hub.PostgresExtension;
import dev.vigil.hub.StoreBackend;
import dev.vigil.model.Severity;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Claims with a lease, on both databases: a row one dispatcher holds is left alone by the others until the lease
 * ends, then taken over; a claimant that lost its row cannot mark it; a row whose claimants keep dying is given
 * up on. Each dispatcher has its own connection, as a separate process would.
 */
@ParameterizedClass
@EnumSource(StoreBackend.class)
@ExtendWith(PostgresExtension.class)
class DispatcherClaimTest {

    private static final Duration LEASE = Duration.ofSeconds(60);

    @Parameter
    StoreBackend backend;

    @TempDir
    Path dir;

    private RecordingHttpServer receiver;
    private OutboxDatabase database;
    private RoutingConfig config;
    private final MutableClock clock = new MutableClock(TestNotifications.T0);

    @BeforeEach
    void start() throws Exception {
        receiver = new RecordingHttpServer();
        database = new OutboxDatabase(backend, dir, getClass());
        config = Configs.load(dir, """
                delivery: {max-attempts: 3, timeout-seconds: 5, claim-lease-seconds: 60}
                destinations:
                  hook: {type: webhook, url: "%s", secret: "${env:S}"}
                routes:
                  - {name: all, to: [hook]}
                """.formatted(receiver.url("/in")), Map.of("S", "k"));
        try (Connection c = database.open()) {
            new Outbox(c).enqueue(TestNotifications.of(EventKind.CREATED, "f-1", Severity.HIGH, clock.instant()),
                    config, clock);
        }
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private static String onlyKey(Outbox outbox, Instant now) {
        return outbox.claimable(now, 10).getFirst();
    }

    private DispatchReport runOtherDispatcher() throws Exception {
        try (Connection c = database.open(); Dispatcher d = new Dispatcher(new Outbox(c), config, new Random(1))) {
            return d.runOnce(clock);
        }
    }

    @Test
    void aClaimedRowIsLeftAloneUntilItsLeaseEndsThenAnotherDispatcherDeliversIt() throws Exception {
        try (Connection dying = database.open()) {
            Outbox first = new Outbox(dying);
            Outbox.ClaimedRow held = first.claim(onlyKey(first, clock.instant()), clock.instant(), LEASE)
                    .orElseThrow();
            assertThat(held.attempts()).as("tries before this one").isZero();
            assertThat(first.counts()).containsEntry(OutboxStatus.SENDING, 1L).containsEntry(OutboxStatus.PENDING, 0L);
            // The holder "dies" here: it never sends and never marks the row.
        }

        clock.advance(LEASE.minusMillis(1));
        assertThat(runOtherDispatcher()).isEqualTo(new DispatchReport(0, 0, 0, 0));
        assertThat(receiver.requests()).isEmpty();

        clock.advance(Duration.ofMillis(1));
        assertThat(runOtherDispatcher()).isEqualTo(new DispatchReport(1, 0, 0, 0));
        assertThat(receiver.requests()).hasSize(1);
        try (Connection c = database.open()) {
            OutboxRow row = new Outbox(c).list(1).getFirst();
            assertThat(row.status()).isEqualTo(OutboxStatus.DELIVERED);
            assertThat(row.attempts()).as("the abandoned try counts").isEqualTo(2);
        }
    }

    @Test
    void aClaimantWhoseLeaseWasTakenOverCannotMarkTheRow() throws Exception {
        try (Connection slowConnection = database.open(); Connection fastConnection = database.open()) {
            Outbox slow = new Outbox(slowConnection);
            Outbox fast = new Outbox(fastConnection);
            String key = onlyKey(slow, clock.instant());
            Outbox.ClaimedRow stale = slow.claim(key, clock.instant(), LEASE).orElseThrow();
            assertThat(fast.claim(key, clock.instant(), LEASE)).as("held by the slow claimant").isEmpty();

            clock.advance(LEASE);
            Outbox.ClaimedRow current = fast.claim(key, clock.instant(), LEASE).orElseThrow();
            assertThat(current.token()).isNotEqualTo(stale.token());
            assertThat(current.attempts()).isEqualTo(1);

            // The slow claimant finishes late: its marks change nothing, the current holder's do.
            assertThat(slow.markRetry(stale, "late failure", clock.instant(), clock.instant())).isFalse();
            assertThat(slow.markDelivered(stale, DeliveryReceipt.sent(), clock.instant())).isFalse();
            assertThat(fast.list(1).getFirst().status()).isEqualTo(OutboxStatus.SENDING);
            assertThat(fast.markDelivered(current, DeliveryReceipt.sent(), clock.instant())).isTrue();
            assertThat(fast.list(1).getFirst().status()).isEqualTo(OutboxStatus.DELIVERED);
            assertThat(slow.claim(key, clock.instant().plus(LEASE.multipliedBy(2)), LEASE)).isEmpty();
        }
    }

    @Test
    void aRowWhoseClaimantsKeepDyingIsGivenUpWithoutAnotherTry() throws Exception {
        for (int i = 0; i < 3; i++) {
            try (Connection dying = database.open()) {
                Outbox outbox = new Outbox(dying);
                Optional<Outbox.ClaimedRow> claimed = outbox.claim(onlyKey(outbox, clock.instant()), clock.instant(),
                        LEASE);
                assertThat(claimed).isPresent();
            }
            clock.advance(LEASE);
        }
        assertThat(runOtherDispatcher()).isEqualTo(new DispatchReport(0, 0, 1, 0));
        assertThat(receiver.requests()).isEmpty();
        try (Connection c = database.open()) {
            OutboxRow row = new Outbox(c).list(1).getFirst();
            assertThat(row.status()).isEqualTo(OutboxStatus.DEAD);
            assertThat(row.lastError()).contains("3 tries", "stopped before finishing");
            // A user who fixed the cause requeues it, and it is delivered.
            assertThat(new Outbox(c).requeueDead(clock)).isEqualTo(1);
        }
        assertThat(runOtherDispatcher().delivered()).isEqualTo(1);
    }
}
