package dev.vigil.engine.sigma;

/** {@code lt}, {@code lte}, {@code gt}, {@code gte}: the field, read as a number, compared with the value. */
final class ComparisonModifier extends ValueModifier {

    private final SigmaComparison.Operator operator;

    ComparisonModifier(SigmaComparison.Operator operator) {
        super(operator.modifier());
        this.operator = operator;
    }

    @Override
    SigmaValue modify(SigmaValue value) throws ModifierException {
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
