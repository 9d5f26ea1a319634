package dev.vigil.hub.routing;

/**
 * What one {@link Dispatcher#runOnce} did: rows delivered, rows that failed and will be retried, rows given up on,
 * and rows it found due but another dispatcher claimed first (or finished) before it could.
 */
public record DispatchReport(int delivered, int retried, int dead, int claimedElsewhere) {

    /** A report of a run that lost no row to another dispatcher. */
    public DispatchReport(int delivered, int retried, int dead) {
        this(delivered, retried, dead, 0);
    }

    /** Rows tried in this run. */
    public int attempted() {
        return delivered + retried + dead;
    }

    /** Rows this run found due, whether it tried them or another dispatcher had them. */
    public int seen() {
        return attempted() + claimedElsewhere;
    }
}
