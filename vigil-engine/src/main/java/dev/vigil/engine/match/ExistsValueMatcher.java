package dev.vigil.engine.match;

/** {@code exists}: presence of the field, whatever its value (JSON null included). */
final class ExistsValueMatcher implements ValueMatcher {

    private final boolean expected;

    ExistsValueMatcher(boolean expected) {
        this.expected = expected;
    }

    @Override
    public boolean test(Object value) {
        return (value != null) == expected;
    }
}
