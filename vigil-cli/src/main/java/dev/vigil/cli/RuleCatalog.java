package dev.vigil.cli;

import dev.vigil.engine.DetectionSet;
import dev.vigil.engine.RuleLoadResult;
import dev.vigil.engine.sigma.SigmaDocument;
import dev.vigil.model.DetectionInfo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of a compiled set joined with the documents they came from, so the CLI can say where each rule was
 * written and what kind it is. Documents the set refused (duplicates, correlations naming unknown rules) are left
 * out: their problems are in {@link DetectionSet#problems()}.
 */
final class RuleCatalog {

    private final List<RuleEntry> entries;
    private final Map<String, String> idByReference;

    private RuleCatalog(List<RuleEntry> entries, Map<String, String> idByReference) {
        this.entries = List.copyOf(entries);
        this.idByReference = Map.copyOf(idByReference);
    }

    static RuleCatalog of(RuleLoadResult loaded, DetectionSet set) {
        Set<String> compiled = new HashSet<>(set.ruleIds());
        Set<String> raising = new HashSet<>();
        set.detections().forEach(d -> raising.add(d.id()));
        Map<String, RuleEntry> byId = new HashMap<>();
        Map<String, String> refs = new HashMap<>();
        for (SigmaDocument doc : loaded.documents()) {
            String id = doc.ruleId();
            if (id == null || byId.containsKey(id)) {
                continue; // the set kept the first document with this id, as the compiler does
            }
            RuleType type = RuleType.of(doc);
            if (type != RuleType.FILTER && !compiled.contains(id)) {
                continue;
            }
            DetectionInfo info = set.detection(id).orElse(null);
            byId.put(id, new RuleEntry(id, type, RuleOrigin.display(doc.source()), doc, info, raising.contains(id)));
            if (doc.name() != null) {
                refs.putIfAbsent(doc.name(), id);
            }
            if (doc.id() != null) {
                refs.putIfAbsent(doc.id(), id);
            }
        }
        List<RuleEntry> sorted = new ArrayList<>(byId.values());
        sorted.sort(Comparator.comparing(RuleEntry::id));
        return new RuleCatalog(sorted, refs);
    }

    /** Every rule, sorted by id. */
    List<RuleEntry> entries() {
        return entries;
    }

    /** Vigil's id of the rule a correlation names by Sigma {@code name} or {@code id}. */
    Optional<String> idOf(String reference) {
        return Optional.ofNullable(idByReference.get(reference));
    }
}
