package dev.vigil.hub.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.hub.PostgresExtension;
import dev.vigil.hub.StoreBackend;
import dev.vigil.model.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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
class WebhookDeliveryTest {

    @Parameter
    StoreBackend backend;

    @TempDir
    Path dir;

    private RecordingHttpServer receiver;
    private RecordingHttpServer other;
    private Connection connection;
    private final MutableClock clock = new MutableClock(TestNotifications.T0);

    @BeforeEach
    void start() throws Exception {
        receiver = new RecordingHttpServer();
        other = new RecordingHttpServer();
        connection = new OutboxDatabase(backend, dir, getClass()).open();
    }

    @AfterEach
    void stop() throws Exception {
        receiver.close();
        other.close();
        connection.close();
    }

    private RoutingConfig config() throws Exception {
        return Configs.load(dir, """
                destinations:
                  soc-hook:
                    type: webhook
                    url: %s
                    secret: ${env:HOOK_SECRET}
                  low-hook:
                    type: webhook
                    url: %s
                    secret: ${env:HOOK_SECRET}
                routes:
                  - name: high-only
                    match: {min-severity: high}
                    to: [soc-hook]
                  - name: low-stuff
                    match: {min-severity: low, products: [GuardDuty]}
                    to: [low-hook]
                """.formatted(receiver.url("/vigil"), other.url("/other")), Map.of("HOOK_SECRET", "s3cret"));
    }

    @Test
    void postsSignedJsonThatAReceiverCanVerify() throws Exception {
        RoutingConfig config = config();
        Outbox outbox = new Outbox(connection);
        Notification n = TestNotifications.of(EventKind.CREATED, "f-1", Severity.HIGH, TestNotifications.T0);
        assertThat(outbox.enqueue(n, config, clock)).isEqualTo(1);

        try (Dispatcher d = new Dispatcher(outbox, config, new Random(1))) {
            assertThat(d.runOnce(clock)).isEqualTo(new DispatchReport(1, 0, 0));
        }

        assertThat(receiver.requests()).hasSize(1);
        var request = receiver.requests().getFirst();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/vigil");
        // Verify exactly as a receiver would: HMAC-SHA256 over the raw body bytes with the shared secret.
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("s3cret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(request.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(request.header("X-Vigil-Signature")).isEqualTo(expected);
        assertThat(request.header("X-Vigil-Timestamp")).isEqualTo(Long.toString(TestNotifications.T0.getEpochSecond()));
        assertThat(request.header("X-Vigil-Delivery")).isEqualTo(IdempotencyKey.of("soc-hook", n)).startsWith("vigil-");

        JsonNode body = NotificationJson.MAPPER.readTree(request.body());
        assertThat(body.path("delivery").asText()).isEqualTo(request.header("X-Vigil-Delivery"));
        assertThat(body.path("sent_at").asLong()).isEqualTo(TestNotifications.T0.getEpochSecond());
        assertThat(body.path("event").asText()).isEqualTo("CREATED");
        assertThat(body.path("finding").path("finding_id").asText()).isEqualTo("f-1");
        assertThat(body.path("finding").path("rule_id").asText()).isEqualTo("vigil-console-login-without-mfa");
        assertThat(body.path("finding").path("severity").asText()).isEqualTo("High");
        assertThat(body.path("finding").path("risk_score").asInt()).isEqualTo(87);

        assertThat(outbox.counts()).containsEntry(OutboxStatus.DELIVERED, 1L).containsEntry(OutboxStatus.PENDING, 0L);
    }

    @Test
    void contactsOnlyTheDestinationsItsRoutesSelect() throws Exception {
        RoutingConfig config = config();
        Outbox outbox = new Outbox(connection);
        // A Vigil finding of high severity matches "high-only" only; "low-stuff" wants GuardDuty findings.
        outbox.enqueue(TestNotifications.created("f-1"), config, clock);
        // A low Vigil finding matches no route at all.
        assertThat(outbox.enqueue(TestNotifications.of(EventKind.CREATED, "f-2", Severity.LOW,
                TestNotifications.T0), config, clock)).isZero();

        try (Dispatcher d = new Dispatcher(outbox, config, new Random(1))) {
            d.runOnce(clock);
        }
        assertThat(receiver.requests()).hasSize(1);
        assertThat(other.requests()).isEmpty();
    }

    @Test
    void theSameChangeEnqueuedTwiceIsOneRowAndOneDelivery() throws Exception {
        RoutingConfig config = config();
        Outbox outbox = new Outbox(connection);
        Notification n = TestNotifications.created("f-1");
        assertThat(outbox.enqueue(n, config, clock)).isEqualTo(1);
        clock.advance(java.time.Duration.ofMinutes(1));
        assertThat(outbox.enqueue(n, config, clock)).isZero();
        // A later change of the same kind is a new change.
        Notification later = TestNotifications.of(EventKind.CREATED, "f-1", Severity.HIGH,
                TestNotifications.T0.plusSeconds(5));
        assertThat(outbox.enqueue(later, config, clock)).isEqualTo(1);

        try (Dispatcher d = new Dispatcher(outbox, config, new Random(1))) {
            assertThat(d.runOnce(clock).delivered()).isEqualTo(2);
            assertThat(d.runOnce(clock).attempted()).isZero();
        }
        assertThat(receiver.requests()).hasSize(2);
    }

    @Test
    void aDestinationRemovedFromTheConfigurationIsNotContacted() throws Exception {
        Outbox outbox = new Outbox(connection);
        outbox.enqueue(TestNotifications.created("f-1"), config(), clock);
        RoutingConfig without = Configs.load(dir, """
                destinations:
                  low-hook: {type: webhook, url: %s, secret: "${env:HOOK_SECRET}"}
                routes:
                  - {name: r, to: [low-hook]}
                """.formatted(other.url("/other")), Map.of("HOOK_SECRET", "x"));
        try (Dispatcher d = new Dispatcher(outbox, without, new Random(1))) {
            assertThat(d.runOnce(clock)).isEqualTo(new DispatchReport(0, 0, 1));
        }
        assertThat(receiver.requests()).isEmpty();
        assertThat(other.requests()).isEmpty();
        assertThat(outbox.list(10).getFirst().lastError()).contains("soc-hook", "no longer in the routing configuration");
    }

    @Test
    void aDamagedRowIsDeadWithItsReasonAndTheOthersAreStillDelivered() throws Exception {
        RoutingConfig config = config();
        Outbox outbox = new Outbox(connection);
        outbox.enqueue(TestNotifications.created("f-1"), config, clock);
        try (var s = connection.createStatement()) {
            s.execute("INSERT INTO routing_outbox (idempotency_key, destination, route, finding_id, event_kind,"
                    + " changed_at, payload, status, attempts, next_attempt_at, created_at, updated_at)"
                    + " VALUES ('vigil-broken', 'soc-hook', 'high-only', 'f-0', 'CREATED', 0, '{not json',"
                    + " 'PENDING', 0, 0, 0, 0)");
        }
        try (Dispatcher d = new Dispatcher(outbox, config, new Random(1))) {
            assertThat(d.runOnce(clock)).isEqualTo(new DispatchReport(1, 0, 1));
        }
        assertThat(receiver.requests()).hasSize(1);
        assertThat(outbox.list(10)).filteredOn(r -> r.idempotencyKey().equals("vigil-broken")).singleElement()
                .satisfies(r -> {
                    assertThat(r.status()).isEqualTo(OutboxStatus.DEAD);
                    assertThat(r.lastError()).contains("stored notification is damaged");
                });
    }
}
