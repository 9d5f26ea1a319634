package dev.vigil.posture.framework;

/**
 * A framework file that cannot be used, with the file, line and key at fault in the message
 * ({@code FILE:LINE: key 'checks': …; what to do}).
 */
public final class FrameworkFileException extends RuntimeException {

    private final String source;
    private final int line;

    FrameworkFileException(String source, int line, String message) {
        super(source + (line > 0 ? ":" + line : "") + ": " + message);
        this.source = source;
        this.line = line;
    }

    /** The file (or classpath resource) at fault. */
    public String source() {
        return source;
    }

    /** The line at fault, or 0 when the problem is the whole file. */
    public int line() {
        return line;
    }
}
