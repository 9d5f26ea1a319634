package dev.vigil.engine.sigma;

import java.util.List;
import java.util.Objects;

/**
 * The parsed {@code condition} of a rule: a tree over search identifiers. Precedence when parsing, from loosest:
 * {@code or}, {@code and}, {@code not}, {@code 1 of}/{@code all of}, parentheses.
 */
public sealed interface Condition
        permits Condition.And, Condition.Or, Condition.Not, Condition.Ref, Condition.OneOf, Condition.AllOf {

    /** Every operand holds. */
    record And(List<Condition> operands) implements Condition {
        public And {
            operands = List.copyOf(operands);
        }
    }

    /** At least one operand holds. */
    record Or(List<Condition> operands) implements Condition {
        public Or {
            operands = List.copyOf(operands);
        }
    }

    /** The operand does not hold. */
    record Not(Condition operand) implements Condition {
        public Not {
            Objects.requireNonNull(operand, "operand");
        }
    }

    /** The named search identifier matches. */
    record Ref(String identifier) implements Condition {
        public Ref {
            Objects.requireNonNull(identifier, "identifier");
        }
    }

    /** {@code 1 of pattern}: at least one selected identifier matches. */
    record OneOf(IdentifierSelector selector) implements Condition {
    }

    /** {@code all of pattern}: every selected identifier matches. */
    record AllOf(IdentifierSelector selector) implements Condition {
    }
}
