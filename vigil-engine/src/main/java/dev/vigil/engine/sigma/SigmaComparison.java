package dev.vigil.engine.sigma;

import java.util.Objects;

/**
 * A numeric comparison from the {@code lt}, {@code lte}, {@code gt} or {@code gte} modifier: the event value,
 * read as a number, compared with {@link #bound()}.
 */
public record SigmaComparison(Operator operator, SigmaNumber bound) implements SigmaValue {

    /** How the event value must compare with the bound. */
    public enum Operator {
        LT("lt"), LTE("lte"), GT("gt"), GTE("gte");

        private final String modifier;

        Operator(String modifier) {
            this.modifier = modifier;
        }

        /** The Sigma modifier name. */
        public String modifier() {
            return modifier;
        }

        /** True when {@code cmp} (the sign of value − bound) satisfies the operator. */
        public boolean accepts(int cmp) {
            return switch (this) {
                case LT -> cmp < 0;
                case LTE -> cmp <= 0;
                case GT -> cmp > 0;
                case GTE -> cmp >= 0;
            };
        }
    }

    public SigmaComparison {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(bound, "bound");
    }

    @Override
    public String describe() {
        return operator.modifier() + " " + bound.text();
    }
}
