package dev.vigil.metrics.pattern;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** {@link LogMessage} over raw text; a JSON object is parsed (once, with Jackson's limits) when a field is read. */
final class TextMessage implements LogMessage {

    private final String text;
    private JsonNode root;
    private boolean parsed;

    TextMessage(String text) {
        this.text = text;
    }

    @Override
    public String text() {
        return text;
    }

    @Override
    public boolean isJson() {
        return root() != null;
    }

    @Override
    public Object field(String path) {
        JsonNode n = root();
        int from = 0;
        while (n != null) {
            int dot = path.indexOf('.', from);
            String key = dot < 0 ? path.substring(from) : path.substring(from, dot);
            n = n.isObject() ? n.get(key) : null;
            if (dot < 0) {
                break;
            }
            from = dot + 1;
        }
        return JsonValues.convert(n);
    }

    /** Walks a selector's steps directly on the tree. */
    Object select(List<Selector.Step> steps) {
        JsonNode n = root();
        for (Selector.Step step : steps) {
            if (n == null) {
                return null;
            }
            n = switch (step) {
                case Selector.Key k -> n.isObject() ? n.get(k.name()) : null;
                case Selector.Index i -> n.isArray() ? n.get(i.index()) : null;
            };
        }
        return JsonValues.convert(n);
    }

    private JsonNode root() {
        if (!parsed) {
            parsed = true;
            int i = 0;
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i < text.length() && text.charAt(i) == '{') {
                JsonNode n = JsonValues.parse(text);
                root = n != null && n.isObject() ? n : null;
            }
        }
        return root;
    }
}
