package dev.vigil.hub.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.hub.PostgresExtension;
import dev.vigil.hub.StoreBackend;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
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
 * The process dies after a destination accepted a delivery and before the outbox row was marked; a new process
 * opens the same database and runs the dispatcher again once the dead process's claim on the row has expired. Exactly one ticket exists per change, every change is
 * delivered, and webhook repeats carry the delivery id the receiver de-duplicates by.
 */
@ParameterizedClass
@EnumSource(StoreBackend.class)
@ExtendWith(PostgresExtension.class)
class CrashRestartTest {

    @Parameter
    StoreBackend backend;

    static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash() {
            super("simulated crash");
        }
    }

    @TempDir
    Path dir;

    private RecordingHttpServer jiraServer;
    private RecordingHttpServer snowServer;
    private RecordingHttpServer hookServer;
    private FakeJira jira;
    private FakeServiceNow snow;
    private OutboxDatabase database;
    private RoutingConfig config;
    private final MutableClock clock = new MutableClock(TestNotifications.T0);

    @BeforeEach
    void start() throws Exception {
        jiraServer = new RecordingHttpServer();
        snowServer = new RecordingHttpServer();
        hookServer = new RecordingHttpServer();
        jira = new FakeJira("Bearer j");
        snow = new FakeServiceNow("Bearer s");
        jiraServer.respond(jira);
        snowServer.respond(snow);
        database = new OutboxDatabase(backend, dir, getClass());
        config = Configs.load(dir, """
                destinations:
                  jira: {type: jira, url: "%s", project: SEC, auth: {type: bearer, token: "${env:J}"}}
                  snow: {type: servicenow, url: "%s", auth: {type: bearer, token: "${env:S}"}}
                  hook: {type: webhook, url: "%s", secret: "${env:H}"}
                routes:
                  - {name: everything, to: [jira, snow, hook]}
                """.formatted(jiraServer.url(""), snowServer.url(""), hookServer.url("/h")),
                Map.of("J", "j", "S", "s", "H", "h"));
    }

    @AfterEach
    void stop() {
        jiraServer.close();
        snowServer.close();
        hookServer.close();
    }

    /**
     * Runs the dispatcher until the fault hook "kills" it right after {@code destination} accepted a delivery,
     * before the row is marked; the connection is then closed as a dying process would leave it.
     */
    private void runUntilCrash(String destination) throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        try (Connection c = database.open()) {
            Outbox outbox = new Outbox(c);
            DispatchFaults crash = entry -> {
                if (entry.destination().equals(destination)) {
                    accepted.incrementAndGet();
                    throw new SimulatedCrash();
                }
            };
            try (Dispatcher d = new Dispatcher(outbox, config, Dispatcher.newHttpClient(java.time.Duration.ofSeconds(5)),
                    true, (javax.net.ssl.SSLSocketFactory) javax.net.ssl.SSLSocketFactory.getDefault(), new Random(1), crash)) {
                assertThatThrownBy(() -> d.runOnce(clock)).isInstanceOf(SimulatedCrash.class);
            }
        }
        assertThat(accepted).hasValue(1);
    }

    /** A new process starts once the crashed dispatcher's claim has run out (a restart sooner skips its row). */
    private DispatchReport restartAndRun() throws Exception {
        clock.advance(DeliveryPolicy.DEFAULT.claimLease());
        try (Connection c = database.open(); Dispatcher d = new Dispatcher(new Outbox(c), config, new Random(2))) {
            return d.runOnce(clock);
        }
    }

    @Test
    void aCrashAfterEachDestinationAcceptedNeitherLosesNorDuplicatesATicket() throws Exception {
        List<String> findings = List.of("f-1", "f-2", "f-3");
        try (Connection c = database.open()) {
            Outbox outbox = new Outbox(c);
            for (String f : findings) {
                outbox.enqueue(TestNotifications.created(f), config, clock);
            }
        }
        // Three crashes: right after Jira created an issue, after ServiceNow created an incident, after the
        // webhook receiver accepted a post. Each time the accepted row stays PENDING.
        for (String destination : List.of("jira", "snow", "hook")) {
            runUntilCrash(destination);
        }
        DispatchReport finalRun = restartAndRun();
        assertThat(finalRun.retried()).isZero();
        assertThat(finalRun.dead()).isZero();

        try (Connection c = database.open()) {
            Outbox outbox = new Outbox(c);
            assertThat(outbox.counts()).containsEntry(OutboxStatus.DELIVERED, 9L)
                    .containsEntry(OutboxStatus.PENDING, 0L).containsEntry(OutboxStatus.DEAD, 0L);
            // Every ticket row points at a ticket that exists.
            for (OutboxRow row : outbox.list(20)) {
                if (row.destination().equals("jira")) {
                    assertThat(jira.issues).containsKey(row.ticketRef());
                } else if (row.destination().equals("snow")) {
                    assertThat(snow.incidents).containsKey(row.ticketRef());
                }
            }
            assertThat(outbox.list(20)).extracting(OutboxRow::note).anySatisfy(n ->
                    assertThat(n).contains("from an earlier attempt"));
        }
        // Exactly one issue and one incident per finding.
        assertThat(jira.issues).hasSize(3);
        assertThat(snow.incidents).hasSize(3);
        Set<String> issueLabels = new HashSet<>();
        jira.issues.values().forEach(i -> i.fields.path("labels").forEach(l -> issueLabels.add(l.asText())));
        for (String f : findings) {
            assertThat(issueLabels).contains(TicketText.findingTag(f));
        }
        // The webhook may have been called more than once for a change, always with the same delivery id.
        Set<String> deliveries = new HashSet<>();
        hookServer.requests().forEach(r -> deliveries.add(r.header("X-Vigil-Delivery")));
        assertThat(deliveries).hasSize(3);
    }

    @Test
    void aResolveAfterARestartFindsTheTicketTheCrashedRunCreated() throws Exception {
        try (Connection c = database.open()) {
            Outbox outbox = new Outbox(c);
            outbox.enqueue(TestNotifications.created("f-1"), config, clock);
            outbox.enqueue(TestNotifications.resolved("f-1"), config, clock);
        }
        runUntilCrash("jira");
        runUntilCrash("snow");
        DispatchReport run = restartAndRun();
        assertThat(run.retried()).isZero();
        assertThat(run.dead()).isZero();
        try (Connection c = database.open()) {
            assertThat(new Outbox(c).counts()).containsEntry(OutboxStatus.DELIVERED, 6L);
        }
        assertThat(jira.issues).hasSize(1);
        assertThat(jira.issues.values().iterator().next().done).isTrue();
        assertThat(snow.incidents).hasSize(1);
        assertThat(snow.incidents.values().iterator().next().path("state").asText()).isEqualTo("6");
    }

    @Test
    void aCrashBeforeAnythingWasMarkedLosesNothing() throws Exception {
        try (Connection c = database.open()) {
            new Outbox(c).enqueue(TestNotifications.created("f-1"), config, clock);
        }
        runUntilCrash("hook");
        // Closing without marking left the crashed row claimed (SENDING) and the rest PENDING; once the claim's
        // lease is over a restart delivers all of them.
        assertThat(restartAndRun().delivered()).isEqualTo(3);
        assertThat(jira.issues).hasSize(1);
        assertThat(snow.incidents).hasSize(1);
        assertThat(new HashSet<>(hookServer.requests().stream().map(r -> r.header("X-Vigil-Delivery")).toList()))
                .hasSize(1);
    }
}
