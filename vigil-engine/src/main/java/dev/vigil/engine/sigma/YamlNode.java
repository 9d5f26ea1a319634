package dev.vigil.engine.sigma;

import java.util.List;
import java.util.Optional;

/**
 * A YAML document as a small immutable tree that remembers the line of every node, so that rule errors can say
 * where they are. Scalars keep their source text: a Sigma number such as {@code 1.10} must not turn into
 * {@code 1.1} before it is compared with an event value.
 */
sealed interface YamlNode permits YamlNode.Mapping, YamlNode.Sequence, YamlNode.Scalar {

    /** 1-based line where the node starts. */
    int line();

    /** What a scalar was written as; quoted text is always {@link #STRING}. */
    enum Kind { STRING, NUMBER, BOOLEAN, NULL }

    record Entry(String key, int line, YamlNode value) {
    }

    record Mapping(List<Entry> entries, int line) implements YamlNode {
        public Mapping {
            entries = List.copyOf(entries);
        }

        Optional<Entry> entry(String key) {
            for (Entry e : entries) {
                if (e.key().equals(key)) {
                    return Optional.of(e);
                }
            }
            return Optional.empty();
        }

        Optional<YamlNode> get(String key) {
            return entry(key).map(Entry::value);
        }

        boolean has(String key) {
            return entry(key).isPresent();
        }
    }

    record Sequence(List<YamlNode> items, int line) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }
    }

    record Scalar(String text, Kind kind, int line) implements YamlNode {
        boolean isNull() {
            return kind == Kind.NULL;
        }
    }

    /** A short name of the node's shape for error messages. */
    static String describe(YamlNode node) {
        return switch (node) {
            case Mapping m -> "a mapping";
            case Sequence s -> "a list";
            case Scalar s when s.isNull() -> "null";
            case Scalar s -> "'" + s.text() + "'";
        };
    }
}
