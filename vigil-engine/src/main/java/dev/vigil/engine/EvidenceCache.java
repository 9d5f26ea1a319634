package dev.vigil.engine;

import dev.vigil.model.Evidence;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Holds the raw records of hits waiting in correlation windows, within a fixed budget.
 *
 * <p>Correlations must keep every hit of an open window to count it, but only need the raw record of the few that
 * end up as a finding's evidence. Broad base rules (every read-only call, every S3 read) make those hits numerous,
 * so windows keep slim hits (ids, times, fields) and the raw text waits here. When the budget is exceeded the
 * oldest raw records are dropped; a finding whose evidence lost its raw text still names the record's eventID and
 * origin. Shared by all correlations of a run, reference-counted because one record can wait in several windows.
 */
final class EvidenceCache {

    private final long budgetChars;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();
    private long chars;
    private long dropped;

    private static final class Entry {
        final String raw;
        int holders;

        Entry(String raw) {
            this.raw = raw;
        }
    }

    EvidenceCache(long budgetChars) {
        this.budgetChars = budgetChars;
    }

    /** Stores the hit's raw record and returns the hit without it. */
    RuleHit park(RuleHit hit) {
        String raw = hit.evidence().rawJson();
        if (raw.isEmpty()) {
            return hit;
        }
        String id = hit.identity();
        Entry e = entries.get(id);
        if (e == null) {
            e = new Entry(raw);
            entries.put(id, e);
            chars += raw.length();
            trim();
        }
        e.holders++;
        return withRaw(hit, "");
    }

    /** The hit with its raw record again, when it is still held; otherwise as it is. */
    RuleHit restore(RuleHit hit) {
        if (!hit.evidence().rawJson().isEmpty()) {
            return hit;
        }
        Entry e = entries.get(hit.identity());
        return e == null ? hit : withRaw(hit, e.raw);
    }

    /** One holder is done with the hit's record. */
    void release(RuleHit hit) {
        String id = hit.identity();
        Entry e = entries.get(id);
        if (e != null && --e.holders <= 0) {
            entries.remove(id);
            chars -= e.raw.length();
        }
    }

    /** Raw records dropped because the budget was full. */
    long dropped() {
        return dropped;
    }

    long heldChars() {
        return chars;
    }

    private void trim() {
        Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator();
        while (chars > budgetChars && it.hasNext()) {
            Entry e = it.next().getValue();
            it.remove();
            chars -= e.raw.length();
            dropped++;
        }
    }

    private static RuleHit withRaw(RuleHit hit, String raw) {
        Evidence ev = hit.evidence();
        return new RuleHit(hit.ruleId(), hit.eventId(), hit.timeMillis(), hit.account(), hit.region(),
                hit.principal(), hit.resource(), hit.fields(),
                new Evidence(ev.eventId(), ev.time(), ev.origin(), raw));
    }

    /** For tests: a plain map view of what is held. */
    Map<String, Integer> holders() {
        Map<String, Integer> m = new HashMap<>();
        entries.forEach((k, v) -> m.put(k, v.holders));
        return m;
    }
}
