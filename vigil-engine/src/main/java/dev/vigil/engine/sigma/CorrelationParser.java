package dev.vigil.engine.sigma;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the {@code correlation} section of a Sigma correlation rule. */
final class CorrelationParser {

    private static final Pattern TIMESPAN = Pattern.compile("(\\d{1,9})([smhd])");

    private final AttributeReader reader;

    CorrelationParser(AttributeReader reader) {
        this.reader = reader;
    }

    /** The parsed {@code correlation} section and {@code generate}. */
    record Section(CorrelationType type, List<String> rules, List<String> groupBy, Duration timespan,
                   CountCondition condition, String field, boolean generate) {
    }

    /** The section, or null after reporting its problems. */
    Section parse(YamlNode.Mapping doc) {
        YamlNode.Entry entry = doc.entry("correlation").orElseThrow();
        if (!(entry.value() instanceof YamlNode.Mapping c)) {
            reader.error(entry.line(), "correlation-invalid", "'correlation' must be a mapping (type, rules, group-by,"
                    + " timespan, condition)");
            return null;
        }
        for (YamlNode.Entry e : c.entries()) {
            if (!Set.of("type", "rules", "group-by", "timespan", "condition", "generate", "aliases").contains(e.key())) {
                reader.error(e.line(), "correlation-invalid", "unknown correlation attribute '" + e.key()
                        + "'; expected type, rules, group-by, timespan, condition, generate");
            }
        }
        if (c.has("aliases")) {
            reader.error(c.entry("aliases").orElseThrow().line(), "correlation-invalid",
                    "correlation field aliases are not supported by Vigil yet");
        }
        CorrelationType type = null;
        Optional<String> typeText = reader.text(c, "type");
        if (typeText.isEmpty()) {
            reader.error(c.line(), "correlation-invalid", "missing correlation 'type' (event_count or value_count)");
        } else {
            type = CorrelationType.bySigmaName(typeText.get()).orElse(null);
            if (type == null) {
                boolean later = typeText.get().equals("temporal") || typeText.get().equals("temporal_ordered");
                reader.error(c.entry("type").orElseThrow().line(), "correlation-invalid", later
                        ? "correlation type '" + typeText.get() + "' is not supported by Vigil yet;"
                        + " event_count and value_count are"
                        : "unknown correlation type '" + typeText.get() + "'; use event_count or value_count");
            }
        }
        List<String> rules = reader.textList(c, "rules");
        if (rules.isEmpty()) {
            reader.error(c.line(), "correlation-invalid", "missing 'rules': list the names or ids of the rules to count");
        }
        List<String> groupBy = reader.textList(c, "group-by");
        groupBy.forEach(g -> reader.checkFieldPath(g, c.line()));
        Duration timespan = timespan(c);
        String field = null;
        CountCondition condition = null;
        Optional<YamlNode.Entry> condEntry = c.entry("condition");
        if (condEntry.isEmpty() || !(condEntry.get().value() instanceof YamlNode.Mapping cond)) {
            reader.error(condEntry.map(YamlNode.Entry::line).orElse(c.line()), "correlation-invalid",
                    "missing or invalid 'condition': write a mapping such as {gte: 5}");
        } else {
            Map<CountCondition.Operator, Long> bounds = new EnumMap<>(CountCondition.Operator.class);
            for (YamlNode.Entry e : cond.entries()) {
                if (e.key().equals("field")) {
                    field = e.value() instanceof YamlNode.Scalar s && s.kind() == YamlNode.Kind.STRING
                            && !s.text().isBlank() ? s.text() : null;
                    if (field == null) {
                        reader.error(e.line(), "correlation-invalid", "condition 'field' must name one field");
                    } else {
                        reader.checkFieldPath(field, e.line());
                    }
                    continue;
                }
                CountCondition.Operator op = null;
                for (CountCondition.Operator o : CountCondition.Operator.values()) {
                    if (o.sigmaName().equals(e.key())) {
                        op = o;
                    }
                }
                Long bound = e.value() instanceof YamlNode.Scalar s && s.kind() == YamlNode.Kind.NUMBER
                        && s.text().matches("\\d{1,18}") ? Long.valueOf(s.text()) : null;
                if (op == null) {
                    reader.error(e.line(), "correlation-invalid", "unknown condition '" + e.key()
                            + "'; use gt, gte, lt, lte or eq");
                } else if (bound == null) {
                    reader.error(e.line(), "correlation-invalid", "condition '" + e.key() + "' needs a whole number ≥ 0");
                } else {
                    bounds.put(op, bound);
                }
            }
            if (bounds.isEmpty()) {
                reader.error(cond.line(), "correlation-invalid", "the condition needs a bound such as gte: 5");
            } else {
                condition = new CountCondition(bounds);
            }
        }
        if (type == CorrelationType.VALUE_COUNT && field == null && condEntry.isPresent()) {
            reader.error(condEntry.get().line(), "correlation-invalid", "value_count needs 'field' in its condition:"
                    + " the field whose distinct values are counted");
        }
        if (type == CorrelationType.EVENT_COUNT && field != null) {
            reader.error(condEntry.get().line(), "correlation-invalid", "event_count takes no 'field'; use value_count"
                    + " to count distinct values");
        }
        boolean generate = reader.bool(doc, "generate") || reader.bool(c, "generate");
        if (type == null || rules.isEmpty() || timespan == null || condition == null) {
            return null;
        }
        return new Section(type, rules, groupBy, timespan, condition,
                type == CorrelationType.VALUE_COUNT ? field : null, generate);
    }

    private Duration timespan(YamlNode.Mapping c) {
        Optional<YamlNode.Entry> entry = c.entry("timespan");
        if (entry.isEmpty()) {
            reader.error(c.line(), "correlation-invalid", "missing 'timespan', e.g. timespan: 5m (s, m, h or d)");
            return null;
        }
        String t = entry.get().value() instanceof YamlNode.Scalar s ? s.text().strip() : "";
        Matcher m = TIMESPAN.matcher(t);
        if (!m.matches()) {
            reader.error(entry.get().line(), "correlation-invalid", "timespan '" + t
                    + "' is not a number followed by s, m, h or d, e.g. 5m");
            return null;
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
        if (d.isZero() || d.compareTo(SigmaRuleParser.MAX_TIMESPAN) > 0) {
            reader.error(entry.get().line(), "correlation-invalid", "timespan '" + t + "' must be more than 0 and at most "
                    + SigmaRuleParser.MAX_TIMESPAN.toDays() + "d");
            return null;
        }
        return d;
    }
}
