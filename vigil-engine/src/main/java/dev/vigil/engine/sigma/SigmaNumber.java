package dev.vigil.engine.sigma;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A number written unquoted in a rule ({@code fromPort: 22}). It matches event numbers by value, and event
 * strings that read as the same number.
 *
 * @param value the number
 * @param text  how it was written, for messages and for string modifiers applied to it
 */
public record SigmaNumber(BigDecimal value, String text) implements SigmaValue {

    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d{1,4})?");
    private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]{1,16}");
    private static final Pattern OCTAL = Pattern.compile("0o[0-7]{1,21}");

    public SigmaNumber {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(text, "text");
    }

    /**
     * Reads a YAML number token: decimal (with fraction/exponent), {@code 0x} hex or {@code 0o} octal. Anything else
     * (e.g. {@code .inf}) is not a number Sigma can compare and stays a string.
     */
    public static Optional<SigmaNumber> parse(String text) {
        String t = text.strip().replace("_", "");
        if (t.length() > 64) {
            return Optional.empty();
        }
        if (DECIMAL.matcher(t).matches()) {
            return Optional.of(new SigmaNumber(new BigDecimal(t.startsWith("+") ? t.substring(1) : t), text));
        }
        if (HEX.matcher(t).matches()) {
            return Optional.of(new SigmaNumber(new BigDecimal(new java.math.BigInteger(t.substring(2), 16)), text));
        }
        if (OCTAL.matcher(t).matches()) {
            return Optional.of(new SigmaNumber(new BigDecimal(new java.math.BigInteger(t.substring(2), 8)), text));
        }
        return Optional.empty();
    }

    /** True when the value has no fractional part and fits a {@code long}. */
    public boolean isLong() {
        try {
            value.longValueExact();
            return true;
        } catch (ArithmeticException e) {
            return false;
        }
    }

    @Override
    public String describe() {
        return "the number " + text;
    }
}
