package dev.vigil.engine.sigma;

import dev.vigil.model.Problem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies a {@link FieldMapping} to parsed documents. A search map whose fields map to several event fields becomes
 * a list of maps, one per combination (a map is an AND of its fields, so an OR inside one field distributes over
 * it); the number of combinations is bounded so a mapping cannot blow a rule up.
 */
final class FieldMapper {

    /** Most maps one search may turn into. */
    static final int MAX_ALTERNATIVES = 64;

    private final FieldMapping mapping;
    private final List<Problem> problems = new ArrayList<>();

    FieldMapper(FieldMapping mapping) {
        this.mapping = mapping;
    }

    /** Thrown inside one document's mapping to leave the document out. */
    private static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    FieldMapping.Result apply(List<SigmaDocument> documents, List<SigmaFilter> filters) {
        Map<String, SigmaRule> rulesByRef = new HashMap<>();
        for (SigmaDocument d : documents) {
            if (d instanceof SigmaRule r) {
                if (r.id() != null) {
                    rulesByRef.put(r.id(), r);
                }
                if (r.name() != null) {
                    rulesByRef.put(r.name(), r);
                }
            }
        }
        Map<SigmaDocument, SigmaDocument> mapped = new LinkedHashMap<>();
        Set<SigmaDocument> failed = new HashSet<>();
        for (SigmaDocument d : documents) {
            try {
                mapped.put(d, switch (d) {
                    case SigmaRule r -> rule(r);
                    case SigmaCorrelation c -> correlation(c, rulesByRef);
                });
            } catch (Refused e) {
                problems.add(new Problem(d.source().location(), "mapping-invalid", "rule '" + d.ruleId()
                        + "' is not loaded: " + e.getMessage()));
                failed.add(d);
            }
        }
        List<SigmaFilter> mappedFilters = new ArrayList<>();
        for (SigmaFilter f : filters) {
            try {
                mappedFilters.add(f.withDetection(detection(f.detection(), f.logSource())));
            } catch (Refused e) {
                problems.add(new Problem(f.source().location(), "mapping-invalid", "filter '" + f.label()
                        + "' is not loaded: " + e.getMessage()));
            }
        }
        keepCorrelationsWhole(documents, failed);
        List<SigmaDocument> kept = new ArrayList<>();
        for (SigmaDocument d : documents) {
            if (!failed.contains(d)) {
                kept.add(mapped.get(d));
            }
        }
        return new FieldMapping.Result(kept, mappedFilters, problems);
    }

    /**
     * Adds to {@code failed} the correlations that count a rule that failed, and the rules counted by a correlation
     * that failed: alone, such a rule would raise a finding for every single match.
     */
    private void keepCorrelationsWhole(List<SigmaDocument> documents, Set<SigmaDocument> failed) {
        Set<String> failedRefs = new HashSet<>();
        failed.forEach(d -> addRefs(d, failedRefs));
        boolean changed = !failed.isEmpty();
        while (changed) {
            changed = false;
            for (SigmaDocument d : documents) {
                String reason = failed.contains(d) ? null : whyLeftOut(d, failed, failedRefs);
                if (reason != null) {
                    problems.add(new Problem(d.source().location(), "mapping-invalid", "rule '" + d.ruleId()
                            + "' is not loaded: " + reason));
                    failed.add(d);
                    addRefs(d, failedRefs);
                    changed = true;
                }
            }
        }
    }

    private static String whyLeftOut(SigmaDocument d, Set<SigmaDocument> failed, Set<String> failedRefs) {
        if (d instanceof SigmaCorrelation c) {
            return c.rules().stream().filter(failedRefs::contains).findFirst()
                    .map(ref -> "it counts rule '" + ref + "', which the field mapping left out").orElse(null);
        }
        for (SigmaDocument f : failed) {
            if (f instanceof SigmaCorrelation c && (d.id() != null && c.rules().contains(d.id())
                    || d.name() != null && c.rules().contains(d.name()))) {
                return "the correlation '" + c.ruleId() + "' that counts it was left out, and alone it would raise"
                        + " a finding for every match";
            }
        }
        return null;
    }

    private static void addRefs(SigmaDocument d, Set<String> refs) {
        if (d.id() != null) {
            refs.add(d.id());
        }
        if (d.name() != null) {
            refs.add(d.name());
        }
    }

    private SigmaRule rule(SigmaRule r) throws Refused {
        LogSource ls = r.logSource();
        List<String> keys = new ArrayList<>();
        for (String key : r.vigil().keys()) {
            keys.add(single(key, ls, "vigil.keys field"));
        }
        VigilAttributes vigil = new VigilAttributes(keys, expand(r.vigil().resource(), ls), r.vigil().types());
        return new SigmaRule(r.source(), r.id(), r.name(), r.title(), r.description(), r.falsePositives(), r.tags(),
                r.level(), ls, detection(r.detection(), ls), vigil,
                r.metadata().withFields(expand(r.metadata().fields(), ls)));
    }

    private SigmaCorrelation correlation(SigmaCorrelation c, Map<String, SigmaRule> rulesByRef) throws Refused {
        List<LogSource> counted = new ArrayList<>();
        for (String ref : c.rules()) {
            SigmaRule r = rulesByRef.get(ref);
            if (r != null) {
                counted.add(r.logSource());
            }
        }
        List<String> groupBy = new ArrayList<>();
        for (String g : c.groupBy()) {
            groupBy.add(correlationField(g, counted, "group-by field"));
        }
        String value = c.valueField() == null ? null : correlationField(c.valueField(), counted, "counted field");
        return c.withFields(groupBy, value);
    }

    /** A correlation's field under the blocks that apply to every rule it counts (unscoped ones when none). */
    private String correlationField(String field, List<LogSource> counted, String role) throws Refused {
        for (FieldMapping.Block b : mapping.blocks()) {
            List<String> t = b.fields().get(field);
            boolean applies = b.scope().equals(LogSource.ANY)
                    || !counted.isEmpty() && counted.stream().allMatch(ls -> b.scope().includes(ls));
            if (t != null && applies) {
                return only(field, t, role);
            }
        }
        return field;
    }

    private String single(String field, LogSource ls, String role) throws Refused {
        return only(field, mapping.targets(field, ls), role);
    }

    private static String only(String field, List<String> targets, String role) throws Refused {
        if (targets.size() != 1) {
            throw new Refused(role + " '" + field + "' maps to " + targets.size() + " fields (" + String.join(", ",
                    targets) + "), but it needs one; map it to a single field");
        }
        return targets.getFirst();
    }

    private List<String> expand(List<String> fields, LogSource ls) {
        Set<String> out = new LinkedHashSet<>();
        fields.forEach(f -> out.addAll(mapping.targets(f, ls)));
        return List.copyOf(out);
    }

    private Detection detection(Detection d, LogSource ls) throws Refused {
        Map<String, SearchIdentifier> searches = new LinkedHashMap<>();
        for (Map.Entry<String, SearchIdentifier> e : d.searches().entrySet()) {
            searches.put(e.getKey(), search(e.getKey(), e.getValue(), ls));
        }
        return new Detection(searches, d.condition());
    }

    private SearchIdentifier search(String name, SearchIdentifier s, LogSource ls) throws Refused {
        return switch (s) {
            case SearchIdentifier.Keywords k -> k;
            case SearchIdentifier.FieldMap m -> {
                List<SearchIdentifier.FieldMap> maps = expand(name, m, ls);
                yield maps.size() == 1 ? maps.getFirst() : new SearchIdentifier.MapList(maps);
            }
            case SearchIdentifier.MapList l -> {
                List<SearchIdentifier.FieldMap> maps = new ArrayList<>();
                for (SearchIdentifier.FieldMap m : l.alternatives()) {
                    maps.addAll(expand(name, m, ls));
                    checkSize(name, maps.size());
                }
                yield new SearchIdentifier.MapList(maps);
            }
        };
    }

    /** The maps a search map becomes: one per combination of its fields' targets. */
    private List<SearchIdentifier.FieldMap> expand(String name, SearchIdentifier.FieldMap m, LogSource ls)
            throws Refused {
        List<List<FieldCondition>> combos = new ArrayList<>();
        combos.add(List.of());
        for (FieldCondition c : m.conditions()) {
            List<String> targets = c.isKeyword() ? List.of() : mapping.targets(c.field(), ls);
            if (c.isKeyword() || targets.size() == 1 && targets.getFirst().equals(c.field())) {
                combos = append(combos, List.of(c));
                continue;
            }
            checkSize(name, combos.size() * targets.size());
            List<FieldCondition> renamed = new ArrayList<>();
            for (String t : targets) {
                renamed.add(new FieldCondition(t, c.modifiers(), c.values(), c.all(), c.source()));
            }
            combos = append(combos, renamed);
        }
        return combos.stream().map(SearchIdentifier.FieldMap::new).toList();
    }

    private static List<List<FieldCondition>> append(List<List<FieldCondition>> combos, List<FieldCondition> choices) {
        List<List<FieldCondition>> out = new ArrayList<>(combos.size() * choices.size());
        for (List<FieldCondition> combo : combos) {
            for (FieldCondition choice : choices) {
                List<FieldCondition> next = new ArrayList<>(combo);
                next.add(choice);
                out.add(next);
            }
        }
        return out;
    }

    private static void checkSize(String search, long size) throws Refused {
        if (size > MAX_ALTERNATIVES) {
            throw new Refused("the field mapping turns search '" + search + "' into more than " + MAX_ALTERNATIVES
                    + " alternative maps; map its fields to fewer names");
        }
    }
}
