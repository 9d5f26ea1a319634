package dev.vigil.posture.custom;

import java.util.List;

/**
 * A YAML value with the file position it was read at, so every load error can name the line to fix. Only the shapes
 * a check file uses exist: scalars (kept as text), sequences and mappings.
 */
sealed interface YamlNode {

    /** 1-based line of the value's first character. */
    int line();

    /** 1-based column of the value's first character. */
    int column();

    /** What a person would call this shape in an error message. */
    String kind();

    /** A scalar as written; {@code isNull} for {@code ~}, {@code null} or an empty value. */
    record Scalar(String text, boolean isNull, int line, int column) implements YamlNode {
        @Override
        public String kind() {
            return isNull ? "an empty value" : "a single value";
        }
    }

    record Sequence(List<YamlNode> items, int line, int column) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "a list";
        }
    }

    /** A mapping in file order; duplicate keys are kept so the reader can report them. */
    record Mapping(List<Entry> entries, int line, int column) implements YamlNode {
        public Mapping {
            entries = List.copyOf(entries);
        }

        @Override
        public String kind() {
            return "a mapping";
        }
    }

    /** One key of a mapping, with the key's own position (where an "unknown key" error points). */
    record Entry(String key, int line, int column, YamlNode value) {
    }
}
