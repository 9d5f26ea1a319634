package dev.vigil.engine;

import dev.vigil.model.DetectionInfo;
import dev.vigil.model.Finding;

import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Merges the hits of one finding. Every result is independent of the order hits arrive in: the count is the number
 * of distinct records, first/last seen are the minimum/maximum event time, the evidence is the
 * {@link Finding#MAX_EVIDENCE} first records in {@link HitOrder}, and facts not in the finding key (e.g. the
 * resource) are kept when all hits agree and left empty when they differ.
 */
final class FindingAccumulator {

    private final Set<String> identities = new HashSet<>();
    private final TreeMap<RuleHit, RuleHit> evidence = new TreeMap<>(HitOrder.RECORD);
    private long first = Long.MAX_VALUE;
    private long last = Long.MIN_VALUE;
    private final Common account = new Common();
    private final Common region = new Common();
    private final Common principal = new Common();
    private final Common resource = new Common();

    /** A value kept only while every hit agrees on it. */
    private static final class Common {
        private String value;
        private boolean mixed;

        void add(String v) {
            if (value == null) {
                value = v;
            } else if (!value.equals(v)) {
                mixed = true;
            }
        }

        String get() {
            return mixed || value == null ? "" : value;
        }
    }

    void add(RuleHit hit) {
        identities.add(hit.identity());
        first = Math.min(first, hit.timeMillis());
        last = Math.max(last, hit.timeMillis());
        account.add(hit.account());
        region.add(hit.region());
        principal.add(hit.principal());
        resource.add(hit.resource());
        RuleHit present = evidence.get(hit);
        if (present == null) {
            evidence.put(hit, hit);
            if (evidence.size() > Finding.MAX_EVIDENCE) {
                evidence.pollLastEntry();
            }
        } else if (HitOrder.TOTAL.compare(hit, present) < 0) {
            evidence.remove(present);
            evidence.put(hit, hit);
        }
    }

    long count() {
        return identities.size();
    }

    Finding toFinding(DetectionInfo rule, Map<String, String> keys) {
        return new Finding(Finding.idFor(rule.id(), keys), rule, keys, account.get(), region.get(), principal.get(),
                resource.get(), Instant.ofEpochMilli(first), Instant.ofEpochMilli(last), count(),
                evidence.values().stream().map(RuleHit::evidence).toList());
    }
}
