package dev.vigil.formats.cloudtrail;

import dev.vigil.formats.json.JsonStrings;
import dev.vigil.model.Event;

import java.nio.charset.StandardCharsets;

/**
 * {@link JsonPaths#value}'s answer read straight from a record's bytes, without building a tree, for the common
 * case: a path through nested objects to a string, number, boolean or null. Rules read such paths
 * ({@code requestParameters.bucketName}, {@code userIdentity.sessionContext.sessionIssuer.userName}) on many events,
 * and parsing the enclosing object into a tree each time cost more than the rest of their evaluation. Whenever the
 * answer needs the tree — an array on the way, an object or array as the value, a number beyond a long — it says
 * {@link #NEEDS_TREE} and the caller asks {@link JsonPaths} instead; the two agree on everything else (a
 * differential test holds them to it). The bytes must be JSON the record scanner has already validated.
 */
final class ByteJsonPaths {

    /** The answer needs the tree. */
    static final Object NEEDS_TREE = new Object();

    private ByteJsonPaths() {
    }

    /**
     * The value at {@code path} inside the JSON value {@code b[start, end)}: null when absent, as
     * {@link JsonPaths#value} would.
     */
    static Object value(byte[] b, int start, int end, String path) {
        return value(b, start, end, Path.of(path));
    }

    /** As {@link #value(byte[], int, int, String)} for a path whose keys are already encoded. */
    static Object value(byte[] b, int start, int end, Path path) {
        return walk(b, skipSpace(b, start, end), end, path, 0);
    }

    /**
     * A dotted path with its keys encoded once, for every level of the walk: at level {@code k}, the rest of the
     * path as one key ({@code whole[k]}, since a key may itself contain dots) and the next segment ({@code head[k]},
     * null at the last level). Immutable; rules read the same few paths on every event.
     */
    static final class Path {
        private final byte[][] whole;
        private final byte[][] head;

        private Path(byte[][] whole, byte[][] head) {
            this.whole = whole;
            this.head = head;
        }

        static Path of(String path) {
            java.util.List<byte[]> wholes = new java.util.ArrayList<>();
            java.util.List<byte[]> heads = new java.util.ArrayList<>();
            int from = 0;
            while (true) {
                wholes.add(path.substring(from).getBytes(StandardCharsets.UTF_8));
                int dot = path.indexOf('.', from);
                if (dot < 0) {
                    heads.add(null);
                    break;
                }
                heads.add(path.substring(from, dot).getBytes(StandardCharsets.UTF_8));
                from = dot + 1;
            }
            return new Path(wholes.toArray(byte[][]::new), heads.toArray(byte[][]::new));
        }
    }

    private static Object walk(byte[] b, int at, int end, Path path, int level) {
        if (at >= end) {
            return null;
        }
        byte first = b[at];
        if (first == '[') {
            return NEEDS_TREE;
        }
        if (first != '{') {
            return null;
        }
        byte[] whole = path.whole[level];
        byte[] head = path.head[level];
        int wholeAt = -1;
        int wholeEnd = -1;
        int headAt = -1;
        int headEnd = -1;
        int i = skipSpace(b, at + 1, end);
        while (i < end && b[i] != '}') {
            int keyStart = i + 1; // b[i] is the opening quote
            int keyEnd = stringEnd(b, i, end); // index of the closing quote
            i = skipSpace(b, keyEnd + 1, end) + 1; // past ':'
            int valueStart = skipSpace(b, i, end);
            int valueEnd = valueEnd(b, valueStart, end);
            if (keyIs(b, keyStart, keyEnd, whole)) { // the last of duplicate keys wins, as in the tree
                wholeAt = valueStart;
                wholeEnd = valueEnd;
            } else if (head != null && keyIs(b, keyStart, keyEnd, head)) {
                headAt = valueStart;
                headEnd = valueEnd;
            }
            i = skipSpace(b, valueEnd, end);
            if (i < end && b[i] == ',') {
                i = skipSpace(b, i + 1, end);
            }
        }
        if (wholeAt >= 0) {
            return scalar(b, wholeAt, wholeEnd);
        }
        if (headAt >= 0) {
            return walk(b, headAt, headEnd, path, level + 1);
        }
        return null;
    }

    private static Object scalar(byte[] b, int s, int e) {
        return switch (b[s]) {
            case '"' -> JsonStrings.decode(b, s + 1, e - 1);
            case 't' -> Boolean.TRUE;
            case 'f' -> Boolean.FALSE;
            case 'n' -> Event.NULL;
            case '{', '[' -> NEEDS_TREE;
            default -> number(b, s, e);
        };
    }

    private static Object number(byte[] b, int s, int e) {
        String text = new String(b, s, e - s, StandardCharsets.ISO_8859_1);
        boolean integral = true;
        for (int i = s; i < e; i++) {
            if (b[i] == '.' || b[i] == 'e' || b[i] == 'E') {
                integral = false;
                break;
            }
        }
        if (!integral) {
            return Double.parseDouble(text);
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException tooBig) {
            return NEEDS_TREE;
        }
    }

    /** True when the key's raw bytes equal {@code name}; keys with escapes are decoded first. */
    private static boolean keyIs(byte[] b, int s, int e, byte[] name) {
        for (int i = s; i < e; i++) {
            if (b[i] == '\\') {
                return JsonStrings.decode(b, s, e).equals(new String(name, StandardCharsets.UTF_8));
            }
        }
        return java.util.Arrays.equals(b, s, e, name, 0, name.length);
    }

    /** Index of the closing quote of the string opening at {@code q}. */
    private static int stringEnd(byte[] b, int q, int end) {
        int i = q + 1;
        while (i < end) {
            i = ByteScan.quoteOrBackslash(b, i, end);
            if (i >= end) {
                break;
            }
            byte c = b[i];
            if (c == '\\') {
                i += 2;
            } else if (c == '"') {
                return i;
            } else {
                i++;
            }
        }
        return end;
    }

    /** Index just past the value starting at {@code s}. */
    private static int valueEnd(byte[] b, int s, int end) {
        if (s >= end) {
            return end;
        }
        byte c = b[s];
        if (c == '"') {
            return stringEnd(b, s, end) + 1;
        }
        if (c == '{' || c == '[') {
            int depth = 0;
            int i = s;
            while (i < end) {
                byte x = b[i];
                if (x == '"') {
                    i = stringEnd(b, i, end) + 1;
                    continue;
                }
                if (x == '{' || x == '[') {
                    depth++;
                } else if (x == '}' || x == ']') {
                    if (--depth == 0) {
                        return i + 1;
                    }
                }
                i++;
            }
            return end;
        }
        int i = s;
        while (i < end && b[i] != ',' && b[i] != '}' && b[i] != ']' && b[i] != ' ' && b[i] != '\t'
                && b[i] != '\n' && b[i] != '\r') {
            i++;
        }
        return i;
    }

    private static int skipSpace(byte[] b, int i, int end) {
        while (i < end && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r')) {
            i++;
        }
        return i;
    }
}
