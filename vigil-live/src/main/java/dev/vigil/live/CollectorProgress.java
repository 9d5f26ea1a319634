package dev.vigil.live;

/**
 * Told after every API call of a live collection, from the pool's threads (implementations must be thread-safe).
 * {@code known} grows while the run discovers per-item calls (a trail's status, a plan's selections), so a progress
 * line reads "call 41 of 57 so far".
 */
@FunctionalInterface
public interface CollectorProgress {

    CollectorProgress SILENT = (done, known, call, failure) -> { };

    /**
     * @param done    calls finished so far, this one included
     * @param known   calls started so far
     * @param call    what was called, {@code ACCOUNT/REGION service.operation[.subject]}
     * @param failure the error code when the call failed (recorded as an Error document), else empty
     */
    void onCall(int done, int known, String call, String failure);
}
