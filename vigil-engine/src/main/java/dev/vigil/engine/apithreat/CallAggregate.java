package dev.vigil.engine.apithreat;

import dev.vigil.model.Event;

import java.time.Instant;
import java.util.TreeSet;

/**
 * Order-independent facts about a group of CloudTrail calls: count, first and last time, a few of the regions,
 * access keys and addresses seen (the lowest by text, so merging gives the same whatever the split), and the
 * earliest records as evidence.
 */
final class CallAggregate {

    /** Values of one kind shown on a finding. */
    static final int MAX_VALUES = 16;

    long count;
    long firstMillis = Long.MAX_VALUE;
    long lastMillis = Long.MIN_VALUE;
    final TreeSet<String> regions = new TreeSet<>();
    final TreeSet<String> accessKeys = new TreeSet<>();
    final TreeSet<String> addresses = new TreeSet<>();
    final EarliestEvidence evidence;

    CallAggregate(int evidenceCap, boolean withText) {
        this.evidence = new EarliestEvidence(evidenceCap, withText);
    }

    void add(Event e, String region, String accessKey, String address, TextBudget budget) {
        count++;
        firstMillis = Math.min(firstMillis, e.timeMillis());
        lastMillis = Math.max(lastMillis, e.timeMillis());
        bounded(regions, region);
        bounded(accessKeys, accessKey);
        bounded(addresses, address);
        evidence.add(e, budget);
    }

    void merge(CallAggregate o) {
        count += o.count;
        firstMillis = Math.min(firstMillis, o.firstMillis);
        lastMillis = Math.max(lastMillis, o.lastMillis);
        o.regions.forEach(r -> bounded(regions, r));
        o.accessKeys.forEach(k -> bounded(accessKeys, k));
        o.addresses.forEach(a -> bounded(addresses, a));
        evidence.merge(o.evidence);
    }

    private static void bounded(TreeSet<String> set, String value) {
        if (value.isEmpty()) {
            return;
        }
        set.add(value);
        if (set.size() > MAX_VALUES) {
            set.pollLast();
        }
    }

    /** The single value when exactly one was seen, else empty. */
    static String single(TreeSet<String> set) {
        return set.size() == 1 ? set.first() : "";
    }

    Instant first() {
        return Instant.ofEpochMilli(firstMillis);
    }

    Instant last() {
        return Instant.ofEpochMilli(lastMillis);
    }
}
