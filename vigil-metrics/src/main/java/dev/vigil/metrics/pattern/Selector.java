package dev.vigil.metrics.pattern;

import java.util.List;

/**
 * A JSON field selector such as {@code $.userIdentity.type} or {@code $.coordinates[0][1]}: a sequence of object
 * keys and zero-based array indexes from the message's root.
 */
public record Selector(String text, List<Step> steps) {

    public Selector {
        steps = List.copyOf(steps);
    }

    public sealed interface Step {
    }

    public record Key(String name) implements Step {
    }

    public record Index(int index) implements Step {
    }
}
