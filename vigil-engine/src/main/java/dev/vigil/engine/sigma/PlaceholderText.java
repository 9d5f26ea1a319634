package dev.vigil.engine.sigma;

import java.util.ArrayList;
import java.util.List;

/**
 * A value of an {@code expand} condition split into text and {@code %name%} placeholders. A backslash before
 * {@code %} makes it a plain percent sign ({@code \%plain%name%}: the text {@code %plain} then the placeholder
 * {@code name}), as the Sigma specification says; any other {@code %} must open a placeholder.
 */
final class PlaceholderText {

    /** A piece of the value. */
    sealed interface Piece permits Text, Name {
    }

    /** Text as it stands (still in Sigma syntax when read from the rule source). */
    record Text(String text) implements Piece {
    }

    /** A placeholder's name. */
    record Name(String name) implements Piece {
    }

    private PlaceholderText() {
    }

    /**
     * Splits the value as the rule wrote it. Sigma escapes other than {@code \%} ({@code \\}, {@code \*},
     * {@code \?}) stay in the text for the string parser, so {@code \\%name%} is a backslash before a placeholder.
     */
    static List<Piece> ofSource(String source) throws ModifierException {
        return split(source, true);
    }

    /** Splits literal text, whose Sigma escapes were already read: only {@code \%} is an escape here. */
    static List<Piece> ofLiteral(String literal) throws ModifierException {
        return split(literal, false);
    }

    /** True when the pieces hold a placeholder. */
    static boolean hasNames(List<Piece> pieces) {
        return pieces.stream().anyMatch(p -> p instanceof Name);
    }

    private static List<Piece> split(String s, boolean keepSigmaEscapes) throws ModifierException {
        List<Piece> pieces = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            char next = i + 1 < s.length() ? s.charAt(i + 1) : 0;
            if (c == '\\' && next == '%') {
                text.append('%');
                i += 2;
            } else if (c == '\\' && keepSigmaEscapes && (next == '\\' || next == '*' || next == '?')) {
                text.append(c).append(next);
                i += 2;
            } else if (c == '%') {
                int close = s.indexOf('%', i + 1);
                String name = close < 0 ? "" : s.substring(i + 1, close);
                if (!Placeholders.validName(name)) {
                    throw new ModifierException("'expand' found a '%' that does not open a placeholder in '" + s
                            + "': write placeholders as %name% (letters, digits, '_', '-', '.') and a plain percent"
                            + " sign as \\%");
                }
                if (!text.isEmpty()) {
                    pieces.add(new Text(text.toString()));
                    text.setLength(0);
                }
                pieces.add(new Name(name));
                i = close + 1;
            } else {
                text.append(c);
                i++;
            }
        }
        if (!text.isEmpty()) {
            pieces.add(new Text(text.toString()));
        }
        return pieces;
    }
}
