package dev.vigil.engine.sigma;

import java.time.Duration;

/**
 * Sigma's time spans, a whole number and a unit ({@code 5m}, {@code 1h}, {@code 2w}), as correlation {@code timespan}
 * and Sigma 1 {@code timeframe} write them. Callers choose which units they accept and word their own errors.
 */
final class SigmaTimespan {

    private SigmaTimespan() {
    }

    /**
     * The span, or null when the text is not up to nine digits followed by one of {@code units} (from
     * {@code s m h d w}).
     */
    static Duration parse(String text, String units) {
        int unitAt = text.length() - 1;
        if (!wellFormed(text) || units.indexOf(text.charAt(unitAt)) < 0) {
            return null;
        }
        long n = Long.parseLong(text.substring(0, unitAt));
        return switch (text.charAt(unitAt)) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            case 'd' -> Duration.ofDays(n);
            case 'w' -> Duration.ofDays(7 * n);
            default -> null;
        };
    }

    /** True when the text is up to nine digits followed by {@code unit}, e.g. a Sigma 1 timeframe in months. */
    static boolean hasUnit(String text, char unit) {
        return wellFormed(text) && text.charAt(text.length() - 1) == unit;
    }

    private static boolean wellFormed(String text) {
        int unitAt = text.length() - 1;
        if (unitAt < 1 || unitAt > 9) {
            return false;
        }
        for (int i = 0; i < unitAt; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** True when the span is more than zero and at most {@link SigmaRuleParser#MAX_TIMESPAN}. */
    static boolean inRange(Duration d) {
        return !d.isZero() && d.compareTo(SigmaRuleParser.MAX_TIMESPAN) <= 0;
    }
}
