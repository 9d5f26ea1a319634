package dev.vigil.hub.routing;

import dev.vigil.hub.FindingChange;
import dev.vigil.hub.FindingQuery;
import dev.vigil.hub.FindingStore;
import dev.vigil.hub.HistoryEntry;
import dev.vigil.hub.StoredFinding;
import dev.vigil.hub.analysis.StoreScoring;
import dev.vigil.model.Finding;
import dev.vigil.model.RecordState;
import dev.vigil.model.Workflow;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

/**
 * Turns what the store reports — findings created, escalated, reopened by a scan or import, resolved by hand or by a
 * passing check — into notifications for the configured routes, puts them in the outbox, and delivers what is due.
 *
 * <p>Suppressed and archived findings notify nobody. Once a finding's CREATED, REOPENED or ESCALATED notification has
 * been delivered to at least one destination, a NEW finding becomes NOTIFIED (actor {@code routing}), as Security
 * Hub's workflow defines it. Deliveries that fail stay in the outbox with their retry time;
 * {@code vigil findings deliver} (or the next scan or import) tries them again.
 */
public final class ChangeNotifier {

    /** Findings read back per query when building notifications. */
    private static final int CHUNK = 500;
    /** Dispatcher passes per call: each delivers up to {@link Dispatcher#BATCH} due rows. */
    private static final int MAX_ROUNDS = 1_000;

    /**
     * One change worth telling someone about.
     *
     * @param findingId the finding
     * @param kind      what happened
     * @param at        when the store recorded it
     */
    public record Change(String findingId, EventKind kind, Instant at) {
        public Change {
            Objects.requireNonNull(findingId, "findingId");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * What a call did.
     *
     * @param enqueued outbox rows added
     * @param delivery what the deliveries did, summed over the dispatcher passes
     * @param notified findings moved from NEW to NOTIFIED
     * @param pending  rows not delivered yet after this call: waiting for a retry, or being delivered by another
     *                 dispatcher (SENDING)
     * @param dead     rows given up on, in all (this call and earlier ones)
     */
    public record Result(int enqueued, DispatchReport delivery, int notified, long pending, long dead) {
    }

    private final RoutingConfig config;
    private final Random random;

    public ChangeNotifier(RoutingConfig config, Random random) {
        this.config = Objects.requireNonNull(config, "config");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The changes of an upsert that routing cares about: created, reopened, escalated. */
    public static List<Change> ofUpserts(List<FindingChange> changes) {
        List<Change> out = new ArrayList<>();
        for (FindingChange c : changes) {
            if (c.workflow() == Workflow.SUPPRESSED || c.recordState() == RecordState.ARCHIVED) {
                continue;
            }
            Optional<EventKind> kind = switch (c.kind()) {
                case CREATED -> Optional.of(EventKind.CREATED);
                case REOPENED -> Optional.of(EventKind.REOPENED);
                case ESCALATED -> Optional.of(EventKind.ESCALATED);
                case UPDATED, UNCHANGED -> Optional.empty();
            };
            kind.ifPresent(k -> out.add(new Change(c.findingId(), k, c.at())));
        }
        return out;
    }

    /** The resolutions among lifecycle changes (a finding set to RESOLVED by hand or by a passing check). */
    public static List<Change> ofHistory(List<HistoryEntry> entries) {
        List<Change> out = new ArrayList<>();
        for (HistoryEntry e : entries) {
            if ("workflow".equals(e.field()) && Workflow.RESOLVED.name().equals(e.newValue())) {
                out.add(new Change(e.findingId(), EventKind.RESOLVED, e.at()));
            }
        }
        return out;
    }

    /** Enqueues the changes' notifications, then delivers everything due. */
    public Result notify(FindingStore store, List<Change> changes, Clock clock) {
        Outbox outbox = store.outbox();
        int enqueued = 0;
        Map<String, Change> byId = new LinkedHashMap<>();
        changes.forEach(c -> byId.merge(c.findingId(), c, (a, b) -> b)); // the latest change of a finding wins
        List<String> ids = new ArrayList<>(byId.keySet());
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            // a notification carries no evidence: leave it (and the product's original) out of the read
            for (StoredFinding s : store.listWithoutEvidence(
                    FindingQuery.all().withIds(chunk).withRecordState(null).withoutLimit())) {
                Change c = byId.get(s.id());
                boolean silenced = s.workflow() == Workflow.SUPPRESSED || s.recordState() == RecordState.ARCHIVED;
                if (c != null && !(silenced && c.kind() != EventKind.RESOLVED)) {
                    enqueued += outbox.enqueue(notification(s, c), config, clock);
                }
            }
        }
        return deliver(store, clock, enqueued);
    }

    /** Delivers the rows due now (after a failure, a crash, or when the user runs {@code findings deliver}). */
    public Result deliver(FindingStore store, Clock clock) {
        return deliver(store, clock, 0);
    }

    private Result deliver(FindingStore store, Clock clock, int enqueued) {
        Outbox outbox = store.outbox();
        Instant started = clock.instant();
        int delivered = 0;
        int retried = 0;
        int dead = 0;
        int elsewhere = 0;
        try (Dispatcher dispatcher = new Dispatcher(outbox, config, random)) {
            for (int round = 0; round < MAX_ROUNDS; round++) {
                DispatchReport r = dispatcher.runOnce(clock);
                delivered += r.delivered();
                retried += r.retried();
                dead += r.dead();
                elsewhere += r.claimedElsewhere();
                if (r.seen() < Dispatcher.BATCH) {
                    break;
                }
            }
        }
        int notified = markNotified(store, outbox.findingsNotifiedSince(started), clock);
        Map<OutboxStatus, Long> counts = outbox.counts();
        return new Result(enqueued, new DispatchReport(delivered, retried, dead, elsewhere), notified,
                counts.get(OutboxStatus.PENDING) + counts.get(OutboxStatus.SENDING), counts.get(OutboxStatus.DEAD));
    }

    private static int markNotified(FindingStore store, List<String> ids, Clock clock) {
        int changed = 0;
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            List<String> fresh = store.listWithoutEvidence(FindingQuery.all().withIds(chunk)
                    .withWorkflows(List.of(Workflow.NEW)).withRecordState(null).withoutLimit())
                    .stream().map(StoredFinding::id).toList();
            if (!fresh.isEmpty()) {
                changed += store.updateWorkflow(fresh, Workflow.NOTIFIED, "routing",
                        "notification delivered to a configured destination", clock.instant()).size();
            }
        }
        return changed;
    }

    static Notification notification(StoredFinding s, Change c) {
        Finding f = s.finding();
        return new Notification(c.kind(), f.id(), f.rule().id(), f.rule().title(), f.rule().description(), f.severity(),
                f.rule().types(), f.account(), f.region(), f.principal(), f.resource(), f.firstSeen(), f.lastSeen(),
                f.count(), s.origin().product(), s.risk(), StoreScoring.explanation(s.riskReasons()), s.workflow(),
                c.at());
    }
}
