package dev.vigil.engine.sigma;

/** A rule's condition cannot be parsed; the message quotes the condition and says what is wrong. */
public final class ConditionException extends Exception {
    private static final long serialVersionUID = 1L;

    public ConditionException(String message) {
        super(message);
    }
}
