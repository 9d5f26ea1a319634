package dev.vigil.metrics.pattern;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.model.Event;

import java.util.List;

/**
 * Reads a {@link Selector} from a message. The leading run of keys becomes one dotted path, looked up with a
 * single {@link LogMessage#field(String)} call (for CloudTrail, usually a pre-located field); array indexes and
 * keys below them are followed on the value that returns.
 */
final class SelectorReader {

    private final Selector selector;
    private final String path;
    private final List<Selector.Step> rest;

    SelectorReader(Selector selector) {
        this.selector = selector;
        List<Selector.Step> steps = selector.steps();
        int keys = 0;
        while (keys < steps.size() && steps.get(keys) instanceof Selector.Key) {
            keys++;
        }
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < keys; i++) {
            if (i > 0) {
                p.append('.');
            }
            p.append(((Selector.Key) steps.get(i)).name());
        }
        this.path = p.toString();
        this.rest = List.copyOf(steps.subList(keys, steps.size()));
    }

    Selector selector() {
        return selector;
    }

    /** The value, or null when absent. */
    Object read(LogMessage m) {
        if (m instanceof TextMessage t) {
            return t.select(selector.steps());
        }
        Object v = m.field(path);
        for (int i = 0; i < rest.size() && v != null; i++) {
            Selector.Step step = rest.get(i);
            if (step instanceof Selector.Index idx) {
                v = v instanceof List<?> l && idx.index() < l.size() ? l.get(idx.index()) : null;
            } else if (v instanceof Event.ObjectValue o) {
                return walk(JsonValues.parse(o.json()), i);
            } else {
                return null;
            }
        }
        return v;
    }

    /** Rare path (a key below an array element): continue on a parsed tree of that element. */
    private Object walk(JsonNode n, int from) {
        for (int i = from; i < rest.size() && n != null; i++) {
            n = switch (rest.get(i)) {
                case Selector.Key k -> n.isObject() ? n.get(k.name()) : null;
                case Selector.Index idx -> n.isArray() ? n.get(idx.index()) : null;
            };
        }
        return JsonValues.convert(n);
    }
}
