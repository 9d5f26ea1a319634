package dev.vigil.posture.inventory.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.posture.inventory.PolicyDocuments;
import dev.vigil.posture.inventory.Relationship;
import dev.vigil.posture.inventory.Resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The values that differ between two captures of one resource, as JSON paths with before/after values.
 *
 * <p>Objects are compared key by key, arrays of objects element by element, arrays of plain values as a whole (a
 * CIDR list that gained an entry reads better as one change than as a shifted index list). Policy documents that
 * Config keeps as (URL-encoded) JSON text are compared as documents, so a changed statement shows as such rather
 * than as two unreadable strings. The list is capped: a resource rewritten wholesale does not flood a report.
 */
final class StateDiff {

    static final int MAX_CHANGES = 200;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_:@$-]+");

    private final List<PathChange> out = new ArrayList<>();

    private StateDiff() {
    }

    /** Changes from {@code before} to {@code after} (same resource). */
    static List<PathChange> between(Resource before, Resource after) {
        StateDiff d = new StateDiff();
        if (!before.status().equals(after.status())) {
            d.add("status", NODES.textNode(before.status()), NODES.textNode(after.status()));
        }
        d.compare("configuration", before.configuration(), after.configuration());
        d.compare("supplementaryConfiguration", before.supplementaryConfiguration(),
                after.supplementaryConfiguration());
        d.compare("tags", tags(before.tags()), tags(after.tags()));
        JsonNode relBefore = relationships(before.relationships());
        JsonNode relAfter = relationships(after.relationships());
        if (!relBefore.equals(relAfter)) {
            d.add("relationships", relBefore, relAfter);
        }
        return List.copyOf(d.out);
    }

    /** Whether two captures hold the same state (capture time and source aside). */
    static boolean sameState(Resource a, Resource b) {
        return a.status().equals(b.status()) && a.configuration().equals(b.configuration())
                && a.supplementaryConfiguration().equals(b.supplementaryConfiguration())
                && a.tags().equals(b.tags())
                && relationships(a.relationships()).equals(relationships(b.relationships()));
    }

    private void compare(String path, JsonNode before, JsonNode after) {
        if (out.size() >= MAX_CHANGES || before.equals(after)) {
            return;
        }
        if (before.isObject() && after.isObject()) {
            TreeSet<String> keys = new TreeSet<>();
            before.fieldNames().forEachRemaining(keys::add);
            after.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                compare(path + segment(key), before.path(key), after.path(key));
            }
            return;
        }
        if (before.isArray() && after.isArray() && (hasContainers(before) || hasContainers(after))) {
            int n = Math.max(before.size(), after.size());
            for (int i = 0; i < n; i++) {
                compare(path + "[" + i + "]", before.path(i), after.path(i));
            }
            return;
        }
        if (before.isTextual() && after.isTextual()) {
            Optional<JsonNode> docBefore = PolicyDocuments.parse(before);
            Optional<JsonNode> docAfter = PolicyDocuments.parse(after);
            if (docBefore.isPresent() && docAfter.isPresent()) {
                compare(path, docBefore.get(), docAfter.get());
                return;
            }
        }
        add(path, before, after);
    }

    private void add(String path, JsonNode before, JsonNode after) {
        if (out.size() < MAX_CHANGES) {
            out.add(new PathChange(path, before, after));
        }
    }

    private static boolean hasContainers(JsonNode array) {
        for (JsonNode e : array) {
            if (e.isContainerNode()) {
                return true;
            }
        }
        return false;
    }

    private static String segment(String key) {
        if (PLAIN_KEY.matcher(key).matches()) {
            return "." + key;
        }
        return "[\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
    }

    private static JsonNode tags(Map<String, String> tags) {
        ObjectNode node = NODES.objectNode();
        new TreeMap<>(tags).forEach(node::put);
        return node;
    }

    /** Relationships in a stable order: Config does not promise one, and reordering is not a change. */
    private static JsonNode relationships(List<Relationship> relationships) {
        List<Relationship> sorted = new ArrayList<>(relationships);
        sorted.sort(java.util.Comparator.comparing(Relationship::resourceType).thenComparing(Relationship::resourceId)
                .thenComparing(Relationship::name).thenComparing(Relationship::resourceName));
        ArrayNode node = NODES.arrayNode();
        for (Relationship r : sorted) {
            ObjectNode o = node.addObject();
            o.put("name", r.name());
            o.put("resourceType", r.resourceType());
            o.put("resourceId", r.resourceId());
            o.put("resourceName", r.resourceName());
        }
        return node.isEmpty() ? MissingNode.getInstance() : node;
    }
}
