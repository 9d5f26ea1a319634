package dev.vigil.report;

/**
 * Shortens a long value for display without splitting a character, saying how much was left out. Used for
 * values shown in table cells, where a 100 kB userAgent would otherwise swamp the page; the whole value is
 * still in the raw record.
 */
final class Clip {

    private Clip() {
    }

    static String clip(String s, int maxChars) {
        if (s == null) {
            return "";
        }
        if (s.length() <= maxChars) {
            return s;
        }
        int end = maxChars;
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end) + "\u2026 (" + HumanFormat.count(s.length() - end) + " more characters)";
    }
}
