package dev.vigil.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * One JSON object per line for machine-readable output. Every character outside printable ASCII is written as a
 * {@code \u005CuXXXX} escape, so a line printed to a terminal cannot carry an escape sequence, a bidi override or a
 * line break from rule or record text, and readers still get the exact strings back.
 */
final class JsonLines {

    private static final JsonMapper JSON = build();

    private JsonLines() {
    }

    static String of(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static JsonMapper build() {
        JsonMapper mapper = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
        mapper.getFactory().setCharacterEscapes(new DeleteEscaped());
        return mapper;
    }

    /** Jackson escapes control characters below 0x20 already; DEL is the one printable-range byte left. */
    private static final class DeleteEscaped extends CharacterEscapes {
        private final int[] ascii;

        DeleteEscaped() {
            ascii = standardAsciiEscapesForJSON();
            ascii[0x7F] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }
}
