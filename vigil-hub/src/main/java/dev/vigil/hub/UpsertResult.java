package dev.vigil.hub;

/**
 * What one {@link FindingStore#upsert} did.
 *
 * @param inserted findings the store did not hold before
 * @param updated  findings it held, now re-observed
 */
public record UpsertResult(int inserted, int updated) {

    public UpsertResult {
        if (inserted < 0 || updated < 0) {
            throw new IllegalArgumentException("counts must not be negative: " + inserted + ", " + updated);
        }
    }

    /** Distinct findings written. */
    public int total() {
        return inserted + updated;
    }
}
