package dev.vigil.engine.match;

import dev.vigil.engine.sigma.SigmaString;
import dev.vigil.model.AsciiChars;

import java.util.List;

/**
 * A compiled Sigma string. The common shapes (exact, prefix, suffix, contains) get direct loops; anything else
 * uses a wildcard matcher whose work is bounded by pattern length × text length, never exponential.
 */
sealed interface TextPattern {

    boolean matches(CharSequence text);

    /** Compiles a Sigma string, folding its literal text unless it is cased. */
    static TextPattern of(SigmaString s) {
        List<SigmaString.Part> parts = s.parts();
        boolean cased = s.cased();
        if (parts.isEmpty()) {
            return new Exact(new char[0], cased);
        }
        if (parts.size() == 1 && parts.getFirst() == SigmaString.Wildcard.ANY_CHARS) {
            return new Anything();
        }
        if (parts.size() == 1 && parts.getFirst() instanceof SigmaString.Literal l) {
            return new Exact(chars(l.text(), cased), cased);
        }
        if (parts.size() == 2 && parts.get(0) instanceof SigmaString.Literal l
                && parts.get(1) == SigmaString.Wildcard.ANY_CHARS) {
            return new Prefix(chars(l.text(), cased), cased);
        }
        if (parts.size() == 2 && parts.get(1) instanceof SigmaString.Literal l
                && parts.get(0) == SigmaString.Wildcard.ANY_CHARS) {
            return new Suffix(chars(l.text(), cased), cased);
        }
        if (parts.size() == 3 && parts.get(1) instanceof SigmaString.Literal l
                && parts.get(0) == SigmaString.Wildcard.ANY_CHARS && parts.get(2) == SigmaString.Wildcard.ANY_CHARS) {
            return new Contains(chars(l.text(), cased), cased);
        }
        return Glob.of(parts, cased);
    }

    private static char[] chars(String text, boolean cased) {
        return cased ? text.toCharArray() : CaseFold.fold(text).toCharArray();
    }

    record Anything() implements TextPattern {
        @Override
        public boolean matches(CharSequence text) {
            return true;
        }
    }

    record Exact(char[] pattern, boolean cased) implements TextPattern {
        @Override
        public boolean matches(CharSequence text) {
            return text.length() == pattern.length && CaseFold.regionMatches(text, 0, pattern, cased);
        }
    }

    record Prefix(char[] pattern, boolean cased) implements TextPattern {
        @Override
        public boolean matches(CharSequence text) {
            return text.length() >= pattern.length && CaseFold.regionMatches(text, 0, pattern, cased);
        }
    }

    record Suffix(char[] pattern, boolean cased) implements TextPattern {
        @Override
        public boolean matches(CharSequence text) {
            int offset = text.length() - pattern.length;
            return offset >= 0 && CaseFold.regionMatches(text, offset, pattern, cased);
        }
    }

    record Contains(char[] pattern, boolean cased) implements TextPattern {
        @Override
        public boolean matches(CharSequence text) {
            int last = text.length() - pattern.length;
            if (pattern.length == 0) {
                return true;
            }
            if (text instanceof AsciiChars a) {
                return AsciiSearch.contains(a.array(), a.offset(), a.length(), pattern, cased);
            }
            char first = pattern[0];
            if (!cased && text instanceof String s && first < 0x80 && !Character.isLetter(first)) {
                // a first character with no other case: String.indexOf finds each candidate start (vectorised)
                for (int i = s.indexOf(first); i >= 0 && i <= last; i = s.indexOf(first, i + 1)) {
                    if (CaseFold.regionMatches(s, i, pattern, false)) {
                        return true;
                    }
                }
                return false;
            }
            if (!cased && first >= 'a' && first <= 'z') {
                char upper = (char) (first - ('a' - 'A'));
                if (text instanceof String s && !CaseFold.holdsNonAsciiFolding(s, first)) {
                    return containsLetterFirst(s, last, first, upper);
                }
                // an ASCII letter: it, its upper case, and the few non-ASCII letters that fold to it (Kelvin sign,
                // long s, dotted and dotless i) are the only candidates
                for (int i = 0; i <= last; i++) {
                    char c = text.charAt(i);
                    if ((c == first || c == upper || (c > 0x7f && CaseFold.fold(c) == first))
                            && CaseFold.regionMatches(text, i, pattern, false)) {
                        return true;
                    }
                }
                return false;
            }
            for (int i = 0; i <= last; i++) {
                char c = text.charAt(i);
                if ((cased ? c : CaseFold.fold(c)) == first && CaseFold.regionMatches(text, i, pattern, cased)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Case-insensitive search for a pattern starting with an ASCII letter in a string holding no other character
         * that folds to it: the candidate starts are the letter's two cases, each found by String.indexOf
         * (vectorised), the nearer one tried first. Every rule that looks for a tool name in a user agent (kali,
         * parrot, sqlmap…) runs this on every record.
         */
        private boolean containsLetterFirst(String s, int last, char first, char upper) {
            int lower = s.indexOf(first);
            int capital = s.indexOf(upper);
            while (true) {
                int at = lower < 0 ? capital : capital < 0 ? lower : Math.min(lower, capital);
                if (at < 0 || at > last) {
                    return false;
                }
                if (CaseFold.regionMatches(s, at, pattern, false)) {
                    return true;
                }
                if (at == lower) {
                    lower = s.indexOf(first, at + 1);
                } else {
                    capital = s.indexOf(upper, at + 1);
                }
            }
        }
    }

    /**
     * General wildcards: {@code tokens} holds characters (folded unless cased), {@link #ANY} for {@code *} and
     * {@link #ONE} for {@code ?}. Greedy matching with backtracking to the last {@code *} only.
     */
    record Glob(int[] tokens, boolean cased) implements TextPattern {
        static final int ANY = -1;
        static final int ONE = -2;

        static Glob of(List<SigmaString.Part> parts, boolean cased) {
            int n = 0;
            for (SigmaString.Part p : parts) {
                n += p instanceof SigmaString.Literal l ? l.text().length() : 1;
            }
            int[] tokens = new int[n];
            int i = 0;
            for (SigmaString.Part p : parts) {
                switch (p) {
                    case SigmaString.Wildcard w -> tokens[i++] = w == SigmaString.Wildcard.ANY_CHARS ? ANY : ONE;
                    case SigmaString.Literal l -> {
                        for (int k = 0; k < l.text().length(); k++) {
                            char c = l.text().charAt(k);
                            tokens[i++] = cased ? c : CaseFold.fold(c);
                        }
                    }
                }
            }
            return new Glob(tokens, cased);
        }

        @Override
        public boolean matches(CharSequence text) {
            int t = 0;
            int p = 0;
            int star = -1;
            int resume = 0;
            int n = text.length();
            while (t < n) {
                if (p < tokens.length && tokens[p] != ANY
                        && (tokens[p] == ONE || tokens[p] == (cased ? text.charAt(t) : CaseFold.fold(text.charAt(t))))) {
                    p++;
                    t++;
                } else if (p < tokens.length && tokens[p] == ANY) {
                    star = p++;
                    resume = t;
                } else if (star >= 0) {
                    p = star + 1;
                    t = ++resume;
                } else {
                    return false;
                }
            }
            while (p < tokens.length && tokens[p] == ANY) {
                p++;
            }
            return p == tokens.length;
        }
    }
}
