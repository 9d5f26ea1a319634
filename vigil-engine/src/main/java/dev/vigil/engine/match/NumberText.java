package dev.vigil.engine.match;

/** Reads a number from text found in a log, for numeric comparisons; anything else reads as NaN. */
final class NumberText {

    private NumberText() {
    }

    /** The value of a plain decimal number (sign, digits, fraction, exponent), else NaN. */
    static double parse(CharSequence s) {
        int n = s.length();
        if (n == 0 || n > 40) {
            return Double.NaN;
        }
        boolean digit = false;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c != '-' && c != '+' && c != '.' && c != 'e' && c != 'E') {
                return Double.NaN;
            }
        }
        if (!digit) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s.toString());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
