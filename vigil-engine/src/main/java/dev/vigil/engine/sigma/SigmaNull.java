package dev.vigil.engine.sigma;

/** {@code field: null}: the field is absent from the event or holds JSON {@code null}. */
public record SigmaNull() implements SigmaValue {
    @Override
    public String describe() {
        return "null";
    }
}
