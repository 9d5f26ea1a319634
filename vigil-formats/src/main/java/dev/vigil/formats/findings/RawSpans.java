package dev.vigil.formats.findings;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts the exact text of a finding out of the EventBridge event that carries it, so an imported finding's raw
 * original is the finding as AWS sent it, byte for byte, not a re-serialisation.
 */
final class RawSpans {

    private static final JsonFactory JSON = new JsonFactory();

    private RawSpans() {
    }

    /** The text of the event's {@code detail} object (GuardDuty events). */
    static String detail(byte[] event) throws IOException {
        try (JsonParser p = JSON.createParser(event)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return "";
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (name.equals("detail")) {
                    return span(event, p);
                }
                p.skipChildren();
            }
        }
        return "";
    }

    /** The texts of the objects in the event's {@code detail.findings} array (Security Hub events). */
    static List<String> detailFindings(byte[] event) throws IOException {
        List<String> out = new ArrayList<>();
        try (JsonParser p = JSON.createParser(event)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return out;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (name.equals("detail") && t == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String inner = p.currentName();
                        JsonToken v = p.nextToken();
                        if (inner.equals("findings") && v == JsonToken.START_ARRAY) {
                            while (p.nextToken() != JsonToken.END_ARRAY) {
                                if (p.currentToken() == JsonToken.START_OBJECT) {
                                    out.add(span(event, p));
                                } else {
                                    out.add("");
                                    p.skipChildren();
                                }
                            }
                        } else {
                            p.skipChildren();
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
        }
        return out;
    }

    /** The text of the value whose first token is current; leaves the parser after it. */
    private static String span(byte[] event, JsonParser p) throws IOException {
        int start = (int) p.currentTokenLocation().getByteOffset();
        p.skipChildren();
        int end = (int) p.currentLocation().getByteOffset();
        return new String(event, start, end - start, StandardCharsets.UTF_8);
    }
}
