package dev.vigil.hub;

import dev.vigil.model.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The evidence rule, in memory: union by key (the copy met first is kept), then the oldest
 * {@link Finding#MAX_EVIDENCE} by event time. {@code FindingUpserter} applies the same rule in SQL against
 * what is stored.
 */
final class EvidenceUnion {

    private EvidenceUnion() {
    }

    static List<EvidenceRow> of(List<EvidenceRow> first, List<EvidenceRow> second) {
        Map<String, EvidenceRow> byKey = new LinkedHashMap<>();
        for (EvidenceRow row : first) {
            byKey.putIfAbsent(row.key(), row);
        }
        for (EvidenceRow row : second) {
            byKey.putIfAbsent(row.key(), row);
        }
        List<EvidenceRow> rows = new ArrayList<>(byKey.values());
        rows.sort(EvidenceRow.OLDEST_FIRST);
        return List.copyOf(rows.subList(0, Math.min(rows.size(), Finding.MAX_EVIDENCE)));
    }
}
