package dev.vigil.formats.findings;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Tells the line number of a byte offset in a stream being read, for "FILE#line N" locations. It notes where the
 * line breaks are as bytes pass through, and forgets each once a later offset has been asked about; the scanner
 * asks in increasing order, so only the breaks of the bytes read ahead are held.
 *
 * <p>If a hostile file puts more than {@link #MAX_HELD} line breaks in read-ahead before the next question (one
 * huge skipped record of blank lines), further breaks are counted per read call instead; lines then stay right
 * after that read's end but may be a few low inside it.
 */
final class LineTracker extends FilterInputStream {

    static final int MAX_HELD = 1 << 20;

    private long[] at = new long[1024];
    private int[] weight = new int[1024];
    private int head;
    private int tail;
    private long position;
    private long linesBefore;

    LineTracker(InputStream in) {
        super(in);
    }

    /** The 1-based line the byte at {@code offset} is on; offsets must not decrease between calls. */
    long lineAt(long offset) {
        while (head < tail && at[head] < offset) {
            linesBefore += weight[head];
            head++;
        }
        return linesBefore + 1;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            if (b == '\n') {
                add(position, 1);
            }
            position++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n <= 0) {
            return n;
        }
        if (tail - head + n <= MAX_HELD) {
            for (int i = 0; i < n; i++) {
                if (b[off + i] == '\n') {
                    add(position + i, 1);
                }
            }
        } else {
            int count = 0;
            for (int i = 0; i < n; i++) {
                if (b[off + i] == '\n') {
                    count++;
                }
            }
            if (count > 0) {
                add(position + n - 1, count);
            }
        }
        position += n;
        return n;
    }

    private void add(long offset, int w) {
        if (tail == at.length) {
            if (head > 0) {
                System.arraycopy(at, head, at, 0, tail - head);
                System.arraycopy(weight, head, weight, 0, tail - head);
                tail -= head;
                head = 0;
            }
            if (tail == at.length) {
                at = java.util.Arrays.copyOf(at, at.length * 2);
                weight = java.util.Arrays.copyOf(weight, weight.length * 2);
            }
        }
        at[tail] = offset;
        weight[tail] = w;
        tail++;
    }
}
