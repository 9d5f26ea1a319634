package dev.vigil.cli;

import dev.vigil.hub.FindingChange;
import dev.vigil.hub.FindingStore;
import dev.vigil.hub.HistoryEntry;
import dev.vigil.hub.analysis.StoreScoring;
import dev.vigil.hub.routing.ChangeNotifier;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the hub does after findings were stored (by a scan or an import) or changed by hand: lapse expired suppression
 * rules, correlate and re-score every active finding, and route the changes to the configured destinations.
 */
final class HubUpdate {

    /**
     * What it did.
     *
     * @param expired findings that went back to NEW because their suppression rule expired
     * @param scoring correlation and scoring
     * @param routing routing, or null when no routing file was given
     */
    record Outcome(int expired, StoreScoring.Result scoring, ChangeNotifier.Result routing) {

        List<String> lines() {
            List<String> out = new ArrayList<>();
            if (expired > 0) {
                out.add(expired + " findings returned to NEW: their suppression rule expired");
            }
            var c = scoring.correlation();
            out.add(String.format(Locale.ROOT, "hub: %,d active findings scored (%,d changed); %d incident candidates%s",
                    scoring.scored(), scoring.changed(), c.candidates().size(),
                    c.candidates().isEmpty() ? "" : " ('vigil findings incidents' shows them)"));
            if (routing != null) {
                var d = routing.delivery();
                out.add(String.format(Locale.ROOT, "routing: %d notifications queued, %d delivered, %d to retry, %d "
                                + "given up; %d findings now NOTIFIED%s", routing.enqueued(), d.delivered(), d.retried(),
                        d.dead(), routing.notified(),
                        routing.pending() > 0 ? "; " + routing.pending() + " waiting ('vigil findings deliver' retries)"
                                : ""));
            }
            return out;
        }
    }

    private HubUpdate() {
    }

    /** After a scan or import: {@code changes} are what the upserts reported. */
    static Outcome afterUpsert(FindingStore store, List<FindingChange> changes, HubSettings hub, Clock clock) {
        List<HistoryEntry> expired = store.expireSuppressions(clock.instant());
        StoreScoring.Result scoring = new StoreScoring(hub.correlation(), hub.assets(), Set.of()).run(store);
        ChangeNotifier.Result routing = null;
        if (hub.routing().isPresent()) {
            List<ChangeNotifier.Change> routed = new ArrayList<>(ChangeNotifier.ofUpserts(changes));
            routing = new ChangeNotifier(hub.routing().get(), new SecureRandom()).notify(store, routed, clock);
        }
        return new Outcome(expired.size(), scoring, routing);
    }

    /**
     * After a workflow change by hand: routes the resolutions. Scores are left for the next scan, import or
     * {@code findings rescore}, so that updating one finding in a large store stays instant.
     */
    static ChangeNotifier.Result afterLifecycle(FindingStore store, List<HistoryEntry> entries, HubSettings hub,
                                                Clock clock) {
        if (hub.routing().isEmpty()) {
            return null;
        }
        return new ChangeNotifier(hub.routing().get(), new SecureRandom())
                .notify(store, ChangeNotifier.ofHistory(entries), clock);
    }
}
