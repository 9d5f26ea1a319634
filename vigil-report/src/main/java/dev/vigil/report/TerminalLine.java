package dev.vigil.report;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of terminal output built from pieces, each optionally coloured, that is cut to a width by its
 * visible text only: colour codes take no columns, and a cut line still ends with the colour reset.
 *
 * <p>Pieces added with {@link #data(String)} are sanitized here, so data can not bring its own escapes;
 * {@link #label(String)} is for this module's own text. Sanitizing is idempotent, so data already sanitized
 * (to measure or pad it) is passed through {@code data} again; that keeps the rule checkable by reading.
 */
final class TerminalLine {

    private static final String RESET = "\u001B[0m";

    private record Piece(String text, String sgr) {
    }

    private final List<Piece> pieces = new ArrayList<>();

    /** Adds this module's own text, uncoloured. */
    TerminalLine label(String text) {
        pieces.add(new Piece(text, null));
        return this;
    }

    /** Adds this module's own text in a colour (SGR parameters such as {@code 1;31}). */
    TerminalLine label(String text, String sgr) {
        pieces.add(new Piece(text, sgr));
        return this;
    }

    /** Adds text from data, sanitized. */
    TerminalLine data(String text) {
        pieces.add(new Piece(TerminalText.sanitize(text), null));
        return this;
    }

    /** Adds text from data, sanitized, in a colour. */
    TerminalLine data(String text, String sgr) {
        pieces.add(new Piece(TerminalText.sanitize(text), sgr));
        return this;
    }

    /** The line cut to at most {@code width} columns, with or without colour. */
    String render(int width, boolean colour) {
        int total = 0;
        for (Piece p : pieces) {
            total += TerminalText.width(p.text());
        }
        boolean cutting = total > width;
        int budget = cutting ? width - 1 : total; // a cut line keeps one column for the ellipsis
        StringBuilder out = new StringBuilder();
        for (Piece p : pieces) {
            String text = p.text();
            int w = TerminalText.width(text);
            boolean reachesCut = cutting && w >= budget;
            if (w > budget) {
                text = TerminalText.prefix(text, budget);
            }
            boolean styled = colour && p.sgr() != null;
            if (styled) {
                out.append("\u001B[").append(p.sgr()).append('m');
            }
            out.append(text);
            if (reachesCut) {
                out.append(TerminalText.ELLIPSIS);
            }
            if (styled) {
                out.append(RESET);
            }
            if (reachesCut) {
                break;
            }
            budget -= w;
        }
        return stripTrailingSpaces(out);
    }

    private static String stripTrailingSpaces(StringBuilder sb) {
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == ' ') {
            end--;
        }
        return sb.substring(0, end);
    }
}
