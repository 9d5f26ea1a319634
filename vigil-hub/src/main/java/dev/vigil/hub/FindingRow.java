package dev.vigil.hub;

import dev.vigil.model.Evidence;
import dev.vigil.model.Finding;
import dev.vigil.model.FindingOrigin;
import dev.vigil.model.RecordState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A finding in its stored form: text made storable, lists and keys as JSON, times as epoch milliseconds,
 * evidence de-duplicated and capped, plus where it came from. Built from a {@link Finding} before anything is
 * written, so a finding the store cannot hold fails the whole batch up front instead of half-way through it.
 *
 * @param sourceState the record state the reporting product gives, or empty when it says nothing (Vigil's own
 *                    findings, or an import without one)
 */
record FindingRow(String id, String ruleId, String title, String description, int severity,
                  String attack, String types, String keys,
                  String account, String region, String principal, String resource,
                  long firstSeen, long lastSeen, long count, List<EvidenceRow> evidence,
                  StoredOrigin origin, Optional<RecordState> sourceState) {

    FindingRow {
        evidence = List.copyOf(evidence);
    }

    /** The origin columns. */
    record StoredOrigin(String product, String productFindingId, String format, String location,
                        String rawOriginal, int confidence) {

        static StoredOrigin of(FindingOrigin origin) {
            return new StoredOrigin(StoredText.of(origin.product()), StoredText.of(origin.productFindingId()),
                    StoredText.of(origin.format()), StoredText.of(origin.location()),
                    StoredText.of(origin.rawOriginal()), origin.confidence());
        }

        FindingOrigin toOrigin() {
            return new FindingOrigin(product, productFindingId, format, location, rawOriginal, confidence);
        }
    }

    /**
     * @throws IllegalArgumentException when the finding cannot be stored: negative count, lastSeen before
     *                                  firstSeen, a time beyond ±292 million years, a null key
     */
    static FindingRow of(Finding finding, JsonColumns json) {
        return of(finding, FindingOrigin.vigil(finding), Optional.empty(), json);
    }

    /** As {@link #of(Finding, JsonColumns)} for a finding from another product. */
    static FindingRow of(Finding finding, FindingOrigin origin, Optional<RecordState> sourceState,
                         JsonColumns json) {
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
                finding.count(), EvidenceUnion.of(evidence, List.of()), StoredOrigin.of(origin), sourceState);
    }

    /** The {@code type_list} column value. */
    String typeList() {
        return TypeList.ofJsonArray(types);
    }

    /** This finding's rule metadata and facts with another activity window, count and evidence. */
    FindingRow withActivity(long newFirstSeen, long newLastSeen, long newCount, List<EvidenceRow> newEvidence) {
        return new FindingRow(id, ruleId, title, description, severity, attack, types, keys,
                account, region, principal, resource, newFirstSeen, newLastSeen, newCount, newEvidence, origin,
                sourceState);
    }

    /** True when the descriptive content (everything but the observation bookkeeping and evidence) is equal. */
    boolean sameContentAs(FindingRow other) {
        return ruleId.equals(other.ruleId) && title.equals(other.title) && description.equals(other.description)
                && severity == other.severity && attack.equals(other.attack) && types.equals(other.types)
                && keys.equals(other.keys) && account.equals(other.account) && region.equals(other.region)
                && principal.equals(other.principal) && resource.equals(other.resource)
                && firstSeen == other.firstSeen && lastSeen == other.lastSeen && count == other.count
                && origin.equals(other.origin);
    }
}
