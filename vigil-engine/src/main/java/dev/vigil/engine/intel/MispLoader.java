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
 * MISP JSON: an event ({@code {"Event":{…}}}), a list of events, a search response ({@code {"response":[…]}}) or a
 * feed's per-event file. Streamed: every {@code "Attribute"} array anywhere (the event's own and those of its
 * {@code "Object"}s) is read element by element, so an event with a million attributes costs no more memory than one
 * with ten. Attributes of type ip-src, ip-dst, ip-src|port, ip-dst|port, domain, hostname and domain|ip become
 * indicators when {@code to_ids} is true and they are not deleted (MISP's own "use for detection" flag); other types
 * are context and are passed over.
 */
final class MispLoader {

    private static final Set<String> FIELDS = Set.of("type", "value", "to_ids", "deleted");

    private MispLoader() {
    }

    static void load(InputStream in, SetLoad load) throws IOException {
        try (JsonParser p = IntelJson.parser(in)) {
            JsonToken t;
            while ((t = p.nextToken()) != null && !load.full()) {
                if (t == JsonToken.FIELD_NAME && p.currentName().equals("Attribute")) {
                    if (p.nextToken() == JsonToken.START_ARRAY) {
                        attributes(p, load);
                    } else {
                        load.problem(load.at(IntelJson.line(p)), "wrong-type", "\"Attribute\" must be an array");
                        p.skipChildren();
                    }
                }
            }
        } catch (JsonProcessingException e) {
            Problem broken = IntelJson.broken(load.file(), e);
            load.problem(broken.location(), broken.reason(), broken.message());
        }
    }

    private static void attributes(JsonParser p, SetLoad load) throws IOException {
        int index = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null && !load.full()) {
            String at = load.at(IntelJson.line(p)) + " (Attribute[" + index++ + "])";
            if (t != JsonToken.START_OBJECT) {
                p.skipChildren();
                load.problem(at, "wrong-type", "a MISP attribute must be a JSON object");
                continue;
            }
            IntelJson.Fields read = IntelJson.fields(p, FIELDS);
            if (read.wrongType() != null) {
                load.problem(at, "wrong-type", "'" + read.wrongType() + "' must be a string, number or boolean");
                continue;
            }
            Map<String, String> a = read.values();
            attribute(a, load, at);
        }
    }

    private static boolean yes(String v) {
        return "true".equals(v) || "1".equals(v);
    }

    private static void attribute(Map<String, String> a, SetLoad load, String at) {
        if (!yes(a.get("to_ids")) || yes(a.get("deleted"))) {
            return;
        }
        String type = a.getOrDefault("type", "");
        String value = a.get("value");
        if (value == null) {
            load.problem(at, "missing-value", "attribute of type '" + SetLoad.clean(type) + "' without a value");
            return;
        }
        switch (type) {
            case "ip-src", "ip-dst" -> load.address(value, -1, Long.MIN_VALUE, Long.MAX_VALUE, at);
            case "ip-src|port", "ip-dst|port" -> {
                int bar = value.lastIndexOf('|');
                load.address(bar < 0 ? value : value.substring(0, bar), -1, Long.MIN_VALUE, Long.MAX_VALUE, at);
            }
            case "domain", "hostname" -> load.domain(value, -1, Long.MIN_VALUE, Long.MAX_VALUE, at);
            case "domain|ip" -> {
                int bar = value.indexOf('|');
                if (bar < 0) {
                    load.problem(at, "invalid-value", "domain|ip value without '|'");
                } else {
                    load.domain(value.substring(0, bar), -1, Long.MIN_VALUE, Long.MAX_VALUE, at);
                    load.address(value.substring(bar + 1), -1, Long.MIN_VALUE, Long.MAX_VALUE, at);
                }
            }
            case "" -> load.problem(at, "missing-type", "attribute without a type");
            default -> {
                // context (hashes, URLs, e-mail addresses): not matched against addresses
            }
        }
    }
}
