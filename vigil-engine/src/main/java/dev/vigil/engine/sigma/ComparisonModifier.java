package dev.vigil.engine.sigma;

/**
 * {@code lt}, {@code lte}, {@code gt}, {@code gte}: the field, read as a number, compared with the value. After a
 * time modifier ({@code hour|lt: 6}) the comparison applies to that part of the field's date.
 */
final class ComparisonModifier extends ValueModifier {

    private final SigmaComparison.Operator operator;

    ComparisonModifier(SigmaComparison.Operator operator) {
        super(operator.modifier());
        this.operator = operator;
    }

    @Override
    SigmaValue modify(SigmaValue value) throws ModifierException {
        if (value instanceof SigmaTimePart t) {
            if (!(t.test() instanceof SigmaNumber n)) {
                throw new ModifierException("'" + operator.modifier() + "' cannot follow another comparison ("
                        + t.describe() + "); write one bound per condition");
            }
            return new SigmaTimePart(t.unit(), new SigmaComparison(operator, n));
        }
        SigmaNumber bound = switch (value) {
            case SigmaNumber n -> n;
            case SigmaString s when s.plainText().flatMap(SigmaNumber::parse).isPresent() ->
                    s.plainText().flatMap(SigmaNumber::parse).orElseThrow();
            default -> throw new ModifierException("'" + operator.modifier() + "' compares numbers; "
                    + value.describe() + " is not one");
        };
        return new SigmaComparison(operator, bound);
    }
}
