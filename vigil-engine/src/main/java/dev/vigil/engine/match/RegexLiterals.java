package dev.vigil.engine.match;

import dev.vigil.engine.sigma.SigmaRegex;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Recognises regular expressions that are only literal alternatives — {@code ^(AccessDenied|Client\.Unauthorized)$},
 * {@code (sqlmap|nmap)}, {@code \.exe$} — and turns them into the plain text patterns the engine already matches
 * with direct loops. Rule packs write such expressions often, and RE2/J's automaton costs far more per value than a
 * substring search; anything beyond literals, escaped punctuation, one group of alternatives and the anchors
 * {@code ^}/{@code $} is left to RE2/J. The result matches exactly what RE2/J would: same anchoring, same case
 * folding (including the Kelvin sign and long s, see {@link CaseFold}).
 */
final class RegexLiterals {

    private static final String META = ".+*?()|[]{}^$\\";

    private RegexLiterals() {
    }

    /** A matcher without an automaton for the expression, when it is literal alternatives. */
    static Optional<ValueMatcher> matcher(SigmaRegex r) {
        return alternatives(r).<ValueMatcher>map(LiteralAlternativesMatcher::new);
    }

    static Optional<TextPattern[]> alternatives(SigmaRegex r) {
        if (r.multiLine()) {
            return Optional.empty(); // ^ and $ would match at line breaks
        }
        String p = r.regex();
        boolean start = p.startsWith("^");
        if (start) {
            p = p.substring(1);
        }
        boolean end = p.endsWith("$") && !escaped(p, p.length() - 1);
        if (end) {
            p = p.substring(0, p.length() - 1);
        }
        String inner = p;
        boolean group = false;
        if (p.startsWith("(?:") && p.endsWith(")") && !escaped(p, p.length() - 1)) {
            inner = p.substring(3, p.length() - 1);
            group = true;
        } else if (p.startsWith("(") && !p.startsWith("(?") && p.endsWith(")") && !escaped(p, p.length() - 1)) {
            inner = p.substring(1, p.length() - 1);
            group = true;
        }
        List<String> literals = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '\\') {
                if (i + 1 >= inner.length()) {
                    return Optional.empty();
                }
                char next = inner.charAt(++i);
                if (next >= 0x80 || Character.isLetterOrDigit(next) || Character.isWhitespace(next)) {
                    return Optional.empty(); // \d, \w, \b, \x41, \n …: classes and escapes with meaning
                }
                current.append(next);
            } else if (c == '|') {
                literals.add(current.toString());
                current.setLength(0);
            } else if (META.indexOf(c) >= 0) {
                return Optional.empty();
            } else {
                current.append(c);
            }
        }
        literals.add(current.toString());
        if (literals.size() > 1 && !group && (start || end)) {
            return Optional.empty(); // ^a|b$ anchors each alternative on its own side
        }
        TextPattern[] out = new TextPattern[literals.size()];
        boolean cased = !r.ignoreCase();
        for (int i = 0; i < out.length; i++) {
            String lit = literals.get(i);
            if (lit.isEmpty()) {
                return Optional.empty();
            }
            char[] chars = cased ? lit.toCharArray() : CaseFold.fold(lit).toCharArray();
            out[i] = start && end ? new TextPattern.Exact(chars, cased)
                    : start ? new TextPattern.Prefix(chars, cased)
                    : end ? new TextPattern.Suffix(chars, cased)
                    : new TextPattern.Contains(chars, cased);
        }
        return Optional.of(out);
    }

    /** True when the character at {@code i} is preceded by an odd number of backslashes. */
    private static boolean escaped(String s, int i) {
        int n = 0;
        for (int j = i - 1; j >= 0 && s.charAt(j) == '\\'; j--) {
            n++;
        }
        return n % 2 == 1;
    }

    /** Any of the literal alternatives. */
    static final class LiteralAlternativesMatcher extends TextValueMatcher {
        private final TextPattern[] alternatives;

        LiteralAlternativesMatcher(TextPattern[] alternatives) {
            this.alternatives = alternatives;
        }

        @Override
        boolean testText(CharSequence text) {
            for (TextPattern p : alternatives) {
                if (p.matches(text)) {
                    return true;
                }
            }
            return false;
        }
    }
}
