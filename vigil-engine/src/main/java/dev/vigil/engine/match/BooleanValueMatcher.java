package dev.vigil.engine.match;

/** An unquoted {@code true}/{@code false}: JSON booleans, and the strings "true"/"false" in any case. */
final class BooleanValueMatcher extends ScalarValueMatcher {

    private final boolean expected;

    BooleanValueMatcher(boolean expected) {
        this.expected = expected;
    }

    @Override
    boolean testScalar(Object value) {
        return switch (value) {
            case Boolean b -> b == expected;
            case String s -> s.equalsIgnoreCase(expected ? "true" : "false");
            default -> false;
        };
    }
}
