package dev.vigil.metrics.pattern;

import java.util.List;

/** The boolean expression inside a JSON pattern's braces. */
public sealed interface JsonExpr {

    record And(List<JsonExpr> parts) implements JsonExpr {
        public And {
            parts = List.copyOf(parts);
        }
    }

    record Or(List<JsonExpr> parts) implements JsonExpr {
        public Or {
            parts = List.copyOf(parts);
        }
    }

    /** {@code selector op value}, e.g. {@code $.eventName = "ConsoleLogin"}. */
    record Comparison(Selector selector, Operator operator, Value value) implements JsonExpr {
    }

    /** {@code selector IS NULL | IS TRUE | IS FALSE | NOT EXISTS}. */
    record Test(Selector selector, Property property) implements JsonExpr {
    }

    /** What a {@link Test} asks of a field. */
    enum Property {
        IS_NULL("IS NULL"), IS_TRUE("IS TRUE"), IS_FALSE("IS FALSE"), NOT_EXISTS("NOT EXISTS");

        private final String text;

        Property(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }
}
