package dev.vigil.cli;

import dev.vigil.engine.FindingAggregator;
import dev.vigil.engine.RuleHit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Hands the rule hits of files read in parallel to the one aggregator in the order of the files, whatever order the
 * readers finish in, so a scan's findings never depend on thread scheduling: a reader that stalls (a busy machine, a
 * slow disk) cannot make another reader's later records arrive first and its own records late for their windows.
 *
 * <p>The reader of the earliest unfinished file (the head) streams its hits in batches; the others buffer theirs and
 * hand them over when their turn comes. A buffer that grows past {@link #MAX_BUFFERED} hits makes its reader wait
 * for its turn, so memory stays bounded by readers × that cap. Files are dispatched in order, so the head file is
 * always being read and the wait always ends.
 */
final class OrderedHitRelay {

    static final int BATCH = 512;
    static final int MAX_BUFFERED = 4096;

    private final Consumer<RuleHit> downstream;
    private final LongAdder delivered;
    private final Object lock = new Object();
    /** Every file before this index has been delivered completely. */
    private volatile int head;
    /** Hits of files that finished before their turn. */
    private final Map<Integer, List<RuleHit>> waiting = new HashMap<>();

    /**
     * @param downstream receives every hit, from one thread at a time (e.g. {@link FindingAggregator#accept})
     * @param delivered  counts the hits handed over
     */
    OrderedHitRelay(Consumer<RuleHit> downstream, LongAdder delivered) {
        this.downstream = downstream;
        this.delivered = delivered;
    }

    /** The sink for the hits of the file at this position in the scan's file order. */
    FileHits file(int index) {
        return new FileHits(index);
    }

    /** One file's hits. Call {@link #finish()} exactly once, also when reading failed. */
    final class FileHits implements Consumer<RuleHit> {
        private final int index;
        private List<RuleHit> buffer = new ArrayList<>();

        private FileHits(int index) {
            this.index = index;
        }

        @Override
        public void accept(RuleHit hit) {
            buffer.add(hit);
            if (buffer.size() >= BATCH && head == index) {
                flush();
            } else if (buffer.size() >= MAX_BUFFERED) {
                awaitTurn();
                flush();
            }
        }

        private void flush() {
            synchronized (lock) {
                deliver(buffer);
            }
            buffer = new ArrayList<>();
        }

        private void awaitTurn() {
            synchronized (lock) {
                while (head != index) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("scan cancelled while waiting to hand over rule hits", e);
                    }
                }
            }
        }

        /** The file is done: its hits go now if it is the head, else when the files before it are done. */
        void finish() {
            synchronized (lock) {
                if (head != index) {
                    waiting.put(index, buffer);
                    return;
                }
                deliver(buffer);
                int next = index + 1;
                List<RuleHit> later;
                while ((later = waiting.remove(next)) != null) {
                    deliver(later);
                    next++;
                }
                head = next;
                lock.notifyAll();
            }
            buffer = List.of();
        }
    }

    /** Called with {@link #lock} held. */
    private void deliver(List<RuleHit> hits) {
        for (RuleHit h : hits) {
            downstream.accept(h);
        }
        delivered.add(hits.size());
    }
}
