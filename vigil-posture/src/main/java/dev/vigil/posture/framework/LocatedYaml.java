package dev.vigil.posture.framework;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document read into a small tree that remembers the line of every value and key, so a framework file's
 * errors can point at the line to fix (Jackson's own tree forgets positions).
 *
 * <p>Aliases are refused: a framework file has no use for them, and expanding them is how hostile YAML grows.
 */
final class LocatedYaml {

    private static final YAMLFactory YAML = new YAMLFactory();
    /** Nesting deeper than a framework file ever needs is refused rather than recursed into. */
    private static final int MAX_DEPTH = 16;

    sealed interface Node permits Scalar, Mapping, Sequence {
        int line();
    }

    /** A scalar; {@code text} is null for YAML null, {@code plain} false for quoted or non-string tokens. */
    record Scalar(String text, JsonToken token, int line) implements Node {
        boolean isNull() {
            return token == JsonToken.VALUE_NULL;
        }

        boolean isBoolean() {
            return token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE;
        }
    }

    record Entry(String key, int line, Node value) {
    }

    /** A mapping in document order; duplicate keys are refused while reading. */
    record Mapping(Map<String, Entry> entries, int line) implements Node {
    }

    record Sequence(List<Node> items, int line) implements Node {
    }

    private final String source;

    private LocatedYaml(String source) {
        this.source = source;
    }

    /** Reads a single-document YAML text. */
    static Node read(String text, String source) {
        LocatedYaml reader = new LocatedYaml(source);
        try (JsonParser p = YAML.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new FrameworkFileException(source, 0, "the file is empty; a framework needs id, name, version "
                        + "and requirements");
            }
            Node root = reader.value(p, 0);
            if (p.nextToken() != null) {
                throw new FrameworkFileException(source, line(p), "more than one YAML document; keep one per file");
            }
            return root;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new FrameworkFileException(source, line, "not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new FrameworkFileException(source, 0, "cannot be read: " + e.getMessage());
        }
    }

    private Node value(JsonParser p, int depth) throws IOException {
        int line = line(p);
        if (depth > MAX_DEPTH) {
            throw new FrameworkFileException(source, line, "nested deeper than a framework file needs");
        }
        if (p instanceof YAMLParser y && y.isCurrentAlias()) {
            throw new FrameworkFileException(source, line, "YAML aliases (*name) are not supported; write the value out");
        }
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Entry> entries = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int keyLine = line(p);
                    if (entries.containsKey(key)) {
                        throw new FrameworkFileException(source, keyLine, "key '" + key + "' appears twice (first on line "
                                + entries.get(key).line() + "); keep one");
                    }
                    p.nextToken();
                    entries.put(key, new Entry(key, keyLine, value(p, depth + 1)));
                }
                return new Mapping(entries, line);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(value(p, depth + 1));
                }
                return new Sequence(items, line);
            }
            case VALUE_NULL -> {
                return new Scalar(null, t, line);
            }
            default -> {
                return new Scalar(p.getText(), t, line);
            }
        }
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }
}
