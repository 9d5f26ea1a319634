package dev.vigil.hub.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.hub.PostgresExtension;
import dev.vigil.hub.StoreBackend;
import dev.vigil.model.Severity;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two dispatchers — two processes sharing one PostgreSQL database, played by two threads with their own
 * connections — start at the same moment on the same 200 due rows. Both see the same rows in the same order,
 * so they contend for nearly every one; each row must still reach the receiver exactly once.
 */
@ExtendWith(PostgresExtension.class)
class DispatcherRaceTest {

    private static final int ROWS = 200;

    @TempDir
    Path dir;

    private RecordingHttpServer receiver;
    private OutboxDatabase database;
    private RoutingConfig config;
    private final Clock clock = Clock.fixed(TestNotifications.T0, ZoneOffset.UTC);

    @BeforeEach
    void start() throws Exception {
        receiver = new RecordingHttpServer();
        database = new OutboxDatabase(StoreBackend.POSTGRESQL, dir, getClass());
        config = Configs.load(dir, """
                destinations:
                  hook: {type: webhook, url: "%s", secret: "${env:S}"}
                routes:
                  - {name: all, to: [hook]}
                """.formatted(receiver.url("/in")), Map.of("S", "k"));
        try (Connection c = database.open()) {
            Outbox outbox = new Outbox(c);
            for (int i = 0; i < ROWS; i++) {
                outbox.enqueue(TestNotifications.of(EventKind.CREATED, "f-" + i, Severity.HIGH, clock.instant()),
                        config, clock);
            }
        }
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void twoDispatchersRacingOverTheSameRowsDeliverEachExactlyOnce() throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        List<Future<DispatchReport>> runs = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            runs.add(pool.submit(dispatcher(together, 1)));
            runs.add(pool.submit(dispatcher(together, 2)));
        }
        int delivered = 0;
        for (Future<DispatchReport> run : runs) {
            DispatchReport r = run.get();
            assertThat(r.retried()).isZero();
            assertThat(r.dead()).isZero();
            delivered += r.delivered();
        }

        assertThat(delivered).isEqualTo(ROWS);
        Map<String, Long> perDelivery = receiver.requests().stream()
                .collect(Collectors.groupingBy(r -> r.header("X-Vigil-Delivery"), Collectors.counting()));
        assertThat(perDelivery).hasSize(ROWS);
        assertThat(perDelivery.values()).allMatch(n -> n == 1L);
        try (Connection c = database.open()) {
            assertThat(new Outbox(c).counts()).containsEntry(OutboxStatus.DELIVERED, (long) ROWS)
                    .containsEntry(OutboxStatus.SENDING, 0L).containsEntry(OutboxStatus.PENDING, 0L);
        }
    }

    /** Runs passes until one finds nothing due; returns the sum of what it did. */
    private Callable<DispatchReport> dispatcher(CyclicBarrier together, int seed) {
        return () -> {
            try (Connection c = database.open();
                 Dispatcher d = new Dispatcher(new Outbox(c), config, new Random(seed))) {
                together.await();
                DispatchReport total = new DispatchReport(0, 0, 0, 0);
                DispatchReport pass;
                do {
                    pass = d.runOnce(clock);
                    total = new DispatchReport(total.delivered() + pass.delivered(), total.retried() + pass.retried(),
                            total.dead() + pass.dead(), total.claimedElsewhere() + pass.claimedElsewhere());
                } while (pass.seen() > 0);
                return total;
            }
        };
    }
}
