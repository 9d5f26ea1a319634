package dev.vigil.engine.intel;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;

import java.io.IOException;
import java.io.InputStream;

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
}
