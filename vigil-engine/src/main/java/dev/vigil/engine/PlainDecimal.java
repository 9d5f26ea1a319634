package dev.vigil.engine;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The numbers value_sum, value_avg and value_percentile read from event fields: plain decimal notation of bounded
 * length only, so that a hostile value such as {@code 1e999999999} cannot make the arithmetic slow or huge.
 */
final class PlainDecimal {

    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,30}(\\.\\d{1,18})?");

    private PlainDecimal() {
    }

    /** The number the text stands for, or null when it is absent or not a plain decimal. */
    static BigDecimal parse(String text) {
        if (text == null || text.length() > 50 || !NUMBER.matcher(text).matches()) {
            return null;
        }
        return new BigDecimal(text);
    }
}
