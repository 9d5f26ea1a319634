package dev.vigil.engine;

import dev.vigil.model.Event;

import java.util.List;

/** Turns event field values into the text used for finding keys, group-by values and facts. */
public final class FieldText {

    private FieldText() {
    }

    /**
     * The value as text: strings as they are, numbers and booleans by their text, lists as a JSON array, objects as
     * their JSON; null when the field is absent or JSON null.
     */
    static String of(Object value) {
        return switch (value) {
            case null -> null;
            case String s -> s;
            case Boolean b -> b.toString();
            case Number n -> n.toString();
            case Event.ObjectValue o -> o.json();
            case List<?> list -> {
                StringBuilder b = new StringBuilder("[");
                appendList(b, list);
                yield b.append(']').toString();
            }
            default -> null;
        };
    }

    /** A scalar field as text, or "" when absent, null, a list or an object. */
    public static String scalar(Event event, String path) {
        Object v = event.field(path);
        return switch (v) {
            case String s -> s;
            case Boolean b -> b.toString();
            case Number n -> n.toString();
            case null, default -> "";
        };
    }

    private static void appendList(StringBuilder b, List<?> list) {
        boolean first = true;
        for (Object element : list) {
            if (!first) {
                b.append(',');
            }
            first = false;
            switch (element) {
                case String s -> appendQuoted(b, s);
                case Boolean bool -> b.append(bool);
                case Number n -> b.append(n);
                case Event.ObjectValue o -> b.append(o.json());
                case List<?> inner -> {
                    b.append('[');
                    appendList(b, inner);
                    b.append(']');
                }
                case null, default -> b.append("null");
            }
        }
    }

    private static void appendQuoted(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
