package dev.vigil.engine.sigma;

import java.util.List;
import java.util.Optional;

/** Reads a Sigma filter document: {@code title}, {@code logsource} and a {@code filter} section. */
final class FilterParser {

    private final AttributeReader reader;
    private final DetectionParser detections;
    private final MetadataReader metadata;

    FilterParser(AttributeReader reader, DetectionParser detections, MetadataReader metadata) {
        this.reader = reader;
        this.detections = detections;
        this.metadata = metadata;
    }

    /** The filter, or empty after reporting its problems. */
    Optional<SigmaFilter> parse(YamlNode.Mapping doc, String id, String name, String title) {
        reader.filterLabel(name != null ? name : id != null ? id : title);
        if (title == null || title.isBlank()) {
            reader.error(doc.line(), "filter-invalid", "missing 'title': give the filter a one-line title");
        }
        String description = reader.text(doc, "description").orElse("");
        SigmaMetadata meta = metadata.read(doc);
        LogSource logSource = detections.logSource(doc);
        YamlNode.Entry entry = doc.entry("filter").orElseThrow();
        if (!(entry.value() instanceof YamlNode.Mapping section)) {
            reader.error(entry.line(), "filter-invalid", "'filter' must be a mapping of rules, search identifiers and a"
                    + " condition");
            return Optional.empty();
        }
        List<String> rules = reader.textList(section, "rules");
        if (rules.isEmpty()) {
            reader.error(section.line(), "filter-invalid", "missing 'rules' in filter: list the ids or names of the"
                    + " rules it applies to");
        }
        Detection detection = detections.filter(entry);
        if (detection == null || logSource == null || rules.isEmpty() || title == null || title.isBlank()) {
            return Optional.empty();
        }
        if (detection.condition() instanceof Condition.Not) {
            // pySigma ANDs a filter's condition into the rule, so filters written for it often start with 'not'
            reader.warn(section.entry("condition").orElseThrow().line(), "filter-inverted", "the condition starts with"
                    + " 'not': Vigil suppresses the events a filter's condition matches (rule and not filter), so this"
                    + " filter keeps only what its 'not' excludes. If it was written to keep matches, drop the 'not'");
        }
        return Optional.of(new SigmaFilter(new RuleSource(reader.origin(), doc.line()), id, name, title, description,
                logSource, rules, detection, meta));
    }
}
