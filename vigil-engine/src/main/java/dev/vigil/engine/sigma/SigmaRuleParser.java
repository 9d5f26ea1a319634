package dev.vigil.engine.sigma;

import dev.vigil.model.Problem;
import dev.vigil.model.Severity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the text of a rule file (one or more YAML documents separated by {@code ---}) into {@link SigmaRule}s,
 * {@link SigmaCorrelation}s and {@link SigmaFilter}s. It reports every problem it finds, with file and line, instead
 * of stopping at the first; a document with problems is left out and the others are kept.
 *
 * <p>A rule whose condition ends with a Sigma 1 aggregation ({@code selection | count() by field > 5}, with
 * {@code timeframe}) yields two documents, as Sigma 2 writes it: a rule named {@code <id>:search} with the searches,
 * and a correlation with the rule's own id, name and attributes that counts it.
 *
 * <p>One exception: when a file holds a correlation and any of its documents fails, the whole file is left out,
 * because the rules a correlation counts would otherwise load alone and raise a finding for every single match.
 */
public final class SigmaRuleParser {

    /** Longest correlation timespan; windows hold their events in memory, so this bounds state. */
    public static final Duration MAX_TIMESPAN = Duration.ofDays(30);

    private final AttributeReader reader;
    private final DetectionParser detections;
    private final CorrelationParser correlations;
    private final MetadataReader metadata;
    private final FilterParser filters;

    private SigmaRuleParser(String origin, ModifierContext context) {
        this.reader = new AttributeReader(origin);
        this.detections = new DetectionParser(reader, context);
        this.correlations = new CorrelationParser(reader);
        this.metadata = new MetadataReader(reader);
        this.filters = new FilterParser(reader, detections, metadata);
    }

    /**
     * Parses a rule file.
     *
     * @param origin file or resource name used in problem locations
     * @param text   the file's content
     */
    public static SigmaParseResult parse(String origin, String text) {
        return parse(origin, text, Placeholders.NONE);
    }

    /**
     * Parses a rule file whose {@code expand} modifiers may use the given placeholders.
     *
     * @param origin       file or resource name used in problem locations
     * @param text         the file's content
     * @param placeholders the user's placeholder values; a rule using another placeholder is reported and left out
     */
    public static SigmaParseResult parse(String origin, String text, Placeholders placeholders) {
        return new SigmaRuleParser(origin, new ModifierContext(placeholders)).file(text);
    }

    /** What one YAML document yielded: a rule, a correlation, a rule and its translated aggregation, or a filter. */
    private record Yield(List<SigmaDocument> documents, List<SigmaFilter> filters) {
        static final Yield NOTHING = new Yield(List.of(), List.of());

        static Yield of(SigmaDocument... documents) {
            return new Yield(List.of(documents), List.of());
        }
    }

    /**
     * The name of the rule that holds the searches of a Sigma 1 aggregating rule: the rule's correlation counts it,
     * and a filter naming the aggregating rule applies to it.
     *
     * @param ruleId the aggregating rule's id as Vigil uses it (its name, else its id)
     */
    public static String legacySearchRuleName(String ruleId) {
        return LegacyAggregation.searchRuleName(ruleId);
    }

    private SigmaParseResult file(String text) {
        String origin = reader.origin();
        List<YamlNode> nodes;
        try {
            nodes = YamlReader.readAll(text);
        } catch (YamlException e) {
            reader.error(e.line(), "yaml-invalid", e.getMessage() + "; fix the file, nothing in it was loaded");
            return new SigmaParseResult(List.of(), List.of(), reader.problems(), reader.warnings());
        }
        List<SigmaDocument> documents = new ArrayList<>();
        List<SigmaFilter> filters = new ArrayList<>();
        boolean anyFailed = false;
        boolean hasCorrelation = false;
        for (YamlNode node : nodes) {
            hasCorrelation |= node instanceof YamlNode.Mapping m && m.has("correlation");
            int before = reader.problemCount();
            Yield yield = document(node);
            if (reader.problemCount() == before && (!yield.documents().isEmpty() || !yield.filters().isEmpty())) {
                documents.addAll(yield.documents());
                filters.addAll(yield.filters());
            } else {
                anyFailed = true;
            }
        }
        reader.ruleLabel("");
        if (anyFailed && hasCorrelation && !documents.isEmpty()) {
            reader.problems().add(new Problem(origin, "file-skipped", "none of the " + documents.size()
                    + " valid rule(s) in this file were loaded: the file holds a correlation and some of its documents"
                    + " have errors, and loading the rest alone could raise a finding for every single match"));
            documents.clear();
        }
        if (nodes.isEmpty()) {
            reader.problems().add(new Problem(origin, "rule-invalid", "the file holds no rule"));
        }
        return new SigmaParseResult(documents, filters, reader.problems(), reader.warnings());
    }

    private Yield document(YamlNode node) {
        reader.ruleLabel("");
        if (!(node instanceof YamlNode.Mapping doc)) {
            reader.error(node.line(), "rule-invalid", "a rule document must be a mapping of attributes, found "
                    + YamlNode.describe(node));
            return Yield.NOTHING;
        }
        String title = reader.text(doc, "title").orElse(null);
        String id = reader.text(doc, "id").orElse(null);
        String name = reader.text(doc, "name").orElse(null);
        if (doc.has("filter") && !doc.has("detection") && !doc.has("correlation")) {
            return filters.parse(doc, id, name, title).map(f -> new Yield(List.of(), List.of(f))).orElse(Yield.NOTHING);
        }
        reader.ruleLabel(name != null ? name : id != null ? id : title);
        boolean identified = title != null && !title.isBlank() && (id != null || name != null);
        if (title == null || title.isBlank()) {
            reader.error(doc.line(), "rule-invalid", "missing 'title': give the rule a one-line title");
        }
        if (id == null && name == null) {
            reader.error(doc.line(), "rule-invalid", "missing 'id' and 'name': give the rule a UUID id or a unique name");
        }
        if (doc.has("action")) {
            reader.error(doc.entry("action").orElseThrow().line(), "rule-invalid",
                    "Sigma 1 'action' documents (global/reset/repeat) are not supported; write each rule in full");
        }
        if (doc.has("filter")) {
            reader.error(doc.entry("filter").orElseThrow().line(), "rule-invalid", "a document has 'filter' (a Sigma"
                    + " filter) or 'detection'/'correlation' (a rule), not both");
            return Yield.NOTHING;
        }
        boolean isCorrelation = doc.has("correlation");
        if (isCorrelation && doc.has("detection")) {
            reader.error(doc.line(), "rule-invalid", "a document has either 'detection' or 'correlation', not both");
            return Yield.NOTHING;
        }
        if (!isCorrelation && !doc.has("detection")) {
            reader.error(doc.line(), "rule-invalid", "missing 'detection' (or 'correlation') section");
            return Yield.NOTHING;
        }
        Severity level = level(doc);
        List<String> tags = reader.textList(doc, "tags");
        List<String> falsePositives = reader.textList(doc, "falsepositives");
        String description = reader.text(doc, "description").orElse("");
        VigilAttributes vigil = vigil(doc);
        SigmaMetadata meta = metadata.read(doc);
        RuleSource source = new RuleSource(reader.origin(), doc.line());
        int before = reader.problemCount();
        if (isCorrelation) {
            CorrelationParser.Section c = correlations.parse(doc);
            if (c == null || reader.problemCount() != before || !identified) {
                return Yield.NOTHING;
            }
            if (!vigil.keys().isEmpty()) {
                reader.error(doc.line(), "correlation-invalid",
                        "vigil.keys does not apply to correlations: their findings are keyed by group-by");
                return Yield.NOTHING;
            }
            return Yield.of(new SigmaCorrelation(source, id, name, title, description, falsePositives, tags, level,
                    c.type(), c.rules(), c.groupBy(), c.aliases(), c.timespan(), c.condition(), c.field(), c.percentile(),
                    c.generate(), vigil, meta));
        }
        LogSource logSource = detections.logSource(doc);
        DetectionParser.ParsedDetection parsed = detections.detection(doc);
        if (logSource == null || parsed == null || reader.problemCount() != before || !identified) {
            return Yield.NOTHING;
        }
        LegacyAggregation aggregation = parsed.aggregation();
        if (aggregation == null) {
            return Yield.of(new SigmaRule(source, id, name, title, description, falsePositives, tags, level,
                    logSource, parsed.detection(), vigil, meta));
        }
        if (!vigil.keys().isEmpty()) {
            reader.error(doc.line(), "rule-invalid", "vigil.keys does not apply to a Sigma 1 aggregation: Vigil runs it"
                    + " as a correlation, whose findings are keyed by the 'by' fields");
            return Yield.NOTHING;
        }
        // Sigma 1 put the count in the rule's condition; Sigma 2 says the same with a rule and a correlation over it
        String searchName = LegacyAggregation.searchRuleName(name != null ? name : id);
        SigmaRule search = new SigmaRule(source, null, searchName, title, description, falsePositives, tags, level,
                logSource, parsed.detection(), VigilAttributes.NONE, SigmaMetadata.NONE);
        List<SigmaDocument> out = new ArrayList<>(List.of(search));
        List<String> counted = new ArrayList<>(List.of(searchName));
        for (String near : aggregation.near()) { // near: one rule per named search, related by a temporal correlation
            String nearName = LegacyAggregation.nearRuleName(name != null ? name : id, near);
            out.add(new SigmaRule(source, null, nearName, title, description, falsePositives, tags, level, logSource,
                    new Detection(parsed.detection().searches(), new Condition.Ref(near)), VigilAttributes.NONE,
                    SigmaMetadata.NONE));
            counted.add(nearName);
        }
        out.add(new SigmaCorrelation(source, id, name, title, description, falsePositives,
                tags, level, aggregation.type(), counted, aggregation.groupBy(), Map.of(),
                aggregation.timespan(), aggregation.condition(), aggregation.field(), null, false, vigil, meta));
        return new Yield(out, List.of());
    }

    private Severity level(YamlNode.Mapping doc) {
        Optional<String> level = reader.text(doc, "level");
        if (level.isEmpty()) {
            return Severity.MEDIUM;
        }
        int line = doc.entry("level").orElseThrow().line();
        Severity severity;
        try {
            severity = Severity.parse(level.get());
        } catch (IllegalArgumentException e) {
            reader.error(line, "rule-invalid", e.getMessage());
            return Severity.MEDIUM;
        }
        String spelled = severity.name().toLowerCase(Locale.ROOT);
        if (!level.get().equals(spelled)) {
            reader.warn(line, "attribute-invalid", "level '" + level.get() + "' is read as " + spelled
                    + "; Sigma spells it '" + spelled + "'");
        }
        return severity;
    }

    private VigilAttributes vigil(YamlNode.Mapping doc) {
        Optional<YamlNode.Entry> entry = doc.entry("vigil");
        if (entry.isEmpty()) {
            return VigilAttributes.NONE;
        }
        if (!(entry.get().value() instanceof YamlNode.Mapping block)) {
            reader.error(entry.get().line(), "rule-invalid", "'vigil' must be a mapping with keys, resource and types");
            return VigilAttributes.NONE;
        }
        for (YamlNode.Entry e : block.entries()) {
            if (!Set.of("keys", "resource", "types").contains(e.key())) {
                reader.error(e.line(), "rule-invalid", "unknown attribute 'vigil." + e.key()
                        + "'; Vigil reads vigil.keys, vigil.resource and vigil.types");
            }
        }
        List<String> keys = reader.textList(block, "keys");
        List<String> resource = reader.textList(block, "resource");
        keys.forEach(path -> reader.checkFieldPath(path, block.line()));
        resource.forEach(path -> reader.checkFieldPath(path, block.line()));
        return new VigilAttributes(keys, resource, reader.textList(block, "types"));
    }
}
