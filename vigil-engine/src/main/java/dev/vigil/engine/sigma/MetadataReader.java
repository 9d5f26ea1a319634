package dev.vigil.engine.sigma;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the descriptive attributes of a rule, correlation or filter into {@link SigmaMetadata} and checks them
 * against the specification. None of them changes what a rule matches, so every problem here is a warning: the
 * attribute is dropped (or kept as written, where that is harmless) and the rule loads.
 */
final class MetadataReader {

    /** Every top-level attribute Vigil reads; the others are custom attributes. */
    static final Set<String> KNOWN = Set.of("title", "id", "name", "related", "taxonomy", "status", "description",
            "license", "references", "author", "date", "modified", "logsource", "detection", "fields",
            "falsepositives", "level", "tags", "scope", "correlation", "generate", "filter", "vigil", "action");

    private static final Pattern TAG = Pattern.compile("[a-z0-9_-]+\\.[a-z0-9._-]+");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern SIGMA1_DATE = Pattern.compile("\\d{4}/\\d{2}/\\d{2}");
    private static final int MAX_TITLE = 256;
    private static final int MAX_NAME = 256;
    private static final int MAX_DESCRIPTION = 65_535;

    private final AttributeReader reader;

    MetadataReader(AttributeReader reader) {
        this.reader = reader;
    }

    SigmaMetadata read(YamlNode.Mapping doc) {
        checkLengths(doc);
        checkTags(doc);
        return new SigmaMetadata(status(doc), text(doc, "license"), text(doc, "author"), texts(doc, "references"),
                date(doc, "date"), date(doc, "modified"), texts(doc, "fields"), related(doc), texts(doc, "scope"),
                text(doc, "taxonomy"), custom(doc));
    }

    private void checkLengths(YamlNode.Mapping doc) {
        longer(doc, "title", MAX_TITLE);
        longer(doc, "name", MAX_NAME);
        longer(doc, "description", MAX_DESCRIPTION);
    }

    private void longer(YamlNode.Mapping doc, String key, int max) {
        doc.entry(key).ifPresent(e -> {
            if (e.value() instanceof YamlNode.Scalar s && s.text().length() > max) {
                reader.warn(e.line(), "attribute-invalid", "'" + key + "' is " + s.text().length()
                        + " characters long, over Sigma's limit of " + max + "; shorten it (kept as written)");
            }
        });
    }

    private void checkTags(YamlNode.Mapping doc) {
        doc.entry("tags").ifPresent(e -> {
            if (e.value() instanceof YamlNode.Sequence seq) {
                for (YamlNode item : seq.items()) {
                    if (item instanceof YamlNode.Scalar s && !s.isNull() && !TAG.matcher(s.text()).matches()) {
                        reader.warn(item.line(), "attribute-invalid", "tag '" + s.text() + "' does not follow Sigma's"
                                + " tag syntax, lower-case namespace.name such as attack.t1078 (kept as written)");
                    }
                }
            }
        });
    }

    private RuleStatus status(YamlNode.Mapping doc) {
        String text = text(doc, "status");
        if (text == null) {
            return null;
        }
        Optional<RuleStatus> status = RuleStatus.bySigmaName(text);
        if (status.isEmpty()) {
            reader.warn(line(doc, "status"), "attribute-invalid", "status '" + text + "' is not a Sigma status; use"
                    + " stable, test, experimental, deprecated or unsupported (ignored)");
        }
        return status.orElse(null);
    }

    private LocalDate date(YamlNode.Mapping doc, String key) {
        String text = text(doc, key);
        if (text == null) {
            return null;
        }
        int line = line(doc, key);
        boolean sigma1 = SIGMA1_DATE.matcher(text).matches();
        if (!sigma1 && !DATE.matcher(text).matches()) {
            reader.warn(line, "attribute-invalid", "'" + key + "' is '" + text + "'; write the date as YYYY-MM-DD,"
                    + " e.g. 2024-08-08 (ignored)");
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text.replace('/', '-'));
        } catch (DateTimeParseException e) {
            reader.warn(line, "attribute-invalid", "'" + key + "' is '" + text + "', which is not a calendar date"
                    + " (ignored)");
            return null;
        }
        if (sigma1) {
            reader.warn(line, "attribute-invalid", "'" + key + "' uses Sigma 1's YYYY/MM/DD form; Sigma 2 writes "
                    + date + " (read as that date)");
        }
        return date;
    }

    private List<RelatedRule> related(YamlNode.Mapping doc) {
        Optional<YamlNode.Entry> entry = doc.entry("related");
        if (entry.isEmpty() || entry.get().value() instanceof YamlNode.Scalar s && s.isNull()) {
            return List.of();
        }
        if (!(entry.get().value() instanceof YamlNode.Sequence seq)) {
            reader.warn(entry.get().line(), "attribute-invalid", "'related' must be a list of {id, type} entries"
                    + " (ignored)");
            return List.of();
        }
        List<RelatedRule> out = new ArrayList<>();
        for (YamlNode item : seq.items()) {
            Optional<RelatedRule> r = relatedEntry(item);
            r.ifPresent(out::add);
        }
        return out;
    }

    private Optional<RelatedRule> relatedEntry(YamlNode item) {
        if (!(item instanceof YamlNode.Mapping m)) {
            reader.warn(item.line(), "attribute-invalid", "a 'related' entry must be a mapping with id and type"
                    + " (entry ignored)");
            return Optional.empty();
        }
        String id = m.get("id").filter(v -> v instanceof YamlNode.Scalar s && !s.isNull())
                .map(v -> ((YamlNode.Scalar) v).text()).orElse(null);
        String type = m.get("type").filter(v -> v instanceof YamlNode.Scalar s && !s.isNull())
                .map(v -> ((YamlNode.Scalar) v).text()).orElse(null);
        if (id == null || type == null) {
            reader.warn(m.line(), "attribute-invalid", "a 'related' entry needs both 'id' and 'type' (entry ignored)");
            return Optional.empty();
        }
        Optional<RelatedRule.Type> t = RelatedRule.Type.bySigmaName(type);
        if (t.isEmpty()) {
            reader.warn(m.line(), "attribute-invalid", "related type '" + type + "' is not a Sigma relation; use"
                    + " derived, obsolete, merged, renamed or similar (entry ignored)");
            return Optional.empty();
        }
        return Optional.of(new RelatedRule(id, t.get()));
    }

    private Map<String, Object> custom(YamlNode.Mapping doc) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (YamlNode.Entry e : doc.entries()) {
            if (!KNOWN.contains(e.key())) {
                out.put(e.key(), plain(e.value()));
            }
        }
        return out;
    }

    /** A YAML node as plain Java values; the reader's depth limit bounds the recursion. */
    private static Object plain(YamlNode node) {
        return switch (node) {
            case YamlNode.Scalar s -> s.isNull() ? null : s.text();
            case YamlNode.Sequence seq -> {
                List<Object> items = new ArrayList<>(seq.items().size());
                seq.items().forEach(i -> items.add(plain(i)));
                yield Collections.unmodifiableList(items);
            }
            case YamlNode.Mapping m -> {
                Map<String, Object> map = new LinkedHashMap<>();
                m.entries().forEach(e -> map.put(e.key(), plain(e.value())));
                yield Collections.unmodifiableMap(map);
            }
        };
    }

    /** A text attribute; absent or null → null; another shape → a warning and null. */
    private String text(YamlNode.Mapping doc, String key) {
        Optional<YamlNode.Entry> e = doc.entry(key);
        if (e.isEmpty()) {
            return null;
        }
        if (e.get().value() instanceof YamlNode.Scalar s) {
            return s.isNull() ? null : s.text();
        }
        reader.warn(e.get().line(), "attribute-invalid", "'" + key + "' must be text, found "
                + YamlNode.describe(e.get().value()) + " (ignored)");
        return null;
    }

    /** A list of texts (a single text is a list of one); another shape → a warning and an empty list. */
    private List<String> texts(YamlNode.Mapping doc, String key) {
        Optional<YamlNode.Entry> e = doc.entry(key);
        if (e.isEmpty()) {
            return List.of();
        }
        YamlNode v = e.get().value();
        if (v instanceof YamlNode.Scalar s) {
            return s.isNull() ? List.of() : List.of(s.text());
        }
        if (v instanceof YamlNode.Sequence seq
                && seq.items().stream().allMatch(i -> i instanceof YamlNode.Scalar sc && !sc.isNull())) {
            return seq.items().stream().map(i -> ((YamlNode.Scalar) i).text()).toList();
        }
        reader.warn(e.get().line(), "attribute-invalid", "'" + key + "' must be a list of texts (ignored)");
        return List.of();
    }

    private static int line(YamlNode.Mapping doc, String key) {
        return doc.entry(key).map(YamlNode.Entry::line).orElse(doc.line());
    }
}
