package dev.vigil.engine.sigma;

/**
 * {@code field|exists: true/false}: whether the field is present, whatever its value (JSON {@code null} counts as
 * present, as the Sigma modifier appendix says).
 */
public record SigmaExists(boolean expected) implements SigmaValue {
    @Override
    public String describe() {
        return "exists " + expected;
    }
}
