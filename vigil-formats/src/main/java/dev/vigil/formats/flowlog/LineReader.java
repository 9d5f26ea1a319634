package dev.vigil.formats.flowlog;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Reads a stream line by line into a reused buffer, never holding more than one line of at most
 * {@code maxLine} bytes: a longer line is skipped (the rest of it is read and dropped) and reported through
 * {@link #tooLong()}. A trailing CR is dropped, so CRLF files read the same.
 */
final class LineReader {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    // one buffer per reading thread, as for CloudTrail: files are small and many, buffers need not be
    private static final ThreadLocal<byte[]> BUFFERS = ThreadLocal.withInitial(() -> new byte[1 << 16]);

    private final InputStream in;
    private final int maxLine;
    private final byte[] buf;
    private int pos;
    private int limit;
    private boolean eof;

    private int lineStart;
    private int lineEnd;
    private long lineNumber;
    private boolean tooLong;

    LineReader(InputStream in, int maxLine) {
        this.in = in;
        this.maxLine = maxLine;
        byte[] b = BUFFERS.get();
        if (b.length < maxLine * 2) {
            b = new byte[maxLine * 2];
            BUFFERS.set(b);
        }
        this.buf = b;
    }

    byte[] buffer() {
        return buf;
    }

    int start() {
        return lineStart;
    }

    int end() {
        return lineEnd;
    }

    /** 1-based number of the current line. */
    long lineNumber() {
        return lineNumber;
    }

    /** Whether the current line was longer than the limit; its bytes are not available then. */
    boolean tooLong() {
        return tooLong;
    }

    /** Moves to the next line; false at the end of the stream. */
    boolean next() throws IOException {
        tooLong = false;
        int scanFrom = pos;
        while (true) {
            int nl = indexOfNewline(scanFrom, limit);
            if (nl >= 0) {
                if (nl - pos > maxLine) {
                    tooLong = true;
                }
                found(pos, nl);
                pos = nl + 1;
                return true;
            }
            if (limit - pos > maxLine) {
                skipRestOfLine();
                return true;
            }
            if (eof) {
                if (pos == limit) {
                    return false;
                }
                found(pos, limit);
                pos = limit;
                return true;
            }
            scanFrom = limit - pos;
            fill();
        }
    }

    private void found(int s, int nl) {
        int e = nl;
        if (e > s && buf[e - 1] == '\r') {
            e--;
        }
        lineStart = s;
        lineEnd = e;
        lineNumber++;
    }

    /** Finds the next '\n', eight bytes per step (a zero-byte test on the word XOR-ed with newlines). */
    private int indexOfNewline(int from, int to) {
        byte[] b = buf;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(b, i) ^ 0x0A0A0A0A0A0A0A0AL;
            long found = (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Moves the unread tail to the front of the buffer and reads more after it. */
    private void fill() throws IOException {
        int rest = limit - pos;
        System.arraycopy(buf, pos, buf, 0, rest);
        pos = 0;
        limit = rest;
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
    }

    /** The current line is too long: drop its bytes up to and including the next newline. */
    private void skipRestOfLine() throws IOException {
        tooLong = true;
        lineNumber++;
        lineStart = lineEnd = 0;
        pos = limit;
        while (!eof) {
            fill();
            int nl = indexOfNewline(pos, limit);
            if (nl >= 0) {
                pos = nl + 1;
                return;
            }
            pos = limit;
        }
    }
}
