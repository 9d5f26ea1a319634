package dev.vigil.engine.sigma;

/** An unquoted {@code true} or {@code false}; matches JSON booleans and the strings "true"/"false". */
public record SigmaBoolean(boolean value) implements SigmaValue {
    @Override
    public String describe() {
        return "the boolean " + value;
    }
}
