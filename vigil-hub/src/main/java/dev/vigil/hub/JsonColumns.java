package dev.vigil.hub;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON text of the list and map columns ({@code attack}, {@code types}, {@code keys}).
 *
 * <p>Written with every non-ASCII character escaped, so the column is plain ASCII and any Java string —
 * including NUL and unpaired surrogates — comes back exactly; the finding id is derived from the keys, so they
 * must. Key order is kept: it is the rule's order.
 */
final class JsonColumns {

    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() { };
    private static final TypeReference<List<String>> LIST = new TypeReference<>() { };

    // The store reads back only what it wrote, and a key value may legitimately be longer than Jackson's default
    // string limit.
    private final JsonMapper mapper = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
                    .build())
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .build();

    String ofMap(Map<String, String> map) {
        return write(map);
    }

    String ofList(List<String> list) {
        return write(list);
    }

    /** One string as a JSON string literal, quotes included. */
    String ofString(String text) {
        return write(text);
    }

    Map<String, String> map(String json) throws JsonProcessingException {
        return mapper.readValue(json, MAP);
    }

    List<String> list(String json) throws JsonProcessingException {
        return mapper.readValue(json, LIST);
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }
}
