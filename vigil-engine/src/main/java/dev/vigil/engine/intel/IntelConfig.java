package dev.vigil.engine.intel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.vigil.model.Problem;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads intel.yaml: a list of sets (alone, or under a top-level {@code sets:} key), each a mapping of {@code name},
 * {@code file}, {@code format}, {@code category}, {@code confidence}, {@code expires} and {@code custom}. Strict: an
 * unknown key, a missing name or file, or a bad value is a problem at its line, and that set is left out (the others
 * load). Files over 1 MiB, anchors and aliases are refused.
 */
final class IntelConfig {

    static final long MAX_BYTES = 1024 * 1024;
    static final int DEFAULT_CONFIDENCE = 50;
    private static final Set<String> KEYS = Set.of("name", "file", "format", "category", "confidence", "expires",
            "custom");
    private static final YAMLFactory YAML = YAMLFactory.builder()
            .loaderOptions(loaderOptions())
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8).maxStringLength(64 * 1024)
                    .build())
            .build();

    /**
     * One configured set. {@code expires} is epoch seconds, {@link Long#MAX_VALUE} for none; {@code category} null
     * means "from the format": tor-exit for Tor lists, malicious otherwise.
     */
    record SetSpec(String name, Path file, IntelFormat format, IntelCategory category, int confidence, long expires,
                   boolean custom, String origin) {
    }

    private IntelConfig() {
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions o = new LoaderOptions();
        o.setMaxAliasesForCollections(1);
        o.setAllowRecursiveKeys(false);
        o.setNestingDepthLimit(8);
        o.setCodePointLimit((int) MAX_BYTES);
        return o;
    }

    static List<SetSpec> read(Path yaml, String display, Consumer<Problem> problems) {
        List<SetSpec> sets = new ArrayList<>();
        try {
            if (Files.size(yaml) > MAX_BYTES) {
                problems.accept(new Problem(display, "file-too-large", "intel configuration larger than 1 MiB"));
                return sets;
            }
            try (YAMLParser p = (YAMLParser) YAML.createParser(Files.readString(yaml))) {
                JsonToken t = p.nextToken();
                if (t == null) {
                    return sets;
                }
                if (t == JsonToken.START_OBJECT && p.nextToken() == JsonToken.FIELD_NAME
                        && p.currentName().equals("sets")) {
                    t = p.nextToken(); // the list may also stand under a single top-level key "sets:"
                }
                if (t != JsonToken.START_ARRAY) {
                    problems.accept(new Problem(display + "#line " + line(p), "invalid-config",
                            "intel.yaml must be a list of sets ('- name: …' entries), alone or under 'sets:'"));
                    return sets;
                }
                while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
                    String at = display + "#line " + line(p);
                    if (t != JsonToken.START_OBJECT) {
                        p.skipChildren();
                        problems.accept(new Problem(at, "invalid-config", "each set is a mapping of name, file, …"));
                        continue;
                    }
                    Map<String, Value> entries = mapping(p, display, problems);
                    if (entries != null) {
                        SetSpec spec = spec(entries, yaml, at, display, problems);
                        if (spec != null) {
                            sets.add(spec);
                        }
                    }
                }
                if (p.getParsingContext().inObject() && p.nextToken() == JsonToken.FIELD_NAME) {
                    problems.accept(new Problem(display + "#line " + line(p), "unknown-key", "unknown top-level key '"
                            + SetLoad.clean(p.currentName()) + "'; intel.yaml holds only 'sets:'"));
                }
            }
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            problems.accept(new Problem(display + "#line " + line, "invalid-yaml",
                    "invalid YAML: " + SetLoad.clean(e.getOriginalMessage())));
        } catch (IOException e) {
            problems.accept(new Problem(display, "unreadable", "cannot read: " + e.getMessage()));
        }
        return sets;
    }

    private record Value(String text, JsonToken token, long line) {
    }

    private static long line(YAMLParser p) {
        return p.currentTokenLocation().getLineNr();
    }

    /** The flat mapping of one set, or null after reporting a structural error. */
    private static Map<String, Value> mapping(YAMLParser p, String display, Consumer<Problem> problems)
            throws IOException {
        Map<String, Value> out = new LinkedHashMap<>();
        boolean ok = true;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            long keyLine = line(p);
            JsonToken v = p.nextToken();
            String at = display + "#line " + keyLine;
            if (p.getObjectId() != null || p.isCurrentAlias()) {
                problems.accept(new Problem(at, "invalid-config", "anchors and aliases are not allowed"));
                ok = false;
            } else if (!KEYS.contains(key)) {
                problems.accept(new Problem(at, "unknown-key", "unknown key '" + SetLoad.clean(key)
                        + "'; a set has name, file, format, category, confidence, expires, custom"));
                ok = false;
            } else if (out.containsKey(key)) {
                problems.accept(new Problem(at, "duplicate-key", "key '" + key + "' given twice"));
                ok = false;
            } else if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                problems.accept(new Problem(at, "invalid-value", "'" + key + "' takes a single value"));
                ok = false;
            } else {
                out.put(key, new Value(v == JsonToken.VALUE_NULL ? "" : p.getText(), v, keyLine));
            }
            p.skipChildren();
        }
        return ok ? out : null;
    }

    private static SetSpec spec(Map<String, Value> e, Path yaml, String at, String display,
                                Consumer<Problem> problems) {
        List<Problem> found = new ArrayList<>();
        Value name = e.get("name");
        Value file = e.get("file");
        if (name == null || !name.text().matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            found.add(new Problem(where(display, name, at), "invalid-name", "each set needs a 'name' of 1-64 letters,"
                    + " digits, '.', '_' or '-'"));
        }
        if (file == null || file.text().isBlank()) {
            found.add(new Problem(where(display, file, at), "missing-file", "each set needs a 'file', relative to "
                    + yaml.getFileName()));
        }
        IntelFormat format = IntelFormat.AUTO;
        Value f = e.get("format");
        if (f != null && (format = IntelFormat.fromYaml(f.text())) == null) {
            found.add(new Problem(where(display, f, at), "invalid-value", "format '" + SetLoad.clean(f.text())
                    + "' is not one of auto, plain, csv, stix, misp, tor-exit"));
        }
        IntelCategory category = null; // not given: decided from the (detected) format when the file is read
        Value c = e.get("category");
        if (c != null && (category = category(c.text())) == null) {
            found.add(new Problem(where(display, c, at), "invalid-value", "category '" + SetLoad.clean(c.text())
                    + "' is not one of " + categoryNames()));
        }
        int confidence = DEFAULT_CONFIDENCE;
        Value conf = e.get("confidence");
        if (conf != null) {
            confidence = conf.token() == JsonToken.VALUE_NUMBER_INT ? CsvLoader.confidence(conf.text()) : -1;
            if (confidence < 0) {
                found.add(new Problem(where(display, conf, at), "invalid-value", "confidence must be a whole number"
                        + " 0-100"));
            }
        }
        long expires = Long.MAX_VALUE;
        Value x = e.get("expires");
        if (x != null) {
            Long t = IntelTimes.parse(x.text());
            if (t == null) {
                found.add(new Problem(where(display, x, at), "invalid-value", "expires '" + SetLoad.clean(x.text())
                        + "' is not an ISO-8601 instant (2026-10-01T00:00:00Z) or date (2026-10-01)"));
            } else {
                expires = t;
            }
        }
        boolean custom = true;
        Value cu = e.get("custom");
        if (cu != null) {
            if (cu.text().equals("true") || cu.text().equals("false")) {
                custom = cu.text().equals("true") && cu.token() == JsonToken.VALUE_TRUE;
            } else {
                found.add(new Problem(where(display, cu, at), "invalid-value", "custom must be true or false"));
            }
        }
        if (!found.isEmpty()) {
            found.forEach(problems);
            return null;
        }
        Path dir = yaml.toAbsolutePath().getParent();
        return new SetSpec(name.text(), dir.resolve(file.text()).normalize(), format, category, confidence, expires,
                custom, at);
    }

    private static String where(String display, Value v, String fallback) {
        return v == null ? fallback : display + "#line " + v.line();
    }

    static IntelCategory category(String kebab) {
        for (IntelCategory c : IntelCategory.values()) {
            if (kebab(c).equals(kebab)) {
                return c;
            }
        }
        return null;
    }

    static String kebab(IntelCategory c) {
        return c.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String categoryNames() {
        List<String> names = new ArrayList<>();
        for (IntelCategory c : IntelCategory.values()) {
            names.add(kebab(c));
        }
        return String.join(", ", names);
    }

    /** Set names already taken in one load, so a second set of the same name is reported instead of merged. */
    static final class Names {
        private final Set<String> taken = new HashSet<>();

        boolean claim(String name) {
            return taken.add(name);
        }
    }
}
