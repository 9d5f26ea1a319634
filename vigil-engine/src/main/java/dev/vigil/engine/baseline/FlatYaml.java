package dev.vigil.engine.baseline;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the small YAML files of this package: a mapping whose values are scalars or mappings of scalars, each entry
 * with its line, so that every complaint can point at {@code FILE#line N}. Anything else (lists, deeper nesting,
 * aliases, duplicate keys) is refused: these files are short and hand-written, and strictness catches typos.
 */
final class FlatYaml {

    /** One key of a mapping: a scalar value ({@code text}) or a nested mapping ({@code children}). */
    record Entry(String key, int line, String text, List<Entry> children) {
        boolean isScalar() {
            return children == null;
        }
    }

    private static final YAMLFactory FACTORY = createFactory();

    private FlatYaml() {
    }

    private static YAMLFactory createFactory() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(1);
        options.setNestingDepthLimit(8);
        options.setCodePointLimit(4 * 1024 * 1024);
        return YAMLFactory.builder().loaderOptions(options).build();
    }

    /** The top-level entries, in file order; an empty file gives none. */
    static List<Entry> read(InputStream in, String file) throws BaselineConfigException, IOException {
        try (JsonParser p = FACTORY.createParser(in)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return List.of();
            }
            if (first != JsonToken.START_OBJECT) {
                throw error(file, p, "expected a mapping of settings (key: value)");
            }
            List<Entry> entries = mapping(p, file, 0);
            if (p.nextToken() != null) {
                throw error(file, p, "only one YAML document is allowed");
            }
            return entries;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new BaselineConfigException(file + "#line " + line + ": invalid YAML: " + e.getOriginalMessage()
                    + "; fix the syntax", e);
        }
    }

    private static List<Entry> mapping(JsonParser p, String file, int depth) throws IOException,
            BaselineConfigException {
        List<Entry> out = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            String key = p.currentName();
            int line = p.currentTokenLocation().getLineNr();
            if (!keys.add(key)) {
                throw new BaselineConfigException(file + "#line " + line + ": key '" + key
                        + "' appears twice; keep one");
            }
            JsonToken value = p.nextToken();
            if (value == JsonToken.START_OBJECT && depth == 0) {
                out.add(new Entry(key, line, null, mapping(p, file, depth + 1)));
            } else if (value.isScalarValue() && value != JsonToken.VALUE_NULL) {
                out.add(new Entry(key, line, p.getText(), null));
            } else {
                throw new BaselineConfigException(file + "#line " + line + ": '" + key + "' must have "
                        + (value == JsonToken.VALUE_NULL ? "a value" : "a plain value (no lists or deeper nesting)"));
            }
        }
        return out;
    }

    private static BaselineConfigException error(String file, JsonParser p, String message) {
        return new BaselineConfigException(file + "#line " + p.currentTokenLocation().getLineNr() + ": " + message);
    }
}
