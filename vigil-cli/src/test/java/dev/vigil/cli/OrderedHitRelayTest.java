package dev.vigil.cli;

import dev.vigil.engine.RuleHit;
import dev.vigil.model.Evidence;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

import static org.assertj.core.api.Assertions.assertThat;

/** Hits reach the aggregator in file order, whichever reader finishes first. */
class OrderedHitRelayTest {

    private static RuleHit hit(int file, int n) {
        String id = file + "-" + n;
        return new RuleHit("r", id, 0, "", "", "", "", Map.of(),
                new Evidence(id, Instant.EPOCH, "f" + file, "{}"));
    }

    @Test
    void filesFinishingOutOfTurnWaitForTheFilesBeforeThem() {
        List<String> seen = new ArrayList<>();
        LongAdder delivered = new LongAdder();
        OrderedHitRelay relay = new OrderedHitRelay(h -> seen.add(h.eventId()), delivered);
        OrderedHitRelay.FileHits f0 = relay.file(0);
        OrderedHitRelay.FileHits f1 = relay.file(1);
        OrderedHitRelay.FileHits f2 = relay.file(2);
        f2.accept(hit(2, 0));
        f2.finish();
        f1.accept(hit(1, 0));
        f1.finish();
        assertThat(seen).isEmpty(); // file 0 is still being read
        f0.accept(hit(0, 0));
        f0.accept(hit(0, 1));
        f0.finish();
        assertThat(seen).containsExactly("0-0", "0-1", "1-0", "2-0");
        assertThat(delivered.sum()).isEqualTo(4);
    }

    @Test
    void theHeadFileStreamsInBatchesAndOthersStayBounded() throws Exception {
        int files = 40;
        int perFile = OrderedHitRelay.MAX_BUFFERED * 2 + 17; // every reader must wait for its turn at least once
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        OrderedHitRelay relay = new OrderedHitRelay(h -> seen.add(h.eventId()), new LongAdder());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int f = 0; f < files; f++) {
                OrderedHitRelay.FileHits sink = relay.file(f);
                int file = f;
                futures.add(pool.submit(() -> {
                    try {
                        for (int n = 0; n < perFile; n++) {
                            sink.accept(hit(file, n));
                        }
                    } finally {
                        sink.finish();
                    }
                }));
            }
            for (Future<?> fu : futures) {
                fu.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> expected = new ArrayList<>();
        for (int f = 0; f < files; f++) {
            for (int n = 0; n < perFile; n++) {
                expected.add(f + "-" + n);
            }
        }
        assertThat(seen).isEqualTo(expected);
    }
}
