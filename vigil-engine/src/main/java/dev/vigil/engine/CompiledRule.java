package dev.vigil.engine;

import dev.vigil.engine.match.EventMatcher;
import dev.vigil.engine.match.MatcherCompiler;
import dev.vigil.model.DetectionInfo;
import dev.vigil.model.Event;
import dev.vigil.model.Evidence;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A detection rule ready to evaluate.
 *
 * @param id            rule id
 * @param info          what its findings say
 * @param matcher       the compiled condition, without filters
 * @param filters       the Sigma filters that apply to it; {@link #forSource} folds them into the matcher
 * @param logSource     which events it reads
 * @param keyPaths      extra finding-key fields ({@code vigil.keys})
 * @param resourcePaths {@code vigil.resource}
 * @param hitFields     every field a hit must carry: key fields plus its correlations' group-by and counted fields
 * @param consumers     correlations that count this rule's matches
 * @param generates     whether its matches raise findings of their own
 * @param namePins      folded {@code eventName} values it can match, if pinned
 * @param sourcePins    folded {@code eventSource} values it can match, if pinned
 * @param nameTest      a test every {@code eventName} it can match passes, if it constrains the name
 * @param sourceTest    a test every {@code eventSource} it can match passes, if it constrains the source
 */
record CompiledRule(String id, DetectionInfo info, EventMatcher matcher, List<CompiledFilter> filters,
                    dev.vigil.engine.sigma.LogSource logSource,
                    List<String> keyPaths, List<String> resourcePaths, List<String> hitFields,
                    List<CompiledCorrelation> consumers, boolean generates,
                    Optional<Set<String>> namePins, Optional<Set<String>> sourcePins,
                    Optional<Predicate<String>> nameTest, Optional<Predicate<String>> sourceTest) {

    /**
     * The rule as it runs on events of one log source: its matcher excludes what the filters of that source match.
     * Built once per source, so filters cost nothing on events they cannot apply to.
     */
    CompiledRule forSource(String eventLogSource) {
        List<EventMatcher> applicable = filters.stream().filter(f -> f.logSource().covers(eventLogSource))
                .map(CompiledFilter::matcher).toList();
        if (applicable.isEmpty()) {
            return this;
        }
        return new CompiledRule(id, info, MatcherCompiler.excluding(matcher, applicable), filters, logSource, keyPaths,
                resourcePaths, hitFields, consumers, generates, namePins, sourcePins, nameTest, sourceTest);
    }

    /** The hit for an event this rule matched. */
    RuleHit hit(Event event, FactExtractor facts, EvidenceText evidenceText) {
        Map<String, String> fields = Map.of();
        if (!hitFields.isEmpty()) {
            @SuppressWarnings({"unchecked", "rawtypes"})
            Map.Entry<String, String>[] entries = new Map.Entry[hitFields.size()];
            int n = 0;
            for (String path : hitFields) {
                String text = FieldText.of(event.field(path));
                if (text != null) {
                    entries[n++] = Map.entry(path, text);
                }
            }
            fields = Map.ofEntries(n == entries.length ? entries : java.util.Arrays.copyOf(entries, n));
        }
        String resource = "";
        for (String path : resourcePaths) {
            String text = FieldText.of(event.field(path));
            if (text != null && !text.isEmpty()) {
                resource = text;
                break;
            }
        }
        // a rule only correlations count rarely becomes evidence: with DEFERRED, its hits carry no copy of the record
        Evidence evidence = evidenceText == EvidenceText.COPIED || generates
                ? Evidence.of(event) : Evidence.withoutText(event);
        return new RuleHit(id, event.id(), event.timeMillis(), facts.account(event), facts.region(event),
                facts.principal(event), resource, fields, evidence);
    }
}
