package dev.vigil.engine.intel;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.vigil.model.Problem;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The bounded streaming JSON parser shared by the STIX and MISP loaders, and small helpers over it. */
final class IntelJson {

    /** Nesting, string and number bounds: real feeds need a few levels and patterns of a few KiB. */
    static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(64)
                    .maxStringLength(1024 * 1024)
                    .maxNumberLength(64)
                    .maxNameLength(1024)
                    .build())
            .build();

    private IntelJson() {
    }

    static JsonParser parser(InputStream in) throws IOException {
        return FACTORY.createParser(in);
    }

    static long line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }

    /**
     * The current scalar as text (strings, numbers, booleans), or null for JSON null; containers are skipped and
     * returned as {@link #CONTAINER}, so the caller can report a wrong type.
     */
    static String scalar(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            p.skipChildren();
            return CONTAINER;
        }
        return t == JsonToken.VALUE_NULL ? null : p.getText();
    }

    /** Marker for "a JSON object or array stood where a scalar was expected". */
    static final String CONTAINER = new String("<object or array>");

    static boolean isString(JsonParser p) {
        return p.currentToken() == JsonToken.VALUE_STRING;
    }

    /**
     * The scalar fields named in {@code wanted} of the object the parser stands on (START_OBJECT), everything else
     * skipped; null values are left out. A wanted field holding an object or array makes the result's {@code
     * wrongType} name it.
     */
    static Fields fields(JsonParser p, Set<String> wanted) throws IOException {
        Map<String, String> values = new HashMap<>();
        String wrong = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            if (wanted.contains(name)) {
                String v = scalar(p);
                if (v == CONTAINER) {
                    wrong = name;
                } else if (v != null) {
                    values.put(name, v);
                }
            } else {
                p.skipChildren();
            }
        }
        return new Fields(values, wrong);
    }

    record Fields(Map<String, String> values, String wrongType) {
    }

    /** The problem for JSON that broke off: where, and that the rest of the file is skipped. */
    static Problem broken(String file, JsonProcessingException e) {
        long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        return new Problem(file + "#line " + line, "invalid-json", "invalid JSON, the rest of the file is skipped: "
                + SetLoad.clean(e.getOriginalMessage()));
    }
}
