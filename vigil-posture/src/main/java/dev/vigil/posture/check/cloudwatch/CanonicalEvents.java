package dev.vigil.posture.check.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The CloudTrail records that define, by example, what each CIS monitoring control is about
 * ({@code /posture/cis-canonical-events.json}). A customer's metric filter is judged by running its pattern on these
 * records, never by comparing its text with a reference pattern: any pattern that behaves right on them counts.
 */
final class CanonicalEvents {

    static final String RESOURCE = "/posture/cis-canonical-events.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One example record: a short label for reasons ("PutUserPolicy"), the service that emits it
     * ({@code iam.amazonaws.com}) and the complete record JSON.
     */
    record Sample(String label, String eventSource, boolean readOnly, String json) {
    }

    /**
     * What one control must catch.
     *
     * @param id        the check id
     * @param meaning   a noun phrase for reasons, e.g. "IAM policy changes"
     * @param mustMatch records a filter for this control has to match, every one
     * @param routine   everyday records it must not match: a filter matching them counts nearly every call, so an
     *                  alarm on it would either fire all the time or be tuned until it no longer singles these out
     */
    record Control(String id, String meaning, List<Sample> mustMatch, List<Sample> routine) {
        Control {
            mustMatch = List.copyOf(mustMatch);
            routine = List.copyOf(routine);
        }
    }

    private static final Map<String, Control> CONTROLS = load();

    private CanonicalEvents() {
    }

    /** The control's examples; throws when the resource does not define the id (a programming error). */
    static Control of(String id) {
        Control c = CONTROLS.get(id);
        if (c == null) {
            throw new IllegalArgumentException("no canonical events for " + id + " in " + RESOURCE);
        }
        return c;
    }

    /**
     * What a trail must record for the control's filter to see anything: the services its records come from, and
     * whether they include read-only and/or mutating calls (a trail's event selectors can leave either out).
     */
    record Needs(Set<String> sources, boolean reads, boolean writes) {
    }

    static Needs needs(Control control) {
        Set<String> sources = new TreeSet<>();
        boolean reads = false;
        boolean writes = false;
        for (Sample s : control.mustMatch()) {
            sources.add(s.eventSource());
            if (s.readOnly()) {
                reads = true;
            } else {
                writes = true;
            }
        }
        return new Needs(Set.copyOf(sources), reads, writes);
    }

    static List<Control> all() {
        return List.copyOf(CONTROLS.values());
    }

    private static Map<String, Control> load() {
        try (InputStream in = CanonicalEvents.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            JsonNode root = JSON.readTree(in);
            ObjectNode defaults = (ObjectNode) root.get("defaults");
            List<Sample> routine = samples(root.get("routine"), defaults);
            Map<String, Control> out = new LinkedHashMap<>();
            for (JsonNode c : root.get("controls")) {
                String id = c.get("id").asText();
                out.put(id, new Control(id, c.get("meaning").asText(), samples(c.get("mustMatch"), defaults), routine));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static List<Sample> samples(JsonNode list, ObjectNode defaults) {
        List<Sample> out = new ArrayList<>();
        for (JsonNode e : list) {
            ObjectNode record = defaults.deepCopy();
            String label = null;
            for (Map.Entry<String, JsonNode> f : e.properties()) {
                if (f.getKey().equals("label")) {
                    label = f.getValue().asText();
                } else if (f.getValue().isNull()) {
                    record.remove(f.getKey());
                } else {
                    record.set(f.getKey(), f.getValue());
                }
            }
            out.add(new Sample(label != null ? label : labelOf(record), record.path("eventSource").asText(),
                    record.path("readOnly").asBoolean(false), record.toString()));
        }
        return out;
    }

    /** "PutUserPolicy", "ListUsers refused (AccessDenied)", "ConsoleLogin by Root". */
    private static String labelOf(JsonNode record) {
        StringBuilder s = new StringBuilder(record.path("eventName").asText());
        if (record.has("errorCode")) {
            s.append(" refused (").append(record.get("errorCode").asText()).append(')');
        } else if (record.has("errorMessage")) {
            s.append(" failing (").append(record.get("errorMessage").asText()).append(')');
        }
        String type = record.path("userIdentity").path("type").asText();
        if (!type.equals("IAMUser")) {
            s.append(" by ").append(type);
        }
        return s.toString();
    }
}
