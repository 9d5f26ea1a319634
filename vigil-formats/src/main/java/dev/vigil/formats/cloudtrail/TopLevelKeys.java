package dev.vigil.formats.cloudtrail;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/** The top-level key names of a JSON object, for telling what a file holds. */
final class TopLevelKeys {

    private TopLevelKeys() {
    }

    static Set<String> of(byte[] buf, int off, int len) {
        Set<String> keys = new LinkedHashSet<>();
        try (JsonParser p = CloudTrailDecoder.JSON.createParser(buf, off, len)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return keys;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME && keys.size() < 64) {
                keys.add(p.currentName());
                p.nextToken();
                p.skipChildren();
            }
        } catch (IOException e) {
            // partial keys are still a useful signal
        }
        return keys;
    }

    /** A short, safe description for messages: at most five keys, each cut to 40 characters. */
    static String describe(Set<String> keys) {
        return keys.stream().limit(5)
                .map(k -> k.length() > 40 ? k.substring(0, 40) + "…" : k)
                .collect(Collectors.joining(", ", "[", keys.size() > 5 ? ", …]" : "]"));
    }
}
