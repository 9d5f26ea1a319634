package dev.vigil.hub;

import dev.vigil.model.Evidence;
import dev.vigil.model.Finding;
import java.util.ArrayList;
import java.util.List;

/**
 * A finding in its stored form: text made storable, lists and keys as JSON, times as epoch milliseconds,
 * evidence de-duplicated and capped. Built from a {@link Finding} before anything is written, so a finding the
 * store cannot hold fails the whole batch up front instead of half-way through it.
 */
record FindingRow(String id, String ruleId, String title, String description, int severity,
                  String attack, String types, String keys,
                  String account, String region, String principal, String resource,
                  long firstSeen, long lastSeen, long count, List<EvidenceRow> evidence) {

    FindingRow {
        evidence = List.copyOf(evidence);
    }

    /**
     * @throws IllegalArgumentException when the finding cannot be stored: negative count, lastSeen before
     *                                  firstSeen, a time beyond ±292 million years, a null key
     */
    static FindingRow of(Finding finding, JsonColumns json) {
        String id = StoredText.of(finding.id());
        if (finding.count() < 0) {
            throw new IllegalArgumentException("finding " + id + " has a negative count (" + finding.count() + ")");
        }
        if (finding.lastSeen().isBefore(finding.firstSeen())) {
            throw new IllegalArgumentException("finding " + id + " has lastSeen " + finding.lastSeen()
                    + " before firstSeen " + finding.firstSeen());
        }
        String keys;
        try {
            keys = json.ofMap(finding.keys());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("finding " + id + " has keys the store cannot hold: " + e.getMessage(),
                    e);
        }
        List<EvidenceRow> evidence = new ArrayList<>(finding.evidence().size());
        for (Evidence e : finding.evidence()) {
            evidence.add(EvidenceRow.of(e, id));
        }
        var rule = finding.rule();
        return new FindingRow(id, StoredText.of(rule.id()), StoredText.of(rule.title()),
                StoredText.of(rule.description()), rule.severity().ocsfId(),
                json.ofList(rule.attack()), json.ofList(rule.types()), keys,
                StoredText.of(finding.account()), StoredText.of(finding.region()),
                StoredText.of(finding.principal()), StoredText.of(finding.resource()),
                EpochMillis.of(finding.firstSeen(), "firstSeen of finding " + id),
                EpochMillis.of(finding.lastSeen(), "lastSeen of finding " + id),
                finding.count(), EvidenceUnion.of(evidence, List.of()));
    }

    /** This finding's rule metadata and facts with another activity window, count and evidence. */
    FindingRow withActivity(long newFirstSeen, long newLastSeen, long newCount, List<EvidenceRow> newEvidence) {
        return new FindingRow(id, ruleId, title, description, severity, attack, types, keys,
                account, region, principal, resource, newFirstSeen, newLastSeen, newCount, newEvidence);
    }
}
