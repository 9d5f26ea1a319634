package dev.vigil.hub;

import dev.vigil.model.RecordState;
import dev.vigil.model.Severity;
import dev.vigil.model.Workflow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The re-observation rules, in one place: how a finding seen again combines with what was known.
 *
 * <ul>
 *   <li>activity window: earliest {@code firstSeen}, latest {@code lastSeen};</li>
 *   <li>count: when the two observations' activity windows do not overlap (the new one is entirely after — the
 *       next day's logs — or entirely before — older logs scanned late) the counts add; when they overlap, the
 *       new observation is taken to be a re-scan of the same records and the larger count wins. So rescanning
 *       the same logs changes nothing and scanning new logs adds;</li>
 *   <li>rule metadata, facts and origin (raw original, confidence, location): the newest observation's;</li>
 *   <li>evidence: see {@link EvidenceUnion};</li>
 *   <li>workflow: a RESOLVED finding whose activity now reaches later than before ({@code lastSeen} grew)
 *       reopens to NEW, by {@value HistoryEntry#VIGIL}; otherwise the workflow is kept;</li>
 *   <li>record state: the reporting product's, when it states one (the newest observation's); otherwise kept.</li>
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
        long firstSeen = stored != null ? stored.row().firstSeen() : first.firstSeen();
        long lastSeen = stored != null ? stored.row().lastSeen() : first.lastSeen();
        long count = stored != null ? stored.row().count() : first.count();
        List<EvidenceRow> evidence = List.of();
        Optional<RecordState> sourceState = Optional.empty();
        for (int i = 0; i < observations.size(); i++) {
            FindingRow o = observations.get(i);
            if (stored != null || i > 0) {
                count = combinedCount(firstSeen, lastSeen, count, o.firstSeen(), o.lastSeen(), o.count());
                firstSeen = Math.min(firstSeen, o.firstSeen());
                lastSeen = Math.max(lastSeen, o.lastSeen());
            }
            evidence = EvidenceUnion.of(evidence, o.evidence());
            if (o.sourceState().isPresent()) {
                sourceState = o.sourceState();
            }
        }
        FindingRow row = observations.getLast().withActivity(firstSeen, lastSeen, count, evidence);
        Instant at = Instant.ofEpochMilli(observedAt);
        Severity severity = Severity.fromOcsfId(row.severity());
        if (stored == null) {
            RecordState state = sourceState.orElse(RecordState.ACTIVE);
            FindingChange change = new FindingChange(row.id(), ChangeKind.CREATED, Optional.empty(), severity,
                    Workflow.NEW, state, at);
            return new FindingWrite(row, observedAt, observedAt, 1, true, Workflow.NEW, state, "", observedAt,
                    true, change, List.of());
        }
        List<HistoryEntry> history = new ArrayList<>(2);
        Workflow workflow = stored.workflow();
        String suppressedBy = stored.suppressedBy();
        boolean reopened = workflow == Workflow.RESOLVED && lastSeen > stored.row().lastSeen();
        if (reopened) {
            workflow = Workflow.NEW;
            suppressedBy = "";
            history.add(new HistoryEntry(row.id(), at, HistoryEntry.VIGIL, HistoryEntry.WORKFLOW,
                    Workflow.RESOLVED.name(), Workflow.NEW.name(), "new activity at " + Instant.ofEpochMilli(lastSeen)
                    + ", after the activity seen when it was resolved (last seen "
                    + Instant.ofEpochMilli(stored.row().lastSeen()) + ")"));
        }
        RecordState state = sourceState.orElse(stored.recordState());
        if (state != stored.recordState()) {
            history.add(new HistoryEntry(row.id(), at, "import:" + row.origin().product(), HistoryEntry.RECORD_STATE,
                    stored.recordState().name(), state.name(), row.origin().product() + " reports the finding "
                    + state.name() + " (" + row.origin().location() + ")"));
        }
        Severity before = Severity.fromOcsfId(stored.row().severity());
        ChangeKind kind;
        if (reopened) {
            kind = ChangeKind.REOPENED;
        } else if (row.severity() > stored.row().severity()) {
            kind = ChangeKind.ESCALATED;
        } else if (!row.sameContentAs(stored.row()) || state != stored.recordState()) {
            kind = ChangeKind.UPDATED;
        } else {
            kind = ChangeKind.UNCHANGED;
        }
        long updatedAt = kind == ChangeKind.UNCHANGED ? stored.updatedAt() : observedAt;
        FindingChange change = new FindingChange(row.id(), kind, Optional.of(before), severity, workflow, state, at);
        return new FindingWrite(row, stored.firstObservedAt(), observedAt, saturatedSum(stored.observations(), 1),
                false, workflow, state, suppressedBy, updatedAt, reopened, change, history);
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

    /**
     * What the store holds about a finding, as far as merging needs it.
     *
     * @param row the stored content (without evidence, origin state empty)
     */
    record StoredState(FindingRow row, long observations, long firstObservedAt, Workflow workflow,
                       RecordState recordState, String suppressedBy, long updatedAt) {
    }

    /**
     * A merged finding ready to write, with its observation bookkeeping and lifecycle.
     *
     * @param arrived true when the finding is new to the store or reopened: suppression rules apply to it
     * @param change  what happened, for the caller
     * @param history the audit rows of automatic lifecycle changes
     */
    record FindingWrite(FindingRow row, long firstObservedAt, long lastObservedAt, long observations,
                        boolean inserted, Workflow workflow, RecordState recordState, String suppressedBy,
                        long updatedAt, boolean arrived, FindingChange change, List<HistoryEntry> history) {
    }
}
