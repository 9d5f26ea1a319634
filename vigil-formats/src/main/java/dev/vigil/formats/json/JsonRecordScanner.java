package dev.vigil.formats.json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Splits a stream of JSON text into the records it carries, without building a tree and without holding more
 * than one record in memory.
 *
 * <p>It recognises the shapes CloudTrail evidence comes in: the delivery wrapper {@code {"Records":[…]}}, a JSON
 * array of records, and a sequence of objects (JSON lines, or one pretty-printed record). It only checks
 * structure (brackets, strings); each record's bytes are validated by the decoder that parses them. Records
 * larger than the limit are skipped, not buffered, so a hostile file cannot exhaust memory.
 *
 * <p>In a sequence of objects a line that starts with <code>{</code> while an object is still open is taken as
 * the start of the next record: the open one was truncated. That keeps one broken JSON line from swallowing
 * the lines after it.
 */
public final class JsonRecordScanner {

    /** Receives what the scanner finds. Byte arrays are reused: copy what you keep. */
    public interface Listener {
        /** The top-level shape, reported once before its first record. */
        default void shape(Shape shape) {
        }

        /**
         * A candidate record: an element of {@code Records} or of a top-level array, or a top-level object.
         *
         * @param keys the object's top-level keys (for a top-level object; empty for array elements)
         */
        void record(byte[] buf, int off, int len, long byteOffset, Set<String> keys);

        /** A top-level object too large to buffer; only its keys are known. */
        default void oversizedObject(long byteOffset, long size, Set<String> keys) {
        }

        void problem(long byteOffset, String reason, String message);
    }

    /** How records are laid out in the stream. */
    public enum Shape { RECORDS_WRAPPER, ARRAY, OBJECTS, OTHER }

    private static final int CHUNK = 1 << 16;
    private static final int MAX_KEY = 256;

    private final InputStream in;
    private final Listener listener;
    private final int maxRecordBytes;
    private final byte[] buf = new byte[CHUNK];
    private int pos;
    private int lim;
    private long base; // stream offset of buf[0]
    private boolean eof;

    private byte[] cap = new byte[8192];
    private int capLen;
    private int capFrom = -1; // index in buf where the uncopied captured bytes start; -1 when not capturing
    private boolean capOverflow;

    private boolean shapeReported;
    private boolean linesMode;

    public JsonRecordScanner(InputStream in, int maxRecordBytes, Listener listener) {
        this.in = in;
        this.maxRecordBytes = maxRecordBytes;
        this.listener = listener;
    }

    /** Thrown inside the scanner when the stream ends in the middle of a value. */
    private static final class Truncated extends Exception {
        Truncated() {
            super(null, null, false, false);
        }
    }

    /** Thrown when a sequence-of-objects record is cut by the start of the next line's record. */
    private static final class CutByNextLine extends Exception {
        final boolean reported;

        CutByNextLine() {
            this(false);
        }

        CutByNextLine(boolean reported) {
            super(null, null, false, false);
            this.reported = reported;
        }
    }

    /** Scans to the end of the stream. I/O errors (including gzip corruption) propagate to the caller. */
    public void scan() throws IOException {
        skipBom();
        while (true) {
            int c = skipWs();
            if (c < 0) {
                return;
            }
            long at = offset();
            try {
                if (c == '{') {
                    topObject();
                } else if (c == '[') {
                    report(Shape.ARRAY);
                    array(false);
                } else {
                    report(Shape.OTHER);
                    listener.problem(at, "not-json-records",
                            "expected a JSON object or array here, found '" + printable(c) + "'; skipped to the next line");
                    skipLine();
                }
            } catch (Truncated t) {
                listener.problem(at, "truncated", "the input ends in the middle of a JSON value that starts here");
                return;
            } catch (CutByNextLine cut) {
                if (!cut.reported) {
                    listener.problem(at, "truncated-record",
                            "this record is incomplete (the next line starts a new record); skipped it");
                }
                capFrom = -1;
            }
        }
    }

    private void report(Shape s) {
        if (!shapeReported) {
            shapeReported = true;
            listener.shape(s);
        }
    }

    private void topObject() throws IOException, Truncated, CutByNextLine {
        long start = offset();
        startCapture();
        next(); // '{'
        Set<String> keys = new LinkedHashSet<>();
        boolean wrapper = false;
        int c = skipWs();
        if (c == '}') {
            next();
        } else {
            while (true) {
                if (c < 0) {
                    throw new Truncated();
                }
                if (c != '"') {
                    throw structural("expected a quoted key");
                }
                String key = readKey();
                if (keys.size() < 64) {
                    keys.add(key);
                }
                c = skipWs();
                if (c != ':') {
                    throw structural("expected ':' after key");
                }
                next();
                c = skipWs();
                if (!wrapper && "Records".equals(key) && c == '[') {
                    wrapper = true;
                    stopCapture();
                    report(Shape.RECORDS_WRAPPER);
                    array(true);
                } else if (wrapper) {
                    skipValue();
                } else {
                    skipValue();
                }
                c = skipWs();
                if (c == ',') {
                    next();
                    c = skipWs();
                } else if (c == '}') {
                    next();
                    break;
                } else if (c < 0) {
                    throw new Truncated();
                } else {
                    throw structural("expected ',' or '}' in an object");
                }
            }
        }
        if (wrapper) {
            return;
        }
        report(Shape.OBJECTS);
        linesMode = true;
        if (endCapture()) {
            listener.record(cap, 0, capLen, start, keys);
        } else {
            listener.oversizedObject(start, offset() - start, keys);
        }
    }

    /** Iterates an array's elements; {@code inWrapper} marks the Records array. */
    private void array(boolean inWrapper) throws IOException, Truncated, CutByNextLine {
        next(); // '['
        int c = skipWs();
        if (c == ']') {
            next();
            return;
        }
        boolean saveLines = linesMode;
        linesMode = false; // inside an array, line starts mean nothing
        try {
            while (true) {
                if (c < 0) {
                    throw new Truncated();
                }
                long at = offset();
                if (c == '{') {
                    startCapture();
                    skipValue();
                    if (endCapture()) {
                        listener.record(cap, 0, capLen, at, Set.of());
                    } else {
                        listener.problem(at, "record-too-large", "a record of " + (offset() - at)
                                + " bytes exceeds the " + maxRecordBytes + "-byte limit; skipped it");
                    }
                } else {
                    skipValue();
                    listener.problem(at, "not-an-object", "an array element that is not a JSON object; skipped it");
                }
                c = skipWs();
                if (c == ',') {
                    next();
                    c = skipWs();
                } else if (c == ']') {
                    next();
                    return;
                } else if (c < 0) {
                    throw new Truncated();
                } else {
                    throw structural("expected ',' or ']' in an array");
                }
            }
        } finally {
            linesMode = saveLines;
        }
    }

    /** Skips one JSON value of any kind, tracking nesting. */
    private void skipValue() throws IOException, Truncated, CutByNextLine {
        int c = peek();
        if (c < 0) {
            throw new Truncated();
        }
        if (c == '"') {
            skipString();
            return;
        }
        if (c != '{' && c != '[') {
            skipScalar();
            return;
        }
        int depth = 0;
        boolean lineStart = false;
        while (true) {
            if (pos >= lim && !fill()) {
                throw new Truncated();
            }
            byte b = buf[pos];
            switch (b) {
                case '"' -> {
                    skipString();
                    lineStart = false;
                    continue;
                }
                case '{', '[' -> {
                    if (b == '{' && lineStart && linesMode && depth > 0) {
                        throw new CutByNextLine();
                    }
                    depth++;
                }
                case '}', ']' -> {
                    depth--;
                    if (depth == 0) {
                        pos++;
                        return;
                    }
                }
                default -> {
                }
            }
            lineStart = b == '\n';
            pos++;
        }
    }

    private void skipString() throws IOException, Truncated, CutByNextLine {
        pos++; // opening quote
        while (true) {
            if (pos >= lim && !fill()) {
                throw new Truncated();
            }
            byte b = buf[pos++];
            if (b == '"') {
                return;
            }
            if (b == '\\') {
                if (pos >= lim && !fill()) {
                    throw new Truncated();
                }
                pos++;
            } else if (b == '\n' && linesMode) {
                // A raw newline cannot be inside a JSON string: this line's record was cut short.
                pos--;
                throw new CutByNextLine();
            }
        }
    }

    private void skipScalar() throws IOException {
        while (true) {
            if (pos >= lim && !fill()) {
                return;
            }
            byte b = buf[pos];
            if (b == ',' || b == '}' || b == ']' || b == ' ' || b == '\n' || b == '\r' || b == '\t') {
                return;
            }
            pos++;
        }
    }

    private String readKey() throws IOException, Truncated, CutByNextLine {
        pos++; // opening quote
        byte[] k = new byte[32];
        int n = 0;
        while (true) {
            if (pos >= lim && !fill()) {
                throw new Truncated();
            }
            byte b = buf[pos++];
            if (b == '"') {
                break;
            }
            if (b == '\\') {
                if (pos >= lim && !fill()) {
                    throw new Truncated();
                }
                b = buf[pos++];
            } else if (b == '\n' && linesMode) {
                pos--;
                throw new CutByNextLine();
            }
            if (n < MAX_KEY) {
                if (n == k.length) {
                    k = java.util.Arrays.copyOf(k, k.length * 2);
                }
                k[n++] = b;
            }
        }
        return new String(k, 0, n, StandardCharsets.UTF_8);
    }

    private void skipLine() throws IOException {
        while (true) {
            if (pos >= lim && !fill()) {
                return;
            }
            if (buf[pos++] == '\n') {
                return;
            }
        }
    }

    private CutByNextLine structural(String what) throws CutByNextLine {
        // Structural damage inside a record: treat like a cut record so scanning resumes at the next line.
        listener.problem(offset(), "invalid-json", what + " at this position");
        return skipToNextRecordLine();
    }

    private CutByNextLine skipToNextRecordLine() {
        capFrom = -1;
        try {
            while (true) {
                if (pos >= lim && !fill()) {
                    return new CutByNextLine(true);
                }
                if (buf[pos++] == '\n') {
                    if ((pos < lim || fill()) && buf[pos] == '{') {
                        return new CutByNextLine(true);
                    }
                }
            }
        } catch (IOException e) {
            return new CutByNextLine(true);
        }
    }

    // ---- buffer and capture

    private long offset() {
        return base + pos;
    }

    private int peek() throws IOException {
        if (pos >= lim && !fill()) {
            return -1;
        }
        return buf[pos] & 0xff;
    }

    private void next() throws IOException {
        if (pos >= lim) {
            fill();
        }
        pos++;
    }

    private int skipWs() throws IOException {
        while (true) {
            if (pos >= lim && !fill()) {
                return -1;
            }
            byte b = buf[pos];
            if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
                pos++;
            } else {
                return b & 0xff;
            }
        }
    }

    private void skipBom() throws IOException {
        if (peek() == 0xEF && lim - pos >= 3 && (buf[pos + 1] & 0xff) == 0xBB && (buf[pos + 2] & 0xff) == 0xBF) {
            pos += 3;
        }
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (capFrom >= 0) {
            appendCapture(capFrom, lim);
            capFrom = 0;
        }
        base += lim;
        pos = 0;
        lim = 0;
        int n;
        while ((n = in.read(buf, 0, buf.length)) == 0) {
            // keep reading: a zero-length read is legal but rare
        }
        if (n < 0) {
            eof = true;
            return false;
        }
        lim = n;
        return true;
    }

    private void startCapture() {
        capLen = 0;
        capOverflow = false;
        capFrom = pos;
    }

    private void stopCapture() {
        capFrom = -1;
        capLen = 0;
    }

    /** Ends the capture; false when the value was over the limit and was not kept. */
    private boolean endCapture() {
        if (capFrom >= 0) {
            appendCapture(capFrom, pos);
        }
        capFrom = -1;
        return !capOverflow;
    }

    private void appendCapture(int from, int to) {
        int n = to - from;
        if (n <= 0 || capOverflow) {
            return;
        }
        if ((long) capLen + n > maxRecordBytes) {
            capOverflow = true;
            capLen = 0;
            return;
        }
        if (capLen + n > cap.length) {
            cap = java.util.Arrays.copyOf(cap, Math.min(maxRecordBytes, Math.max(cap.length * 2, capLen + n)));
        }
        System.arraycopy(buf, from, cap, capLen, n);
        capLen += n;
    }

    private static String printable(int c) {
        return c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("0x%02x", c);
    }
}
