package dev.vigil.posture.input;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes the JSON parser pulls while one item is being read, and fails once an item exceeds its budget:
 * an item is built as a tree in memory, so a hostile multi-gigabyte "item" must be stopped while it streams, not
 * after. (The parser reads ahead in small chunks, so the bound is approximate by a few kilobytes.)
 */
final class ItemBudgetStream extends FilterInputStream {

    /** An item larger than the budget: the parser's state is lost, so the file's reading ends here. */
    static final class ItemTooLarge extends IOException {
        ItemTooLarge(long limit) {
            super("larger than the " + limit + "-byte limit per item");
        }
    }

    private final long limit;
    private boolean armed;
    private long counted;

    ItemBudgetStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    /** Starts counting for a new item. */
    void arm() {
        armed = true;
        counted = 0;
    }

    void disarm() {
        armed = false;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            charge(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            charge(n);
        }
        return n;
    }

    private void charge(int n) throws ItemTooLarge {
        if (armed) {
            counted += n;
            if (counted > limit) {
                throw new ItemTooLarge(limit);
            }
        }
    }
}
