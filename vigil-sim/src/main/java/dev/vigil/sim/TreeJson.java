package dev.vigil.sim;

import dev.vigil.sim.Json.Obj;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Serialises small ordered trees ({@link Obj}, {@link List}, strings, numbers, booleans, null) for the posture
 * exports. Compact output is what AWS Config writes into its S3 files; indented output is what {@code aws … --output
 * json} prints (four spaces, {@code "key": value}, empty containers as {@code {}} and {@code []}).
 */
final class TreeJson {

    private TreeJson() {
    }

    /** Compact UTF-8 JSON. */
    static byte[] compact(Object value) {
        JsonOut out = new JsonOut(1024);
        write(out, value, -1);
        return out.toByteArray();
    }

    /** Compact JSON as a string: what Config and IAM embed when they double-serialise a document. */
    static String string(Object value) {
        return new String(compact(value), StandardCharsets.UTF_8);
    }

    /** AWS CLI style: indented by four spaces, with a final newline. */
    static byte[] cli(Object value) {
        JsonOut out = new JsonOut(1024);
        write(out, value, 0);
        out.raw((byte) '\n');
        return out.toByteArray();
    }

    /** @param depth indentation level, or -1 for compact output */
    private static void write(JsonOut out, Object value, int depth) {
        switch (value) {
            case null -> out.nul();
            case String s -> out.string(s);
            case Boolean b -> out.bool(b);
            case Integer i -> out.number(i.longValue());
            case Long l -> out.number(l);
            case Double d -> out.number(d);
            case Obj o -> object(out, o, depth);
            case List<?> l -> array(out, l, depth);
            default -> throw new IllegalArgumentException("no JSON form for " + value.getClass().getName());
        }
    }

    private static void object(JsonOut out, Obj o, int depth) {
        Object[] kv = o.keyValues();
        if (kv.length == 0) {
            out.raw(EMPTY_OBJECT);
            return;
        }
        out.raw((byte) '{');
        for (int i = 0; i < kv.length; i += 2) {
            if (i > 0) {
                out.raw((byte) ',');
            }
            newline(out, depth + 1, depth);
            out.string((String) kv[i]);
            out.raw((byte) ':');
            if (depth >= 0) {
                out.raw((byte) ' ');
            }
            write(out, kv[i + 1], depth < 0 ? -1 : depth + 1);
        }
        newline(out, depth, depth);
        out.raw((byte) '}');
    }

    private static void array(JsonOut out, List<?> l, int depth) {
        if (l.isEmpty()) {
            out.raw(EMPTY_ARRAY);
            return;
        }
        out.raw((byte) '[');
        for (int i = 0; i < l.size(); i++) {
            if (i > 0) {
                out.raw((byte) ',');
            }
            newline(out, depth + 1, depth);
            write(out, l.get(i), depth < 0 ? -1 : depth + 1);
        }
        newline(out, depth, depth);
        out.raw((byte) ']');
    }

    private static void newline(JsonOut out, int level, int depth) {
        if (depth < 0) {
            return;
        }
        out.raw((byte) '\n');
        for (int i = 0; i < level; i++) {
            out.raw(INDENT);
        }
    }

    private static final byte[] EMPTY_OBJECT = JsonOut.ascii("{}");
    private static final byte[] EMPTY_ARRAY = JsonOut.ascii("[]");
    private static final byte[] INDENT = JsonOut.ascii("    ");
}
