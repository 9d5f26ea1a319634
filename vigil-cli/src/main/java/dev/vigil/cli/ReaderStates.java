package dev.vigil.cli;

import dev.vigil.engine.StatefulDetector;
import dev.vigil.model.Finding;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs one {@link StatefulDetector} inside the scan's reader threads: each thread feeds its own partial state, and
 * {@link #finish()} hands all of them to the detector once reading is over. No lock is taken per record; the
 * detector's contract (order-free partial states) is what makes the findings independent of the threads' timing.
 */
final class ReaderStates<R, S> {

    private final StatefulDetector<R, S> detector;
    private final List<S> states = new ArrayList<>();
    private final ThreadLocal<S> own;

    ReaderStates(StatefulDetector<R, S> detector) {
        this.detector = detector;
        this.own = ThreadLocal.withInitial(() -> {
            S s = detector.newState();
            synchronized (states) {
                states.add(s);
            }
            return s;
        });
    }

    /** The sink for records read on the calling thread; take it once per file, not per record. */
    Consumer<R> forThisThread() {
        S state = own.get();
        return r -> detector.accept(state, r);
    }

    /** The findings; call once, after every reader is done (their work happens-before via the pool's futures). */
    List<Finding> finish() {
        synchronized (states) {
            return detector.finish(List.copyOf(states));
        }
    }
}
