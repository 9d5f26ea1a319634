package dev.vigil.posture.input;

/**
 * Text from the inputs (a parser's message quoting the file, a key, a value) as it may appear in a problem: short
 * and without control characters. Renderers escape anyway; this keeps a hostile file from filling a report.
 */
final class Shown {

    private Shown() {
    }

    static String of(String text, int max) {
        if (text == null) {
            return "";
        }
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > max ? clean.substring(0, max) + "…" : clean;
    }
}
