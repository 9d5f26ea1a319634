package dev.vigil.engine.sigma;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Sigma string: literal text and wildcards ({@code *} any run of characters, {@code ?} exactly one), matched
 * case-insensitively unless {@link #cased()}.
 *
 * <p>Escaping follows the Sigma specification: a backslash makes a following {@code *}, {@code ?} or backslash
 * literal; a backslash before any other character is itself literal. So {@code \*} is a star, {@code \\*} a
 * backslash then a wildcard, and {@code C:\Windows} needs no escaping.
 *
 * @param parts  literal runs and wildcards; adjacent literals merged, runs of {@code *} collapsed
 * @param cased  true when the {@code cased} modifier asked for case-sensitive matching
 * @param source the text as written in the rule, or null when modifiers derived this value from another; the
 *               {@code re} and {@code cidr} modifiers need the unescaped source
 */
public record SigmaString(List<Part> parts, boolean cased, String source) implements SigmaValue {

    /** One piece of a Sigma string. */
    public sealed interface Part permits Literal, Wildcard {
    }

    /** Literal text, matched as is (modulo case). */
    public record Literal(String text) implements Part {
        public Literal {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A wildcard: {@link #ANY_CHARS} is {@code *}, {@link #ONE_CHAR} is {@code ?}. */
    public enum Wildcard implements Part { ANY_CHARS, ONE_CHAR }

    public SigmaString {
        parts = normalize(parts);
    }

    /** Parses text as written in a rule, honouring wildcards and escapes. */
    public static SigmaString parse(String text) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
                if (next == '*' || next == '?' || next == '\\') {
                    literal.append(next);
                    i++;
                } else {
                    literal.append('\\');
                }
            } else if (c == '*' || c == '?') {
                if (!literal.isEmpty()) {
                    parts.add(new Literal(literal.toString()));
                    literal.setLength(0);
                }
                parts.add(c == '*' ? Wildcard.ANY_CHARS : Wildcard.ONE_CHAR);
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty()) {
            parts.add(new Literal(literal.toString()));
        }
        return new SigmaString(parts, false, text);
    }

    /** Plain text without wildcards (e.g. a number's text when a string modifier is applied to it). */
    public static SigmaString literal(String text) {
        return new SigmaString(text.isEmpty() ? List.of() : List.of(new Literal(text)), false, null);
    }

    public boolean hasWildcards() {
        return parts.stream().anyMatch(p -> p instanceof Wildcard);
    }

    /** The text when this string has no wildcards. */
    public Optional<String> plainText() {
        if (hasWildcards()) {
            return Optional.empty();
        }
        StringBuilder b = new StringBuilder();
        for (Part p : parts) {
            b.append(((Literal) p).text());
        }
        return Optional.of(b.toString());
    }

    public boolean startsWithAnyChars() {
        return !parts.isEmpty() && parts.getFirst() == Wildcard.ANY_CHARS;
    }

    public boolean endsWithAnyChars() {
        return !parts.isEmpty() && parts.getLast() == Wildcard.ANY_CHARS;
    }

    /** This string with {@code *} in front (unless already there). */
    public SigmaString withLeadingAnyChars() {
        if (startsWithAnyChars()) {
            return new SigmaString(parts, cased, null);
        }
        List<Part> p = new ArrayList<>(parts.size() + 1);
        p.add(Wildcard.ANY_CHARS);
        p.addAll(parts);
        return new SigmaString(p, cased, null);
    }

    /** This string with {@code *} at the end (unless already there). */
    public SigmaString withTrailingAnyChars() {
        if (endsWithAnyChars()) {
            return new SigmaString(parts, cased, null);
        }
        List<Part> p = new ArrayList<>(parts);
        p.add(Wildcard.ANY_CHARS);
        return new SigmaString(p, cased, null);
    }

    /** The same string, matched case-sensitively. */
    public SigmaString asCased() {
        return new SigmaString(parts, true, source);
    }

    /** The string written back in Sigma syntax, with escapes. */
    public String toSigmaText() {
        StringBuilder b = new StringBuilder();
        for (Part p : parts) {
            switch (p) {
                case Wildcard w -> b.append(w == Wildcard.ANY_CHARS ? '*' : '?');
                case Literal l -> {
                    for (int i = 0; i < l.text().length(); i++) {
                        char c = l.text().charAt(i);
                        if (c == '*' || c == '?' || c == '\\') {
                            b.append('\\');
                        }
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    @Override
    public String describe() {
        return "the string '" + toSigmaText() + "'";
    }

    private static List<Part> normalize(List<Part> in) {
        List<Part> out = new ArrayList<>(in.size());
        for (Part p : Objects.requireNonNull(in, "parts")) {
            Objects.requireNonNull(p, "part");
            Part last = out.isEmpty() ? null : out.getLast();
            if (p instanceof Literal l && l.text().isEmpty()) {
                continue;
            }
            if (p instanceof Literal l && last instanceof Literal prev) {
                out.set(out.size() - 1, new Literal(prev.text() + l.text()));
            } else if (p == Wildcard.ANY_CHARS && last == Wildcard.ANY_CHARS) {
                continue;
            } else {
                out.add(p);
            }
        }
        return List.copyOf(out);
    }
}
