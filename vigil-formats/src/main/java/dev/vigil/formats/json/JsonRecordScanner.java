package dev.vigil.formats.json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Splits a stream of JSON text into the records it carries, checking each record's syntax in the same pass and
 * noting where its top-level fields of interest are, without building a tree and without holding more than one
 * record in memory.
 *
 * <p>It recognises the shapes CloudTrail evidence comes in: the delivery wrapper {@code {"Records":[…]}}, a JSON
 * array of records, and a sequence of objects (JSON lines, or one pretty-printed record). Every record handed to
 * the listener is well-formed JSON (RFC 8259 grammar, escapes, literals and numbers checked). A malformed record
 * is reported and skipped, and scanning resumes after it: inside an array at the element's closing bracket, in a
 * sequence of objects at the next line that starts with <code>{</code> — so one broken JSON line never swallows
 * the lines after it. Records larger than the limit are skipped, not buffered, so a hostile file cannot exhaust
 * memory; nesting is limited too.
 */
public final class JsonRecordScanner {

    /** Receives what the scanner finds. Buffers and spans are reused: copy what you keep. */
    public interface Listener {
        /** The top-level shape, reported once before its first record. */
        default void shape(Shape shape) {
        }

        /** A well-formed candidate record: an element of {@code Records} or of a top-level array, or a top-level object. */
        void record(byte[] buf, int off, int len, long byteOffset, FieldSpans fields);

        /** A record too large to buffer; {@code keys} are its top-level keys when it was the stream's first object. */
        default void oversizedObject(long byteOffset, long size, java.util.Set<String> keys) {
        }

        void problem(long byteOffset, String reason, String message);
    }

    /** How records are laid out in the stream. */
    public enum Shape { RECORDS_WRAPPER, ARRAY, OBJECTS, OTHER }

    /** Deepest nesting accepted inside a record. */
    public static final int MAX_DEPTH = 200;

    private static final int CHUNK = 1 << 16;
    private static final int MAX_KEY = 256;
    private static final java.util.Set<String> RECORDS = java.util.Set.of("Records");

    private final InputStream in;
    private final Buffers buffers;
    private final Listener listener;
    private final int maxRecordBytes;
    private final byte[][] wrapperKeys;
    private final FieldSpans spans;
    private final byte[] buf;
    private int pos;
    private int lim;
    private long base; // stream offset of buf[0]
    private boolean eof;

    private byte[] cap;
    private int capLen;
    private int capFrom = -1; // index in buf where uncopied captured bytes start; -1 when not capturing
    private boolean capOverflow;

    private final byte[] key = new byte[MAX_KEY];
    private int keyLen;
    private boolean keyEscaped;

    private boolean shapeReported;
    private boolean linesMode;
    private boolean firstObject = true;

    public JsonRecordScanner(InputStream in, int maxRecordBytes, FieldSpans spans, Listener listener) {
        this(in, maxRecordBytes, spans, listener, new Buffers());
    }

    /**
     * Scanning buffers, reusable by successive scanners on one thread: scanning thousands of small files should
     * not allocate a fresh read buffer for each.
     */
    public static final class Buffers {
        final byte[] read = new byte[CHUNK];
        byte[] record = new byte[8192];
    }

    public JsonRecordScanner(InputStream in, int maxRecordBytes, FieldSpans spans, Listener listener, Buffers buffers) {
        this(in, maxRecordBytes, spans, listener, buffers, RECORDS);
    }

    /**
     * A scanner whose top-level wrapper object holds its records under one of {@code wrapperKeys} instead of
     * CloudTrail's {@code Records} (e.g. {@code Findings} for Security Hub's and GuardDuty's API output). The wrapper
     * is still reported as {@link Shape#RECORDS_WRAPPER}.
     */
    public JsonRecordScanner(InputStream in, int maxRecordBytes, FieldSpans spans, Listener listener, Buffers buffers,
                             java.util.Set<String> wrapperKeys) {
        this.wrapperKeys = wrapperKeys.stream().map(k -> k.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
        this.buf = buffers.read;
        this.cap = buffers.record;
        this.buffers = buffers;
        this.in = in;
        this.maxRecordBytes = maxRecordBytes;
        this.spans = spans;
        this.listener = listener;
    }

    /** The stream ended inside a value. */
    private static final class Truncated extends Exception {
        Truncated() {
            super(null, null, false, false);
        }
    }

    /** The record's syntax is wrong at {@link #at}. */
    private static final class Malformed extends Exception {
        final long at;

        Malformed(long at, String message) {
            super(message, null, false, false);
            this.at = at;
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
                    topObject(at);
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
                listener.problem(at, "truncated", "the input ends in the middle of the JSON value that starts here");
                return;
            } catch (Malformed m) {
                capFrom = -1;
                listener.problem(m.at, "invalid-json", m.getMessage()
                        + (linesMode ? "; skipped this line's record" : "; skipped the rest of this value"));
                if (linesMode) {
                    skipToNextRecordLine();
                } else {
                    skipLine();
                }
            }
        }
    }

    private void report(Shape s) {
        if (!shapeReported) {
            shapeReported = true;
            listener.shape(s);
        }
    }

    /** A top-level object: the Records wrapper, or a record of a sequence of objects. */
    private void topObject(long start) throws IOException, Truncated, Malformed {
        startCapture();
        spans.clear();
        spans.collectKeys = firstObject;
        firstObject = false;
        depth = 1;
        next(); // '{'
        int c = skipWs();
        boolean wrapper = false;
        if (c == '}') {
            next();
        } else {
            while (true) {
                readKey(c);
                c = skipWs();
                if (c != ':') {
                    throw malformed("expected ':' after a key");
                }
                next();
                c = skipWs();
                if (!wrapper && isWrapperKey() && c == '[') {
                    wrapper = true;
                    stopCapture();
                    report(Shape.RECORDS_WRAPPER);
                    array(true);
                    depth = 1;
                } else if (wrapper) {
                    value();
                } else {
                    valueOfField();
                }
                if (!nextMember()) {
                    break;
                }
                c = skipWs();
            }
        }
        if (wrapper) {
            return;
        }
        report(Shape.OBJECTS);
        linesMode = true;
        if (endCapture()) {
            listener.record(cap, 0, capLen, start, spans);
        } else {
            listener.oversizedObject(start, offset() - start, spans.keys);
        }
    }

    /** Iterates an array's elements as records; {@code inWrapper} marks the Records array. */
    private void array(boolean inWrapper) throws IOException, Truncated, Malformed {
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
                    element(at);
                } else {
                    try {
                        depth = 0;
                        value();
                        listener.problem(at, "not-an-object", "an array element that is not a JSON object; skipped it");
                    } catch (Malformed m) {
                        listener.problem(m.at, "invalid-json", m.getMessage() + "; skipped the array element");
                        recover(depth);
                    }
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
                    throw malformed("expected ',' or ']' between array elements");
                }
            }
        } finally {
            linesMode = saveLines;
        }
    }

    /** One record inside an array. A syntax error skips to the element's end and reports it. */
    private void element(long at) throws IOException, Truncated {
        inString = false;
        startCapture();
        spans.clear();
        spans.collectKeys = false;
        try {
            recordObject();
        } catch (Malformed m) {
            capFrom = -1;
            listener.problem(m.at, "invalid-json", m.getMessage() + "; skipped the record that starts at byte " + at);
            recover(depth);
            return;
        }
        if (endCapture()) {
            listener.record(cap, 0, capLen, at, spans);
        } else {
            listener.problem(at, "record-too-large", "a record of " + (offset() - at)
                    + " bytes exceeds the " + maxRecordBytes + "-byte limit; skipped it");
        }
    }

    /** Containers open inside the current record (1 = the record object itself), for {@link #recover}. */
    private int depth;
    /** Whether the last syntax error was inside a string, for {@link #recover}. */
    private boolean inString;

    /** A record object: checks it and notes the spans of the fields of interest. */
    private void recordObject() throws IOException, Truncated, Malformed {
        depth = 1;
        next(); // '{'
        int c = skipWs();
        if (c == '}') {
            next();
            return;
        }
        while (true) {
                        readKey(c);
            c = skipWs();
            if (c != ':') {
                throw malformed("expected ':' after a key");
            }
            next();
            skipWs();
            valueOfField();
            if (!nextMember()) {
                return;
            }
            c = skipWs();
        }
    }

    /** After an object member: true when a ',' announces another, false after the closing '}'. */
    private boolean nextMember() throws IOException, Truncated, Malformed {
        int c = skipWs();
        if (c == ',') {
            next();
            return true;
        }
        if (c == '}') {
            next();
            return false;
        }
        if (c < 0) {
            throw new Truncated();
        }
        throw malformed("expected ',' or '}' after a value");
    }

    /** A top-level field's value: notes its span when it is a field of interest, and its children's. */
    private void valueOfField() throws IOException, Truncated, Malformed {
        int idx = fieldIndex(-1);
        if (spans.collectKeys && spans.keys.size() < 64) {
            spans.keys.add(new String(key, 0, keyLen, StandardCharsets.UTF_8));
        }
        if (idx < 0) {
            value();
            return;
        }
        int s = capOffset();
        if (spans.hasChildren(idx) && peek() == '{') {
            object(idx); // e.g. userIdentity: note its children's spans too
        } else {
            value();
        }
        spans.start[idx] = s;
        spans.end[idx] = capOffset();
    }

    private int fieldIndex(int parentIndex) {
        return keyEscaped ? spans.indexOf(parentIndex, JsonStrings.decode(key, 0, keyLen))
                : spans.indexOf(parentIndex, key, keyLen);
    }

    // ---- grammar

    private void value() throws IOException, Truncated, Malformed {
        int c = peek();
        switch (c) {
            case -1 -> throw new Truncated();
            case '"' -> skipString();
            case '{' -> object();
            case '[' -> list();
            default -> scalar();
        }
    }

    private void object() throws IOException, Truncated, Malformed {
        object(NO_SPANS);
    }

    private static final int NO_SPANS = -2;

    /**
     * An object; with {@code parentIndex} other than {@link #NO_SPANS}, the spans of the fields of interest
     * under that parent are noted (keys are then read, not just skipped).
     */
    private void object(int parentIndex) throws IOException, Truncated, Malformed {
        enter();
        next();
        int c = skipWs();
        if (c == '}') {
            next();
            depth--;
            return;
        }
        boolean noting = parentIndex != NO_SPANS;
        while (true) {
            int idx = -1;
            if (noting) {
                readKey(c);
                idx = fieldIndex(parentIndex);
            } else if (c == '"') {
                skipString();
            } else if (c < 0) {
                throw new Truncated();
            } else {
                throw malformed("expected a quoted key");
            }
            c = skipWs();
            if (c != ':') {
                if (c < 0) {
                    throw new Truncated();
                }
                throw malformed("expected ':' after a key");
            }
            next();
            skipWs();
            int s = idx >= 0 ? capOffset() : 0;
            value();
            if (idx >= 0) {
                spans.start[idx] = s;
                spans.end[idx] = capOffset();
            }
            if (!nextMember()) {
                depth--;
                return;
            }
            c = skipWs();
        }
    }

    private void list() throws IOException, Truncated, Malformed {
        enter();
        next();
        int c = skipWs();
        if (c == ']') {
            next();
            depth--;
            return;
        }
        while (true) {
            value();
            c = skipWs();
            if (c == ',') {
                next();
                skipWs();
            } else if (c == ']') {
                next();
                depth--;
                return;
            } else {
                if (c < 0) {
                    throw new Truncated();
                }
                throw malformed("expected ',' or ']' in an array");
            }
        }
    }

    private void enter() throws Malformed {
        if (depth >= MAX_DEPTH) {
            throw malformed("JSON nested deeper than " + MAX_DEPTH + " levels");
        }
        depth++;
    }

    /** A string, from its opening quote; checks escapes and rejects raw control characters. */
    private void skipString() throws IOException, Truncated, Malformed {
        pos++; // opening quote (peeked)
        while (true) {
            byte[] b = buf;
            int p = pos;
            int l = lim;
            // Eight bytes at a time while none of them is a quote, a backslash or a control character.
            while (p + 8 <= l && !special((long) LONGS.get(b, p))) {
                p += 8;
            }
            while (p < l) {
                byte ch = b[p];
                if (ch == '"' || ch == '\\' || (ch >= 0 && ch < 0x20)) {
                    break;
                }
                p++;
            }
            pos = p;
            if (p >= l) {
                if (!fill()) {
                    throw new Truncated();
                }
                continue;
            }
            byte ch = b[p];
            pos++;
            if (ch == '"') {
                return;
            }
            if (ch == '\\') {
                escape();
            } else {
                inString = true;
                throw malformed(ch == '\n' ? "a line break inside a string (is the record cut short?)"
                        : "a raw control character inside a string");
            }
        }
    }

    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    /** Whether any byte of {@code w} is '"', '\\' or below 0x20 (bytes ≥ 0x80, UTF-8, are ordinary). */
    private static boolean special(long w) {
        long quote = w ^ (ONES * '"');
        long slash = w ^ (ONES * '\\');
        long hasQuote = (quote - ONES) & ~quote & HIGHS;
        long hasSlash = (slash - ONES) & ~slash & HIGHS;
        long hasControl = (w - ONES * 0x20) & ~w & HIGHS;
        return (hasQuote | hasSlash | hasControl) != 0;
    }

    private void escape() throws IOException, Truncated, Malformed {
        inString = true;
        int e = read();
        switch (e) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
            }
            case 'u' -> {
                for (int i = 0; i < 4; i++) {
                    if (!isHex(peek())) { // peek: a quote that cuts the escape must stay for recovery
                        throw malformed("a \\u escape needs four hex digits");
                    }
                    pos++;
                }
            }
            default -> throw malformed("an unknown escape sequence in a string");
        }
        inString = false;
    }

    /** true, false, null or a number, as RFC 8259 writes them. */
    private void scalar() throws IOException, Truncated, Malformed {
        int c = peek();
        if (c == 't') {
            literal("true");
        } else if (c == 'f') {
            literal("false");
        } else if (c == 'n') {
            literal("null");
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            number();
        } else {
            throw malformed("expected a value, found '" + printable(c) + "'");
        }
    }

    private void literal(String word) throws IOException, Truncated, Malformed {
        for (int i = 0; i < word.length(); i++) {
            int c = peek(); // peek first: a bracket that breaks the word must stay for recovery to count
            if (c != word.charAt(i)) {
                if (c < 0) {
                    throw new Truncated();
                }
                throw malformed("expected '" + word + "'");
            }
            pos++;
        }
        endOfToken();
    }

    private void number() throws IOException, Truncated, Malformed {
        int c = peek();
        if (c == '-') {
            next();
            c = peek();
        }
        if (c == '0') {
            next();
        } else if (c >= '1' && c <= '9') {
            digits();
        } else {
            throw malformed("a number needs digits");
        }
        c = peek();
        if (c == '.') {
            next();
            if (!isDigit(peek())) {
                throw malformed("a number needs digits after '.'");
            }
            digits();
            c = peek();
        }
        if (c == 'e' || c == 'E') {
            next();
            c = peek();
            if (c == '+' || c == '-') {
                next();
            }
            if (!isDigit(peek())) {
                throw malformed("a number needs digits in its exponent");
            }
            digits();
        }
        endOfToken();
    }

    private void digits() throws IOException {
        while (isDigit(peek())) {
            pos++;
        }
    }

    private static boolean isHex(int h) {
        return (h >= '0' && h <= '9') || (h >= 'a' && h <= 'f') || (h >= 'A' && h <= 'F');
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private void endOfToken() throws IOException, Malformed {
        int c = peek();
        if (c == -1 || c == ',' || c == '}' || c == ']' || c == ' ' || c == '\n' || c == '\r' || c == '\t') {
            return;
        }
        throw malformed("unexpected '" + printable(c) + "' after a value");
    }

    /** Reads a key (from its opening quote) into {@link #key}; keys over 256 bytes are kept truncated. */
    private void readKey(int c) throws IOException, Truncated, Malformed {
        if (c != '"') {
            if (c < 0) {
                    throw new Truncated();
                }
                throw malformed("expected a quoted key");
        }
        pos++;
        keyLen = 0;
        keyEscaped = false;
        // Fast path: the whole key is in the buffer with no escape or control character.
        int p = pos;
        int l = Math.min(lim, pos + MAX_KEY);
        byte[] bb = buf;
        while (p < l) {
            byte ch = bb[p];
            if (ch == '"') {
                keyLen = p - pos;
                System.arraycopy(bb, pos, key, 0, keyLen);
                pos = p + 1;
                return;
            }
            if (ch == '\\' || (ch >= 0 && ch < 0x20)) {
                break;
            }
            p++;
        }
        while (true) {
            int b = read();
            if (b < 0) {
                throw new Truncated();
            }
            if (b == '"') {
                return;
            }
            if (b < 0x20) {
                inString = true;
                throw malformed(b == '\n' ? "a line break inside a key (is the record cut short?)"
                        : "a raw control character inside a key");
            }
            if (b == '\\') {
                keyEscaped = true;
                store((byte) b);
                int e = read();
                store((byte) e);
                switch (e) {
                    case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
                    }
                    case 'u' -> {
                        for (int i = 0; i < 4; i++) {
                            int h = read();
                            if (!isHex(h)) {
                                throw malformed("a \\u escape needs four hex digits");
                            }
                            store((byte) h);
                        }
                    }
                    default -> {
                        if (e < 0) {
                            throw new Truncated();
                        }
                        throw malformed("an unknown escape sequence in a key");
                    }
                }
                continue;
            }
            store((byte) b);
        }
    }

    private void store(byte b) {
        if (keyLen < MAX_KEY) {
            key[keyLen++] = b;
        }
    }

    /** Compares bytes, not strings: this runs for every top-level key of every record of a JSON-lines file. */
    private boolean isWrapperKey() {
        if (keyEscaped) {
            return false;
        }
        for (byte[] name : wrapperKeys) {
            if (keyLen == name.length && java.util.Arrays.equals(key, 0, keyLen, name, 0, name.length)) {
                return true;
            }
        }
        return false;
    }

    // ---- recovery

    /** After a syntax error inside an array element, skips to the element's end by counting brackets. */
    private void recover(int open) throws IOException {
        int d = open;
        if (inString) {
            // finish the broken string first, so its quote is not taken for the start of another
            inString = false;
            if (!skipRestOfString()) {
                return;
            }
        }
        while (true) {
            if (pos >= lim && !fill()) {
                return;
            }
            byte b = buf[pos];
            if (b == '"') {
                pos++;
                if (!skipRestOfString()) {
                    return;
                }
                continue;
            }
            if (b == '{' || b == '[') {
                d++;
            } else if (b == '}' || b == ']') {
                if (d <= 0) {
                    return; // the enclosing array's end: leave it for the caller
                }
                d--;
                if (d == 0) {
                    pos++;
                    return;
                }
            } else if (b == ',' && d == 0) {
                return;
            }
            pos++;
        }
    }

    /** Skips to just past the closing quote, without checking; false when the input ends first. */
    private boolean skipRestOfString() throws IOException {
        while (true) {
            if (pos >= lim && !fill()) {
                return false;
            }
            byte s = buf[pos++];
            if (s == '"') {
                return true;
            }
            if (s == '\\') {
                if (pos >= lim && !fill()) {
                    return false;
                }
                pos++;
            }
        }
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

    private void skipToNextRecordLine() throws IOException {
        while (true) {
            if (pos >= lim && !fill()) {
                return;
            }
            if (buf[pos] == '{' && (pos > 0 ? buf[pos - 1] == '\n' : lastByteWasNewline)) {
                return;
            }
            pos++;
        }
    }

    private Malformed malformed(String what) {
        return new Malformed(offset(), what + " at byte " + offset());
    }

    // ---- buffer and capture

    private boolean lastByteWasNewline;

    private long offset() {
        return base + pos;
    }

    private int peek() throws IOException {
        if (pos >= lim && !fill()) {
            return -1;
        }
        return buf[pos] & 0xff;
    }

    private int read() throws IOException {
        if (pos >= lim && !fill()) {
            return -1;
        }
        return buf[pos++] & 0xff;
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
        lastByteWasNewline = lim > 0 && buf[lim - 1] == '\n';
        base += lim;
        pos = 0;
        lim = 0;
        int n;
        do {
            n = in.read(buf, 0, buf.length);
        } while (n == 0);
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

    /** Offset of the current position inside the captured record. */
    private int capOffset() {
        return capLen + (pos - capFrom);
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
            if (cap.length <= 1 << 20) {
                buffers.record = cap; // keep grown buffers for the next scanner, up to a size worth keeping
            }
        }
        System.arraycopy(buf, from, cap, capLen, n);
        capLen += n;
    }

    private static String printable(int c) {
        return c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("0x%02x", c);
    }
}
