package dev.vigil.hub.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.hub.PostgresExtension;
import dev.vigil.hub.StoreBackend;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
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

@ParameterizedClass
@EnumSource(StoreBackend.class)
@ExtendWith(PostgresExtension.class)
class DispatcherRetryTest {

    @Parameter
    StoreBackend backend;

    @TempDir
    Path dir;

    private RecordingHttpServer receiver;
    private Connection connection;
    private Outbox outbox;
    private RoutingConfig config;
    private final MutableClock clock = new MutableClock(TestNotifications.T0);

    @BeforeEach
    void start() throws Exception {
        receiver = new RecordingHttpServer();
        connection = new OutboxDatabase(backend, dir, getClass()).open();
        outbox = new Outbox(connection);
        config = Configs.load(dir, """
                delivery:
                  max-attempts: 4
                  initial-backoff-seconds: 10
                  max-backoff-seconds: 3600
                  max-retry-after-seconds: 600
                  timeout-seconds: 5
                destinations:
                  hook: {type: webhook, url: "%s", secret: "${env:S}"}
                routes:
                  - {name: all, to: [hook]}
                """.formatted(receiver.url("/in")), Map.of("S", "k"));
        outbox.enqueue(TestNotifications.created("f-1"), config, clock);
    }

    @AfterEach
    void stop() throws Exception {
        receiver.close();
        connection.close();
    }

    private OutboxRow row() {
        return outbox.list(1).getFirst();
    }

    @Test
    void a503IsRetriedAfterAJitteredBackoffThenDelivered() {
        AtomicInteger calls = new AtomicInteger();
        receiver.respond(r -> calls.incrementAndGet() == 1
                ? RecordingHttpServer.Response.of(503, "busy") : RecordingHttpServer.Response.of(200, "ok"));
        try (Dispatcher d = new Dispatcher(outbox, config, new Random(7))) {
            assertThat(d.runOnce(clock)).isEqualTo(new DispatchReport(0, 1, 0));
            // 10 s for the first failure, half fixed and half jitter from the seeded Random.
            long expectedMillis = 5_000 + new Random(7).nextLong(5_001);
            Instant due = TestNotifications.T0.plusMillis(expectedMillis);
            assertThat(row().status()).isEqualTo(OutboxStatus.PENDING);
            assertThat(row().attempts()).isEqualTo(1);
            assertThat(row().nextAttemptAt()).isEqualTo(due);
            assertThat(row().lastError()).contains("HTTP 503", "busy");

            clock.set(due.minusMillis(1));
            assertThat(d.runOnce(clock).attempted()).isZero();
            assertThat(receiver.requests()).hasSize(1);

            clock.set(due);
            assertThat(d.runOnce(clock)).isEqualTo(new DispatchReport(1, 0, 0));
        }
        assertThat(receiver.requests()).hasSize(2);
        // Both attempts carry the same delivery id, so the receiver can tell the second is a repeat.
        assertThat(receiver.requests().get(1).header("X-Vigil-Delivery"))
                .isEqualTo(receiver.requests().get(0).header("X-Vigil-Delivery"));
        assertThat(row().status()).isEqualTo(OutboxStatus.DELIVERED);
        assertThat(row().attempts()).isEqualTo(2);
        assertThat(row().lastError()).isNull();
    }

    @Test
    void backoffDoublesPerFailureAndTheRowDiesAfterMaxAttemptsKeepingTheLastError() {
        receiver.respond(r -> RecordingHttpServer.Response.of(502, "bad gateway"));
        Random expected = new Random(3);
        try (Dispatcher d = new Dispatcher(outbox, config, new Random(3))) {
            for (int failure = 1; failure <= 3; failure++) {
                Instant before = clock.instant();
                assertThat(d.runOnce(clock)).isEqualTo(new DispatchReport(0, 1, 0));
                long wait = 10_000L << (failure - 1);
                long half = wait / 2;
                assertThat(row().nextAttemptAt()).isEqualTo(before.plusMillis(wait - half + expected.nextLong(half + 1)));
                clock.set(row().nextAttemptAt());
            }
            assertThat(d.runOnce(clock)).isEqualTo(new DispatchReport(0, 0, 1));
        }
        assertThat(row().status()).isEqualTo(OutboxStatus.DEAD);
        assertThat(row().attempts()).isEqualTo(4);
        assertThat(row().lastError()).contains("HTTP 502", "bad gateway");
        assertThat(receiver.requests()).hasSize(4);
    }

    @Test
    void a429IsRetriedExactlyWhenRetryAfterSays() {
        AtomicInteger calls = new AtomicInteger();
        receiver.respond(r -> calls.incrementAndGet() == 1
                ? new RecordingHttpServer.Response(429, "slow down", Map.of("Retry-After", "120"))
                : RecordingHttpServer.Response.of(204, ""));
        try (Dispatcher d = new Dispatcher(outbox, config, new Random(1))) {
            assertThat(d.runOnce(clock).retried()).isEqualTo(1);
            assertThat(row().nextAttemptAt()).isEqualTo(TestNotifications.T0.plusSeconds(120));
            clock.advance(Duration.ofSeconds(119));
            assertThat(d.runOnce(clock).attempted()).isZero();
            clock.advance(Duration.ofSeconds(1));
            assertThat(d.runOnce(clock).delivered()).isEqualTo(1);
        }
    }

    @Test
    void aRetryAfterDateIsHonouredAndAHugeOneIsCapped() {
        AtomicInteger calls = new AtomicInteger();
        receiver.respond(r -> switch (calls.incrementAndGet()) {
            case 1 -> new RecordingHttpServer.Response(429, "", Map.of("Retry-After", "Sun, 01 Mar 2026 10:05:00 GMT"));
            case 2 -> new RecordingHttpServer.Response(429, "", Map.of("Retry-After", "99999999"));
            default -> RecordingHttpServer.Response.of(200, "");
        });
        try (Dispatcher d = new Dispatcher(outbox, config, new Random(1))) {
            d.runOnce(clock);
            assertThat(row().nextAttemptAt()).isEqualTo(Instant.parse("2026-03-01T10:05:00Z"));
            clock.set(row().nextAttemptAt());
            d.runOnce(clock);
            assertThat(row().nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(600));
        }
    }

    @Test
    void a400IsPermanentAndTheRowIsDeadAtOnce() {
        receiver.respond(r -> RecordingHttpServer.Response.of(400, "{\"error\":\"missing field\"}"));
        try (Dispatcher d = new Dispatcher(outbox, config, new Random(1))) {
            assertThat(d.runOnce(clock)).isEqualTo(new DispatchReport(0, 0, 1));
            clock.advance(Duration.ofDays(1));
            assertThat(d.runOnce(clock).attempted()).isZero();
        }
        assertThat(receiver.requests()).hasSize(1);
        assertThat(row().status()).isEqualTo(OutboxStatus.DEAD);
        assertThat(row().lastError()).contains("HTTP 400", "missing field");
    }

    @Test
    void aRefusedConnectionIsRetriedAndARequeuedDeadRowIsDeliveredLater() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        // Nothing listens on that port any more: every attempt is refused.
        RoutingConfig closed = Configs.load(dir, """
                delivery: {max-attempts: 2, initial-backoff-seconds: 1}
                destinations:
                  hook: {type: webhook, url: "http://127.0.0.1:%d/in", secret: "${env:S}"}
                routes:
                  - {name: all, to: [hook]}
                """.formatted(port), Map.of("S", "k"));
        try (Dispatcher d = new Dispatcher(outbox, closed, new Random(1))) {
            assertThat(d.runOnce(clock).retried()).isEqualTo(1);
            clock.advance(Duration.ofMinutes(1));
            assertThat(d.runOnce(clock).dead()).isEqualTo(1);
        }
        assertThat(row().lastError()).contains("failed");
        assertThat(outbox.requeueDead(clock)).isEqualTo(1);
        try (Dispatcher d = new Dispatcher(outbox, config, new Random(1))) {
            assertThat(d.runOnce(clock).delivered()).isEqualTo(1);
        }
        assertThat(receiver.requests()).hasSize(1);
    }
}
