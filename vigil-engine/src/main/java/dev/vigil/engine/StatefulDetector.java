package dev.vigil.engine;

import dev.vigil.model.DetectionInfo;
import dev.vigil.model.Finding;

import java.util.List;

/**
 * A detection that needs more than one record to decide: windows over flows, first-seen behaviour, credentials seen
 * from two places. What a single record can decide is a Sigma rule instead.
 *
 * <p>State is split so that the same input always gives the same findings however it is divided among threads,
 * machines or runs: every reader keeps its own partial state ({@link #newState()}), fed records in any order, and
 * {@link #finish(List)} merges the partial states and decides. Partial states therefore hold only facts that merge
 * without regard to order (sums, minima and maxima, sets, sketches that union), never "what came before".
 *
 * <p>Implementations are pure (principle 1 of the architecture): no files, clocks, threads or sockets; time is
 * the records' own.
 *
 * @param <R> what it reads ({@link dev.vigil.model.FlowRecord}, {@link dev.vigil.model.Event})
 * @param <S> its partial state; not thread-safe, one per reader
 */
public interface StatefulDetector<R, S> {

    /** The detections this can raise, for catalogues and reports. */
    List<DetectionInfo> detections();

    /** A fresh partial state for one reader. */
    S newState();

    /**
     * Adds one record to a partial state. A record handed in is valid only during the call (it may be a view on a
     * reader's buffer): copy what is kept.
     */
    void accept(S state, R record);

    /**
     * Merges the partial states and returns the findings, sorted by id. Called once, after every record was
     * accepted; the states are not used again.
     */
    List<Finding> finish(List<S> states);
}
