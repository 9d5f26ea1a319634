package dev.vigil.engine.sigma;

/** A modifier cannot apply to the values it was given; the message says what the rule author should change. */
public final class ModifierException extends Exception {
    private static final long serialVersionUID = 1L;

    public ModifierException(String message) {
        super(message);
    }
}
