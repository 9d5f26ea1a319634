package dev.vigil.engine.sigma;

/**
 * {@code minute}, {@code hour}, {@code day}, {@code week}, {@code month}, {@code year}: compare a part of the
 * field's date, in UTC, with the value ({@code eventTime|hour: [22, 23]}), or with a bound when a comparison
 * modifier comes before or after ({@code eventTime|hour|lt: 6}).
 */
final class TimePartModifier extends ValueModifier {

    private final SigmaTimePart.Unit unit;

    TimePartModifier(SigmaTimePart.Unit unit) {
        super(unit.modifier());
        this.unit = unit;
    }

    @Override
    SigmaValue modify(SigmaValue value) throws ModifierException {
        return switch (value) {
            case SigmaComparison c -> new SigmaTimePart(unit, c);
            case SigmaNumber n -> new SigmaTimePart(unit, n);
            case SigmaString s when s.plainText().flatMap(SigmaNumber::parse).isPresent() ->
                    new SigmaTimePart(unit, s.plainText().flatMap(SigmaNumber::parse).orElseThrow());
            case SigmaTimePart t -> throw new ModifierException("'" + unit.modifier() + "' cannot follow '"
                    + t.unit().modifier() + "': compare one part of the date per condition");
            default -> throw new ModifierException("'" + unit.modifier() + "' compares the " + unit.modifier()
                    + " of a date with a number; " + value.describe() + " is not one");
        };
    }

    /**
     * Why an equality with this number can never hold (outside the part's range, or not whole), or null. Checked once
     * the chain is complete, since a comparison modifier after this one makes any bound valid.
     */
    static String impossible(SigmaTimePart part) {
        if (!(part.test() instanceof SigmaNumber n)) {
            return null;
        }
        SigmaTimePart.Unit unit = part.unit();
        if (!n.isLong() || n.value().longValue() < unit.min() || n.value().longValue() > unit.max()) {
            return "'" + unit.modifier() + "' is a whole number from " + unit.min() + " to " + unit.max() + ", so "
                    + n.describe() + " can never match";
        }
        return null;
    }
}
