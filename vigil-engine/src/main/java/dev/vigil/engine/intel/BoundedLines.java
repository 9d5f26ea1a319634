package dev.vigil.engine.intel;

import java.io.IOException;
import java.io.Reader;

/**
 * Lines of a text with a length cap: a line longer than {@link #MAX_LINE} characters is read to its end without
 * being kept, and reported as too long, so a hostile file with no newline cannot exhaust memory.
 */
final class BoundedLines {

    static final int MAX_LINE = 8192;

    private final Reader in;
    private final char[] buffer = new char[8192];
    private int pos;
    private int limit;
    private final StringBuilder line = new StringBuilder(128);
    private long number;
    private boolean tooLong;

    BoundedLines(Reader in) {
        this.in = in;
    }

    /** The next line without its terminator, or null at the end; {@link #tooLong()} tells whether it was cut. */
    String next() throws IOException {
        line.setLength(0);
        tooLong = false;
        boolean any = false;
        while (true) {
            if (pos == limit) {
                limit = in.read(buffer, 0, buffer.length);
                pos = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (!any) {
                        return null;
                    }
                    break;
                }
            }
            any = true;
            char c = buffer[pos++];
            if (c == '\n') {
                break;
            }
            if (line.length() < MAX_LINE) {
                line.append(c);
            } else {
                tooLong = true;
            }
        }
        number++;
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
            line.setLength(end - 1);
        }
        if (number == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
            line.deleteCharAt(0);
        }
        return line.toString();
    }

    boolean tooLong() {
        return tooLong;
    }

    long number() {
        return number;
    }
}
