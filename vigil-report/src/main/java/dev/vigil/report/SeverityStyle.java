package dev.vigil.report;

import dev.vigil.model.Severity;

import java.util.Locale;

/**
 * How each severity looks: a CSS class and colour for the page (chosen so white text on them meets WCAG AA
 * contrast), and an SGR colour for the terminal. The label is always shown as text too, so colour is never
 * the only signal.
 */
final class SeverityStyle {

    private SeverityStyle() {
    }

    /** CSS class suffix, e.g. {@code critical}; used as {@code sev-critical}. */
    static String cssName(Severity s) {
        return s.name().toLowerCase(Locale.ROOT);
    }

    /** Fill colour for charts; the stylesheet uses the same values. */
    static String colour(Severity s) {
        return switch (s) {
            case CRITICAL -> "#7f1d1d";
            case HIGH -> "#c81e1e";
            case MEDIUM -> "#b45309";
            case LOW -> "#1d4ed8";
            case INFORMATIONAL -> "#52606d";
        };
    }

    /** SGR parameters for the terminal. */
    static String sgr(Severity s) {
        return switch (s) {
            case CRITICAL -> "1;97;41";
            case HIGH -> "1;31";
            case MEDIUM -> "33";
            case LOW -> "36";
            case INFORMATIONAL -> "2";
        };
    }

    /** Severities from most to least severe, the order every list in a report uses. */
    static Severity[] mostSevereFirst() {
        Severity[] all = Severity.values();
        Severity[] reversed = new Severity[all.length];
        for (int i = 0; i < all.length; i++) {
            reversed[i] = all[all.length - 1 - i];
        }
        return reversed;
    }
}
