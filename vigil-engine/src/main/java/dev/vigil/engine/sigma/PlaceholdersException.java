package dev.vigil.engine.sigma;

/** A placeholders file cannot be used; the message names the file, the line and what to change. */
public final class PlaceholdersException extends Exception {
    private static final long serialVersionUID = 1L;

    public PlaceholdersException(String message) {
        super(message);
    }
}
