package dev.vigil.engine.sigma;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a rule's {@code logsource} and {@code detection} sections: search identifiers, field conditions with their
 * typed values and modifier chains, and the condition.
 */
final class DetectionParser {

    private static final Set<String> CONDITION_WORDS = Set.of("and", "or", "not", "of", "them", "1", "all");

    private final AttributeReader reader;
    private final ModifierContext context;

    DetectionParser(AttributeReader reader, ModifierContext context) {
        this.reader = reader;
        this.context = context;
    }

    LogSource logSource(YamlNode.Mapping doc) {
        Optional<YamlNode.Entry> entry = doc.entry("logsource");
        if (entry.isEmpty()) {
            reader.error(doc.line(), "rule-invalid", "missing 'logsource': say which events the rule reads, e.g."
                    + " product: aws, service: cloudtrail");
            return null;
        }
        if (!(entry.get().value() instanceof YamlNode.Mapping ls)) {
            reader.error(entry.get().line(), "rule-invalid", "'logsource' must be a mapping (product, service, category)");
            return null;
        }
        int before = reader.problemCount();
        LogSource logSource = new LogSource(reader.text(ls, "product").orElse(null),
                reader.text(ls, "service").orElse(null), reader.text(ls, "category").orElse(null),
                reader.text(ls, "definition").orElse(null));
        if (reader.problemCount() != before) {
            return null;
        }
        if (logSource.knownSources().isEmpty()) {
            // Sigma rule collections hold rules for many products: load them, but say why they stay silent
            reader.warn(entry.get().line(), "logsource-unknown", "logsource " + logSource.describe()
                    + " selects none of Vigil's log sources (" + VigilLogSources.names() + "): it is loaded but"
                    + " never matches any event. Check product, service and category");
        }
        return logSource;
    }

    /**
     * A rule's {@code detection} section.
     *
     * @param detection   searches and condition
     * @param aggregation the Sigma 1 aggregation the condition ends with ({@code | count() ...}), or null
     */
    record ParsedDetection(Detection detection, LegacyAggregation aggregation) {
    }

    /** The rule's {@code detection} section, or null after reporting its problems. */
    ParsedDetection detection(YamlNode.Mapping doc) {
        return section(doc.entry("detection").orElseThrow(), true);
    }

    /** A filter's {@code filter} section without its {@code rules}, or null after reporting its problems. */
    Detection filter(YamlNode.Entry entry) {
        ParsedDetection parsed = section(entry, false);
        return parsed == null ? null : parsed.detection();
    }

    private ParsedDetection section(YamlNode.Entry entry, boolean rule) {
        String name = entry.key();
        if (!(entry.value() instanceof YamlNode.Mapping section)) {
            reader.error(entry.line(), "rule-invalid", "'" + name + "' must be a mapping of search identifiers and a"
                    + " condition");
            return null;
        }
        Map<String, SearchIdentifier> searches = new LinkedHashMap<>();
        YamlNode.Entry timeframe = null;
        boolean ok = true;
        for (YamlNode.Entry e : section.entries()) {
            if (e.key().equals("condition") || !rule && e.key().equals("rules")) {
                continue;
            }
            if (e.key().equals("timeframe")) {
                if (rule) {
                    timeframe = e;
                } else {
                    reader.error(e.line(), "rule-invalid", "a filter has no 'timeframe': it only suppresses single"
                            + " events");
                    ok = false;
                }
                continue;
            }
            if (!validIdentifier(e.key())) {
                reader.error(e.line(), "rule-invalid", "'" + e.key() + "' cannot be a search identifier: use letters,"
                        + " digits, '_', '-' or '.', and not a condition keyword");
                ok = false;
                continue;
            }
            SearchIdentifier search = search(e);
            if (search == null) {
                ok = false;
            } else {
                searches.put(e.key(), search);
            }
        }
        Optional<YamlNode.Entry> conditionEntry = section.entry("condition");
        if (conditionEntry.isEmpty()) {
            reader.error(section.line(), "condition-invalid", "missing 'condition' in " + name
                    + ", e.g. condition: selection");
            return null;
        }
        if (searches.isEmpty() && ok) {
            reader.error(section.line(), "rule-invalid", name + " has no search identifier");
            return null;
        }
        if (!ok) {
            return null;
        }
        YamlNode conditionNode = conditionEntry.get().value();
        List<String> texts = new ArrayList<>();
        if (conditionNode instanceof YamlNode.Scalar s && s.kind() == YamlNode.Kind.STRING) {
            texts.add(s.text());
        } else if (conditionNode instanceof YamlNode.Sequence seq && !seq.items().isEmpty()
                && seq.items().stream().allMatch(i -> i instanceof YamlNode.Scalar sc && sc.kind() == YamlNode.Kind.STRING)) {
            seq.items().forEach(i -> texts.add(((YamlNode.Scalar) i).text()));
        } else {
            reader.error(conditionNode.line(), "condition-invalid", "'condition' must be text or a list of texts");
            return null;
        }
        if (rule && texts.stream().anyMatch(t -> t.indexOf('|') >= 0)) {
            return aggregated(texts, searches, timeframe, conditionNode.line());
        }
        if (timeframe != null) {
            reader.warn(timeframe.line(), "attribute-ignored", "'timeframe' only applies to a Sigma 1 aggregation"
                    + " ('| count() ...') in the condition, and this condition has none; it is ignored");
        }
        List<Condition> conditions = new ArrayList<>();
        for (String text : texts) {
            try {
                conditions.add(ConditionParser.parse(text, searches.keySet()));
            } catch (ConditionException e) {
                reader.error(conditionNode.line(), "condition-invalid", e.getMessage());
                return null;
            }
        }
        Condition condition = conditions.size() == 1 ? conditions.getFirst() : new Condition.Or(conditions);
        return new ParsedDetection(new Detection(searches, condition), null);
    }

    /** A Sigma 1 condition {@code search | aggregation}, which the caller turns into a correlation. */
    private ParsedDetection aggregated(List<String> texts, Map<String, SearchIdentifier> searches,
                                       YamlNode.Entry timeframe, int conditionLine) {
        if (texts.size() != 1) {
            reader.error(conditionLine, "condition-invalid", "a list of conditions cannot hold a Sigma 1 aggregation"
                    + " ('|'); write the aggregating condition alone, or a correlation rule");
            return null;
        }
        if (timeframe == null) {
            reader.error(conditionLine, "condition-invalid", "the Sigma 1 aggregation needs a 'timeframe' in detection,"
                    + " e.g. timeframe: 10m; Vigil turns it into a correlation with that timespan");
            return null;
        }
        String text = texts.getFirst();
        int bar = text.indexOf('|');
        if (text.indexOf('|', bar + 1) >= 0) {
            reader.error(conditionLine, "condition-invalid", "condition '" + text + "' has more than one '|'; a Sigma 1"
                    + " condition ends with one aggregation");
            return null;
        }
        Duration timespan;
        try {
            timespan = LegacyAggregationParser.timeframe(timeframe.value() instanceof YamlNode.Scalar s
                    ? s.text() : YamlNode.describe(timeframe.value()));
        } catch (ConditionException e) {
            reader.error(timeframe.line(), "condition-invalid", e.getMessage());
            return null;
        }
        try {
            Condition condition = ConditionParser.parse(text.substring(0, bar), searches.keySet());
            LegacyAggregation aggregation = LegacyAggregationParser.parse(text.substring(bar + 1), timespan,
                    searches.keySet());
            return new ParsedDetection(new Detection(searches, condition), aggregation);
        } catch (ConditionException e) {
            reader.error(conditionLine, "condition-invalid", e.getMessage());
            return null;
        }
    }

    private static boolean validIdentifier(String id) {
        if (id.isEmpty() || CONDITION_WORDS.contains(id.toLowerCase(Locale.ROOT))) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    private SearchIdentifier search(YamlNode.Entry entry) {
        YamlNode node = entry.value();
        switch (node) {
            case YamlNode.Mapping map -> {
                return fieldMap(map);
            }
            case YamlNode.Sequence seq when seq.items().isEmpty() -> {
                reader.error(seq.line(), "rule-invalid", "search '" + entry.key() + "' is an empty list");
                return null;
            }
            case YamlNode.Sequence seq when seq.items().stream().allMatch(i -> i instanceof YamlNode.Mapping) -> {
                List<SearchIdentifier.FieldMap> alternatives = new ArrayList<>();
                for (YamlNode item : seq.items()) {
                    SearchIdentifier.FieldMap m = fieldMap((YamlNode.Mapping) item);
                    if (m == null) {
                        return null;
                    }
                    alternatives.add(m);
                }
                return new SearchIdentifier.MapList(alternatives);
            }
            case YamlNode.Sequence seq when seq.items().stream().allMatch(i -> i instanceof YamlNode.Scalar) -> {
                FieldCondition keywords = fieldCondition(null, List.of(), seq, seq.line());
                return keywords == null ? null : new SearchIdentifier.Keywords(keywords);
            }
            case YamlNode.Sequence seq -> {
                reader.error(seq.line(), "rule-invalid", "search '" + entry.key()
                        + "' mixes maps and plain values; use either a list of maps or a list of keywords");
                return null;
            }
            case YamlNode.Scalar s when !s.isNull() -> {
                FieldCondition keywords = fieldCondition(null, List.of(), s, s.line());
                return keywords == null ? null : new SearchIdentifier.Keywords(keywords);
            }
            case YamlNode.Scalar s -> {
                reader.error(s.line(), "rule-invalid", "search '" + entry.key() + "' is empty");
                return null;
            }
        }
    }

    private SearchIdentifier.FieldMap fieldMap(YamlNode.Mapping map) {
        if (map.entries().isEmpty()) {
            reader.error(map.line(), "rule-invalid", "a search map is empty");
            return null;
        }
        List<FieldCondition> conditions = new ArrayList<>();
        boolean ok = true;
        for (YamlNode.Entry e : map.entries()) {
            String[] parts = e.key().split("\\|", -1);
            String field = parts[0].isEmpty() ? null : parts[0];
            if (field != null && !reader.checkFieldPath(field, e.line())) {
                ok = false;
                continue;
            }
            List<String> modifiers = List.of(parts).subList(1, parts.length);
            FieldCondition c = fieldCondition(field, modifiers, e.value(), e.line());
            if (c == null) {
                ok = false;
            } else {
                conditions.add(c);
            }
        }
        return ok ? new SearchIdentifier.FieldMap(conditions) : null;
    }

    private FieldCondition fieldCondition(String field, List<String> modifiers, YamlNode valueNode, int line) {
        String label = (field == null ? "keywords" : field) + (modifiers.isEmpty() ? "" : "|" + String.join("|", modifiers));
        List<SigmaValue> values = new ArrayList<>();
        if (valueNode instanceof YamlNode.Scalar s) {
            values.add(value(s));
        } else if (valueNode instanceof YamlNode.Sequence seq && !seq.items().isEmpty()
                && seq.items().stream().allMatch(i -> i instanceof YamlNode.Scalar)) {
            seq.items().forEach(i -> values.add(value((YamlNode.Scalar) i)));
        } else {
            reader.error(valueNode.line(), "rule-invalid", "'" + label + "' must have a value or a non-empty list of values,"
                    + " found " + YamlNode.describe(valueNode));
            return null;
        }
        ModifiedValues current = new ModifiedValues(values, false);
        for (String name : modifiers) {
            Optional<Modifier> modifier = Modifiers.byName(name);
            if (modifier.isEmpty()) {
                reader.error(line, "modifier-invalid", "'" + label + "': " + Modifiers.unknownMessage(name));
                return null;
            }
            try {
                current = modifier.get().apply(current, context);
            } catch (ModifierException e) {
                reader.error(line, "modifier-invalid", "'" + label + "': " + e.getMessage());
                return null;
            }
        }
        String problem = chainProblem(field, current);
        if (problem != null) {
            reader.error(line, "modifier-invalid", "'" + label + "': " + problem);
            return null;
        }
        SigmaValue nonKeyword = field == null ? nonKeyword(current) : null;
        if (nonKeyword != null) {
            reader.error(line, "rule-invalid", "keyword searches take text or regular expressions, not "
                    + nonKeyword.describe());
            return null;
        }
        List<SigmaValue> finalValues = current.values();
        if (!current.all()) {
            // without 'all' the alternatives of a value are just more values of the OR
            finalValues = finalValues.stream().flatMap(v -> SigmaAnyOf.alternativesOf(v).stream()).toList();
        }
        return new FieldCondition(field, modifiers, finalValues, current.all(), current.negated(),
                new RuleSource(reader.origin(), line));
    }

    /** What is wrong with the values a whole modifier chain left, or null when they can be matched. */
    private static String chainProblem(String field, ModifiedValues current) {
        List<SigmaValue> flat = current.values().stream()
                .flatMap(v -> SigmaAnyOf.alternativesOf(v).stream()).toList();
        if (current.all() && current.values().size() < 2) {
            return "'all' needs a list of at least two values; for one value drop 'all'";
        }
        boolean hasExists = flat.stream().anyMatch(v -> v instanceof SigmaExists);
        if (hasExists && current.values().size() != 1) {
            return "'exists' takes a single true or false";
        }
        for (SigmaValue v : flat) {
            if (v instanceof SigmaBytes b) {
                return b.describe() + " is bytes, not text: the encoding modifiers (utf16le, utf16be, utf16, wide)"
                        + " are followed by base64 or base64offset, e.g. field|wide|base64offset|contains: text";
            }
            if (v instanceof SigmaTimePart t && TimePartModifier.impossible(t) != null) {
                return TimePartModifier.impossible(t);
            }
        }
        if (current.negated()) {
            if (field == null) {
                return "'neq' applies to a field; for keywords, put them in their own search and use 'not' in the"
                        + " condition";
            }
            if (current.all()) {
                return "'neq' already means the field equals none of the values; drop 'all'";
            }
            if (hasExists) {
                return "'neq' does not combine with 'exists'; write exists: false instead";
            }
        }
        return null;
    }

    /** The first value a keyword search cannot look for in the raw record, or null. */
    private static SigmaValue nonKeyword(ModifiedValues current) {
        for (SigmaValue group : current.values()) {
            for (SigmaValue v : SigmaAnyOf.alternativesOf(group)) {
                if (!(v instanceof SigmaString || v instanceof SigmaNumber || v instanceof SigmaBoolean
                        || v instanceof SigmaRegex)) {
                    return v;
                }
            }
        }
        return null;
    }

    private static SigmaValue value(YamlNode.Scalar s) {
        return switch (s.kind()) {
            case STRING -> SigmaString.parse(s.text());
            case NUMBER -> SigmaNumber.parse(s.text()).<SigmaValue>map(n -> n).orElseGet(() -> SigmaString.parse(s.text()));
            case BOOLEAN -> new SigmaBoolean(Boolean.parseBoolean(s.text().toLowerCase(Locale.ROOT)));
            case NULL -> new SigmaNull();
        };
    }
}
