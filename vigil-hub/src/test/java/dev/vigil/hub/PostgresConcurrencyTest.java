package dev.vigil.hub;

import static dev.vigil.hub.TestFinding.at;
import static dev.vigil.hub.TestFinding.finding;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Finding;
import dev.vigil.model.Workflow;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two Vigil processes sharing one PostgreSQL database, played by two stores with their own connections writing
 * at the same time: no update may be lost and nothing may fail.
 */
@ExtendWith(PostgresExtension.class)
class PostgresConcurrencyTest {

    private static final int ROUNDS = 25;

    private String url;

    @BeforeEach
    void emptyDatabase() {
        url = StoreBackend.url(getClass());
        PostgresExtension.server().reset(url);
        // Create the schema once, so the writers race on findings rather than on the first migration.
        FindingStore.connect(url, Map.of(), Clock.systemUTC()).close();
    }

    @Test
    void concurrentUpsertsOfTheSameFindingsLoseNoActivity() throws Exception {
        List<Future<Void>> done = new ArrayList<>();
        CyclicBarrier together = new CyclicBarrier(2);
        try (ExecutorService pool = Executors.newFixedThreadPool(2);
             FindingStore one = FindingStore.connect(url, Map.of(), Clock.systemUTC());
             FindingStore two = FindingStore.connect(url, Map.of(), Clock.systemUTC())) {
            done.add(pool.submit(writer(one, 0, together)));
            done.add(pool.submit(writer(two, 1, together)));
            for (Future<Void> f : done) {
                f.get();
            }
            // Every upsert of every writer is one observation, counted by read-merge-write: a lost update would
            // show as fewer. (The event count is not exact here by design: an event inside the stored window
            // counts as a re-scan, and the two writers' windows interleave.)
            for (String user : List.of("u0", "u1", "u2")) {
                StoredFinding s = one.get(finding().key("user", user).build().id()).orElseThrow();
                assertThat(s.observations()).as(user).isEqualTo(2L * ROUNDS);
                assertThat(s.finding().firstSeen()).isEqualTo(at(0));
                assertThat(s.finding().lastSeen()).isEqualTo(at(10L * (ROUNDS - 1) + 1));
            }
        }
    }

    @Test
    void concurrentLifecycleChangesAreEachAuditedOnce() throws Exception {
        Finding f = finding().build();
        try (FindingStore one = FindingStore.connect(url, Map.of(), Clock.systemUTC());
             FindingStore two = FindingStore.connect(url, Map.of(), Clock.systemUTC());
             ExecutorService pool = Executors.newFixedThreadPool(2)) {
            one.upsert(List.of(f), Instant.EPOCH);
            CyclicBarrier together = new CyclicBarrier(2);
            Future<Integer> a = pool.submit(() -> {
                together.await();
                return one.updateWorkflow(List.of(f.id()), Workflow.NOTIFIED, "one", "told", Instant.EPOCH).size();
            });
            Future<Integer> b = pool.submit(() -> {
                together.await();
                return two.updateWorkflow(List.of(f.id()), Workflow.NOTIFIED, "two", "told", Instant.EPOCH).size();
            });

            assertThat(a.get() + b.get()).as("the second finds it NOTIFIED already").isEqualTo(1);
            assertThat(one.history(f.id())).hasSize(1);
        }
    }

    /** Upserts 3 findings ROUNDS times, each time with one event in a minute no other round or writer uses. */
    private static Callable<Void> writer(FindingStore store, int writer, CyclicBarrier together) {
        return () -> {
            together.await();
            for (int round = 0; round < ROUNDS; round++) {
                long minute = 10L * round + writer;
                List<Finding> batch = new ArrayList<>();
                for (String user : List.of("u2", "u0", "u1")) {
                    batch.add(finding().key("user", user).seen(at(minute), at(minute), 1).build());
                }
                store.upsert(batch, Instant.ofEpochSecond(round));
            }
            return null;
        };
    }
}
