package dev.vigil.hub;

import java.util.List;

/**
 * The re-observation rules, in one place: how a finding seen again combines with what was known.
 *
 * <ul>
 *   <li>activity window: earliest {@code firstSeen}, latest {@code lastSeen};</li>
 *   <li>count: when the two observations' activity windows do not overlap (the new one is entirely after — the
 *       next day's logs — or entirely before — older logs scanned late) the counts add; when they overlap, the
 *       new observation is taken to be a re-scan of the same records and the larger count wins. So rescanning
 *       the same logs changes nothing and scanning new logs adds;</li>
 *   <li>rule metadata and facts: the newest observation's;</li>
 *   <li>evidence: see {@link EvidenceUnion}.</li>
 * </ul>
 */
final class FindingMerger {

    private FindingMerger() {
    }

    /**
     * The row to write for the observations of one finding in one batch (in batch order, at least one), given
     * what the store holds ({@code null} when it holds nothing). The observations combine with the stored
     * finding one after another, as if upserted in turn, but count as one observation. The evidence is the
     * observations' evidence only: the union with stored evidence happens in SQL.
     */
    static FindingWrite merge(StoredState stored, List<FindingRow> observations, long observedAt) {
        FindingRow first = observations.getFirst();
        long firstSeen = stored != null ? stored.firstSeen() : first.firstSeen();
        long lastSeen = stored != null ? stored.lastSeen() : first.lastSeen();
        long count = stored != null ? stored.count() : first.count();
        List<EvidenceRow> evidence = List.of();
        for (int i = 0; i < observations.size(); i++) {
            FindingRow o = observations.get(i);
            if (stored != null || i > 0) {
                count = combinedCount(firstSeen, lastSeen, count, o.firstSeen(), o.lastSeen(), o.count());
                firstSeen = Math.min(firstSeen, o.firstSeen());
                lastSeen = Math.max(lastSeen, o.lastSeen());
            }
            evidence = EvidenceUnion.of(evidence, o.evidence());
        }
        FindingRow row = observations.getLast().withActivity(firstSeen, lastSeen, count, evidence);
        return stored == null
                ? new FindingWrite(row, observedAt, observedAt, 1, true)
                : new FindingWrite(row, stored.firstObservedAt(), observedAt, saturatedSum(stored.observations(), 1),
                        false);
    }

    static long combinedCount(long knownFirst, long knownLast, long knownCount,
                              long newFirst, long newLast, long newCount) {
        boolean disjoint = newFirst > knownLast || newLast < knownFirst;
        return disjoint ? saturatedSum(knownCount, newCount) : Math.max(knownCount, newCount);
    }

    private static long saturatedSum(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }

    /** What the store holds about a finding, as far as merging needs it. */
    record StoredState(long firstSeen, long lastSeen, long count, long observations, long firstObservedAt) {
    }

    /** A merged finding ready to write, with its observation bookkeeping. */
    record FindingWrite(FindingRow row, long firstObservedAt, long lastObservedAt, long observations,
                        boolean inserted) {
    }
}
