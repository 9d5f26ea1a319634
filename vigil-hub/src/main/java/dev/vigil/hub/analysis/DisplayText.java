package dev.vigil.hub.analysis;

/**
 * Attacker-influenced text made safe to put in a sentence: control and format characters (terminal escapes,
 * bidirectional overrides, line breaks) become spaces, and long values are cut so that one hostile field cannot
 * swamp a summary. Output formats still escape for their own syntax (HTML, CSV) on top of this.
 */
final class DisplayText {

    /** Longest value shown in full; ARNs are rarely longer. */
    static final int MAX_LENGTH = 160;

    private DisplayText() {
    }

    static String shorten(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_LENGTH + 1));
        int shown = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (shown == MAX_LENGTH) {
                out.append('…');
                break;
            }
            int type = Character.getType(cp);
            boolean unsafe = Character.isISOControl(cp) || type == Character.FORMAT
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                    || type == Character.SURROGATE || type == Character.UNASSIGNED;
            out.appendCodePoint(unsafe ? ' ' : cp);
            shown++;
        }
        return out.toString();
    }
}
