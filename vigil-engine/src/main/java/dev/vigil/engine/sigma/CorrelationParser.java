package dev.vigil.engine.sigma;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads the {@code correlation} section of a Sigma correlation rule. */
final class CorrelationParser {


    private final AttributeReader reader;

    CorrelationParser(AttributeReader reader) {
        this.reader = reader;
    }

    /** The parsed {@code correlation} section and {@code generate}. */
    record Section(CorrelationType type, List<String> rules, List<String> groupBy,
                   Map<String, Map<String, String>> aliases, Duration timespan, CountCondition condition,
                   String field, BigDecimal percentile, boolean generate) {
    }

    private static final Set<String> ATTRIBUTES = Set.of("type", "rules", "group-by", "timespan", "condition",
            "generate", "aliases");

    /** The section, or null after reporting its problems. */
    Section parse(YamlNode.Mapping doc) {
        YamlNode.Entry entry = doc.entry("correlation").orElseThrow();
        if (!(entry.value() instanceof YamlNode.Mapping c)) {
            reader.error(entry.line(), "correlation-invalid", "'correlation' must be a mapping (type, rules, group-by,"
                    + " timespan, condition)");
            return null;
        }
        for (YamlNode.Entry e : c.entries()) {
            if (!ATTRIBUTES.contains(e.key())) {
                reader.error(e.line(), "correlation-invalid", "unknown correlation attribute '" + e.key()
                        + "'; expected type, rules, group-by, timespan, condition, aliases, generate");
            }
        }
        CorrelationType type = null;
        Optional<String> typeText = reader.text(c, "type");
        if (typeText.isEmpty()) {
            reader.error(c.line(), "correlation-invalid", "missing correlation 'type' (" + CorrelationType.names() + ")");
        } else {
            type = CorrelationType.bySigmaName(typeText.get()).orElse(null);
            if (type == null) {
                reader.error(c.entry("type").orElseThrow().line(), "correlation-invalid", "unknown correlation type '"
                        + typeText.get() + "'; use one of " + CorrelationType.names());
            }
        }
        List<String> rules = reader.textList(c, "rules");
        if (rules.isEmpty()) {
            reader.error(c.line(), "correlation-invalid", "missing 'rules': list the names or ids of the rules to count");
        }
        List<String> groupBy = reader.textList(c, "group-by");
        Map<String, Map<String, String>> aliases = aliases(c, rules);
        groupBy.forEach(g -> {
            if (!aliases.containsKey(g)) {
                reader.checkFieldPath(g, c.line());
            }
        });
        aliases.keySet().stream().filter(a -> !groupBy.contains(a)).forEach(a -> reader.error(
                c.entry("aliases").orElseThrow().line(), "correlation-invalid", "alias '" + a
                        + "' is not used in group-by; aliases name group-by fields"));
        Duration timespan = timespan(c);
        Condition cond = condition(c, type, rules);
        if (type != null && type.temporal() && new HashSet<>(rules).size() < 2) {
            reader.error(c.line(), "correlation-invalid", type.sigmaName()
                    + " relates several rules: list at least two different rules");
        }
        boolean generate = reader.bool(doc, "generate") || reader.bool(c, "generate");
        if (type == null || rules.isEmpty() || timespan == null || cond == null) {
            return null;
        }
        return new Section(type, rules, groupBy, aliases, timespan, cond.bounds(), cond.field(), cond.percentile(),
                generate);
    }

    private record Condition(CountCondition bounds, String field, BigDecimal percentile) {
    }

    /** The condition, a default one where the type allows none, or null after reporting problems. */
    private Condition condition(YamlNode.Mapping c, CorrelationType type, List<String> rules) {
        Optional<YamlNode.Entry> condEntry = c.entry("condition");
        if (condEntry.isEmpty() && type != null && type.temporal()) {
            // temporal: every listed rule must match; temporal_ordered: in order
            return new Condition(CountCondition.of(CountCondition.Operator.GTE,
                    new LinkedHashSet<>(rules).size()), null, null);
        }
        if (condEntry.isEmpty() || !(condEntry.get().value() instanceof YamlNode.Mapping cond)) {
            reader.error(condEntry.map(YamlNode.Entry::line).orElse(c.line()), "correlation-invalid",
                    "missing or invalid 'condition': write a mapping such as {gte: 5}");
            return null;
        }
        if (type == CorrelationType.TEMPORAL_ORDERED) {
            reader.error(condEntry.get().line(), "correlation-invalid", "temporal_ordered takes no condition: every"
                    + " listed rule must match, in the listed order; use temporal for 'n of these rules'");
            return null;
        }
        String field = null;
        BigDecimal percentile = null;
        Map<CountCondition.Operator, BigDecimal> bounds = new EnumMap<>(CountCondition.Operator.class);
        boolean ok = true;
        for (YamlNode.Entry e : cond.entries()) {
            if (e.key().equals("field")) {
                field = e.value() instanceof YamlNode.Scalar s && s.kind() == YamlNode.Kind.STRING
                        && !s.text().isBlank() ? s.text() : null;
                if (field == null) {
                    reader.error(e.line(), "correlation-invalid", "condition 'field' must name one field");
                    ok = false;
                } else {
                    ok &= reader.checkFieldPath(field, e.line());
                }
                continue;
            }
            if (e.key().equals("percentile")) {
                percentile = number(e);
                if (percentile == null || percentile.signum() <= 0 || percentile.compareTo(HUNDRED) > 0) {
                    reader.error(e.line(), "correlation-invalid", "'percentile' must be a number above 0 and at most"
                            + " 100, e.g. percentile: 95");
                    ok = false;
                }
                continue;
            }
            CountCondition.Operator op = null;
            for (CountCondition.Operator o : CountCondition.Operator.values()) {
                if (o.sigmaName().equals(e.key())) {
                    op = o;
                }
            }
            BigDecimal bound = number(e);
            if (op == null) {
                reader.error(e.line(), "correlation-invalid", "unknown condition '" + e.key()
                        + "'; use gt, gte, lt, lte or eq (and field, percentile where the type measures a field)");
                ok = false;
            } else if (bound == null || (type != null && !type.numeric() && (bound.signum() < 0
                    || bound.stripTrailingZeros().scale() > 0))) {
                reader.error(e.line(), "correlation-invalid", "condition '" + e.key() + "' needs "
                        + (type != null && type.numeric() ? "a number" : "a whole number ≥ 0"));
                ok = false;
            } else {
                bounds.put(op, bound);
            }
        }
        if (bounds.isEmpty()) {
            if (ok) {
                reader.error(cond.line(), "correlation-invalid", "the condition needs a bound such as gte: 5");
            }
            return null;
        }
        if (type == null) {
            return null;
        }
        int line = condEntry.get().line();
        if (type.needsField() && field == null) {
            reader.error(line, "correlation-invalid", type.sigmaName() + " needs 'field' in its condition: the field"
                    + (type == CorrelationType.VALUE_COUNT ? " whose distinct values are counted" : " it measures"));
            return null;
        }
        if (!type.needsField() && field != null) {
            reader.error(line, "correlation-invalid", type.sigmaName() + " takes no 'field'; value_count counts"
                    + " distinct values, value_sum, value_avg and value_percentile measure a numeric field");
            return null;
        }
        if (type == CorrelationType.VALUE_PERCENTILE && percentile == null) {
            reader.error(line, "correlation-invalid", "value_percentile needs 'percentile' in its condition, e.g."
                    + " percentile: 95");
            return null;
        }
        if (type != CorrelationType.VALUE_PERCENTILE && percentile != null) {
            reader.error(line, "correlation-invalid", "'percentile' only applies to value_percentile");
            return null;
        }
        return ok ? new Condition(new CountCondition(bounds), field, percentile) : null;
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** A YAML number as an exact decimal, or null. */
    private static BigDecimal number(YamlNode.Entry e) {
        if (e.value() instanceof YamlNode.Scalar s && s.kind() == YamlNode.Kind.NUMBER && s.text().length() <= 40) {
            try {
                return new BigDecimal(s.text());
            } catch (NumberFormatException ex) {
                return null;
            }
        }
        return null;
    }

    /** {@code aliases}: alias → (rule name → field). */
    private Map<String, Map<String, String>> aliases(YamlNode.Mapping c, List<String> rules) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        Optional<YamlNode.Entry> entry = c.entry("aliases");
        if (entry.isEmpty()) {
            return out;
        }
        if (!(entry.get().value() instanceof YamlNode.Mapping m)) {
            reader.error(entry.get().line(), "correlation-invalid", "'aliases' must map each alias to"
                    + " {rule name: field}");
            return out;
        }
        for (YamlNode.Entry alias : m.entries()) {
            if (!(alias.value() instanceof YamlNode.Mapping byRule)) {
                reader.error(alias.line(), "correlation-invalid", "alias '" + alias.key() + "' must map rule names"
                        + " to fields, e.g. {failed_login: userIdentity.arn}");
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (YamlNode.Entry r : byRule.entries()) {
                String field = r.value() instanceof YamlNode.Scalar s && s.kind() == YamlNode.Kind.STRING
                        ? s.text() : "";
                if (field.isBlank()) {
                    reader.error(r.line(), "correlation-invalid", "alias '" + alias.key() + "' for rule '" + r.key()
                            + "' must name one field");
                    continue;
                }
                if (!rules.contains(r.key())) {
                    reader.error(r.line(), "correlation-invalid", "alias '" + alias.key() + "' names rule '" + r.key()
                            + "', which this correlation does not list in 'rules'");
                    continue;
                }
                if (reader.checkFieldPath(field, r.line())) {
                    fields.put(r.key(), field);
                }
            }
            out.put(alias.key(), fields);
        }
        return out;
    }

    private Duration timespan(YamlNode.Mapping c) {
        Optional<YamlNode.Entry> entry = c.entry("timespan");
        if (entry.isEmpty()) {
            reader.error(c.line(), "correlation-invalid", "missing 'timespan', e.g. timespan: 5m (s, m, h, d or w)");
            return null;
        }
        String t = entry.get().value() instanceof YamlNode.Scalar s ? s.text().strip() : "";
        Duration d = SigmaTimespan.parse(t, "smhdw");
        if (d == null) {
            reader.error(entry.get().line(), "correlation-invalid", "timespan '" + t
                    + "' is not a number followed by s, m, h, d or w, e.g. 5m");
            return null;
        }
        if (!SigmaTimespan.inRange(d)) {
            reader.error(entry.get().line(), "correlation-invalid", "timespan '" + t + "' must be more than 0 and at most "
                    + SigmaRuleParser.MAX_TIMESPAN.toDays() + "d");
            return null;
        }
        return d;
    }
}
