package dev.vigil.engine.sigma;

import java.util.Objects;

/**
 * A part of a date from the time modifiers ({@code minute}, {@code hour}, {@code day}, {@code week},
 * {@code month}, {@code year}): the event value, read as a date-time in UTC, has this part equal to a number
 * ({@code eventTime|hour: 3}) or compared with one ({@code eventTime|hour|lt: 6}).
 *
 * @param unit the part of the date
 * @param test a {@link SigmaNumber} (equality) or a {@link SigmaComparison}
 */
public record SigmaTimePart(Unit unit, SigmaValue test) implements SigmaValue {

    /** The parts of a date Sigma can compare, with their valid range. */
    public enum Unit {
        MINUTE("minute", 0, 59),
        HOUR("hour", 0, 23),
        DAY("day", 1, 31),
        /** ISO-8601 week of the week-based year: weeks start on Monday, week 1 holds the year's first Thursday. */
        WEEK("week", 1, 53),
        MONTH("month", 1, 12),
        YEAR("year", 0, 9999);

        private final String modifier;
        private final int min;
        private final int max;

        Unit(String modifier, int min, int max) {
            this.modifier = modifier;
            this.min = min;
            this.max = max;
        }

        /** The Sigma modifier name. */
        public String modifier() {
            return modifier;
        }

        public int min() {
            return min;
        }

        public int max() {
            return max;
        }
    }

    public SigmaTimePart {
        Objects.requireNonNull(unit, "unit");
        if (!(test instanceof SigmaNumber || test instanceof SigmaComparison)) {
            throw new IllegalArgumentException("a time part compares with a number or a comparison, not " + test);
        }
    }

    @Override
    public String describe() {
        return unit.modifier() + " " + (test instanceof SigmaNumber n ? n.text() : test.describe());
    }
}
