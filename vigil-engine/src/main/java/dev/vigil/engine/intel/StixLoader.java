package dev.vigil.engine.intel;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.vigil.model.Problem;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;

/**
 * STIX 2.1 bundles, streamed object by object: {@code indicator} objects with {@code pattern_type} stix (see
 * {@link StixPattern}), honouring {@code valid_from}, {@code valid_until}, {@code confidence} and {@code revoked};
 * and the cyber-observable objects {@code ipv4-addr}, {@code ipv6-addr} and {@code domain-name} with a {@code
 * value}. Other objects (malware, relationships, indicators in other pattern languages) are not indicators of
 * addresses and are passed over silently. A top-level JSON array of objects is read the same way.
 */
final class StixLoader {

    private static final Set<String> FIELDS = Set.of("type", "pattern", "pattern_type", "valid_from", "valid_until",
            "confidence", "value", "revoked");

    private StixLoader() {
    }

    static void load(InputStream in, SetLoad load) throws IOException {
        try (JsonParser p = IntelJson.parser(in)) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_ARRAY) {
                objects(p, load);
                return;
            }
            if (t != JsonToken.START_OBJECT) {
                load.problem(load.at(1), "not-stix", "a STIX file is a bundle object or an array of objects");
                return;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (name.equals("objects") && v == JsonToken.START_ARRAY) {
                    objects(p, load);
                } else {
                    p.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            Problem broken = IntelJson.broken(load.file(), e);
            load.problem(broken.location(), broken.reason(), broken.message());
        }
    }

    private static void objects(JsonParser p, SetLoad load) throws IOException {
        int index = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null && !load.full()) {
            String at = load.at(IntelJson.line(p)) + " (objects[" + index++ + "])";
            if (t != JsonToken.START_OBJECT) {
                p.skipChildren();
                load.problem(at, "wrong-type", "a STIX object must be a JSON object");
                continue;
            }
            IntelJson.Fields read = IntelJson.fields(p, FIELDS);
            if (read.wrongType() != null) {
                load.problem(at, "wrong-type", "'" + read.wrongType()
                        + "' must be a string or number, not an object or array");
                continue;
            }
            Map<String, String> fields = read.values();
            object(fields, load, at);
        }
    }

    private static void object(Map<String, String> o, SetLoad load, String at) {
        String type = o.getOrDefault("type", "");
        switch (type) {
            case "indicator" -> indicator(o, load, at);
            case "ipv4-addr", "ipv6-addr" -> {
                if (o.containsKey("value")) {
                    load.address(o.get("value"), -1, Long.MIN_VALUE, Long.MAX_VALUE, at);
                } else {
                    load.problem(at, "missing-value", type + " object without a value");
                }
            }
            case "domain-name" -> {
                if (o.containsKey("value")) {
                    load.domain(o.get("value"), -1, Long.MIN_VALUE, Long.MAX_VALUE, at);
                } else {
                    load.problem(at, "missing-value", "domain-name object without a value");
                }
            }
            case "" -> load.problem(at, "missing-type", "STIX object without a type");
            default -> {
                // not about addresses
            }
        }
    }

    private static void indicator(Map<String, String> o, SetLoad load, String at) {
        if (!o.getOrDefault("pattern_type", "stix").equals("stix") || "true".equals(o.get("revoked"))) {
            return;
        }
        String pattern = o.get("pattern");
        if (pattern == null) {
            load.problem(at, "missing-pattern", "indicator without a pattern");
            return;
        }
        int confidence = -1;
        if (o.containsKey("confidence")) {
            confidence = CsvLoader.confidence(o.get("confidence"));
            if (confidence < 0 || o.get("confidence").indexOf('.') >= 0) {
                load.problem(at, "invalid-confidence", "confidence must be a whole number 0-100");
                return;
            }
        }
        long from = Long.MIN_VALUE;
        long until = Long.MAX_VALUE;
        for (String key : new String[]{"valid_from", "valid_until"}) {
            if (o.containsKey(key)) {
                Long t = IntelTimes.parse(o.get(key));
                if (t == null) {
                    load.problem(at, "invalid-time", key + " '" + SetLoad.clean(o.get(key))
                            + "' is not an RFC 3339 timestamp");
                    return;
                }
                if (key.equals("valid_from")) {
                    from = t;
                } else {
                    until = t;
                }
            }
        }
        try {
            for (StixPattern.Term term : StixPattern.parse(pattern)) {
                if (term.objectType().equals("domain-name")) {
                    load.domain(term.value(), confidence, from, until, at);
                } else {
                    load.address(term.value(), confidence, from, until, at);
                }
            }
        } catch (StixPattern.Unsupported e) {
            load.problem(at, "unsupported-pattern", "pattern not loaded: " + e.getMessage());
        }
    }
}
