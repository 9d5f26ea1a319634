package dev.vigil.hub.routing;

/**
 * What one {@link Dispatcher#runOnce} did: rows delivered, rows that failed and will be retried, rows given up on.
 */
public record DispatchReport(int delivered, int retried, int dead) {

    /** Rows tried in this run. */
    public int attempted() {
        return delivered + retried + dead;
    }
}
