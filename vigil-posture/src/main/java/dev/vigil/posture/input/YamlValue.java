package dev.vigil.posture.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value as written, with its line: scalars keep their source text (so an account id such as
 * {@code 012345678901} is never turned into a number and loses its leading zero), and every element knows where it
 * is, so an error can point at the exact line.
 */
sealed interface YamlValue {

    int line();

    record Scalar(String text, int line) implements YamlValue {
    }

    record Sequence(List<YamlValue> items, int line) implements YamlValue {
    }

    /** A mapping; {@code keyLines} gives each key's line. */
    record Mapping(Map<String, YamlValue> entries, Map<String, Integer> keyLines, int line) implements YamlValue {
    }

    record Null(int line) implements YamlValue {
    }

    /** Reads the value at the parser's current token. */
    static YamlValue read(JsonParser p) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_ARRAY) {
            List<YamlValue> items = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                items.add(read(p));
            }
            return new Sequence(items, line);
        }
        if (t == JsonToken.START_OBJECT) {
            Map<String, YamlValue> entries = new LinkedHashMap<>();
            Map<String, Integer> keyLines = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                int keyLine = p.currentTokenLocation().getLineNr();
                p.nextToken();
                YamlValue v = read(p);
                if (!entries.containsKey(key)) {
                    entries.put(key, v);
                    keyLines.put(key, keyLine);
                }
            }
            return new Mapping(entries, keyLines, line);
        }
        if (t == JsonToken.VALUE_NULL) {
            return new Null(line);
        }
        return new Scalar(p.getText(), line);
    }
}
