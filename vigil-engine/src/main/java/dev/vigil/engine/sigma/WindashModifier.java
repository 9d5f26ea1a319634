package dev.vigil.engine.sigma;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code windash}: Windows programs accept a flag written with {@code -} or {@code /}, and text copied through
 * editors turns dashes into en dashes, em dashes or horizontal bars. Every flag character of the value, that is
 * one of those five characters starting a word ({@code -enc}, {@code /c}, but not the dash inside
 * {@code Get-Item} or {@code --}'s first dash), is replaced by each of the five in turn, giving 5^k alternatives
 * for k flag characters. Characters inside a word are left alone, as in pySigma.
 */
final class WindashModifier extends ValueModifier {

    /** The interchangeable flag characters: hyphen-minus, slash, en dash, em dash, horizontal bar. */
    static final char[] DASHES = {'-', '/', '\u2013', '\u2014', '\u2015'};

    WindashModifier() {
        super("windash");
    }

    @Override
    List<SigmaValue> variants(SigmaValue value, ModifierContext context) throws ModifierException {
        SigmaString s = asString(value);
        List<List<SigmaString.Part>> results = new ArrayList<>();
        results.add(new ArrayList<>());
        List<SigmaString.Part> parts = s.parts();
        for (int p = 0; p < parts.size(); p++) {
            if (!(parts.get(p) instanceof SigmaString.Literal literal)) {
                for (List<SigmaString.Part> r : results) {
                    r.add(parts.get(p));
                }
                continue;
            }
            String text = literal.text();
            StringBuilder run = new StringBuilder();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean startsWord = i + 1 < text.length() && isWordChar(text.charAt(i + 1));
                // at the start of a literal the value starts or a wildcard comes before: no word before it
                boolean afterWord = i > 0 && isWordChar(text.charAt(i - 1));
                if (!isDash(c) || !startsWord || afterWord) {
                    run.append(c);
                    continue;
                }
                flush(results, run);
                if ((long) results.size() * DASHES.length > ModifiedValues.MAX_VALUES) {
                    throw new ModifierException("'windash' makes more than " + ModifiedValues.MAX_VALUES
                            + " alternatives of " + s.describe() + " (5 per flag); split the value");
                }
                List<List<SigmaString.Part>> next = new ArrayList<>(results.size() * DASHES.length);
                for (List<SigmaString.Part> r : results) {
                    for (char d : DASHES) {
                        List<SigmaString.Part> copy = new ArrayList<>(r);
                        copy.add(new SigmaString.Literal(String.valueOf(d)));
                        next.add(copy);
                    }
                }
                results = next;
            }
            flush(results, run);
        }
        if (results.size() == 1) {
            return List.of(s);
        }
        List<SigmaValue> out = new ArrayList<>(results.size());
        for (List<SigmaString.Part> r : results) {
            out.add(new SigmaString(r, s.cased(), null));
        }
        return out;
    }

    private static void flush(List<List<SigmaString.Part>> results, StringBuilder run) {
        if (!run.isEmpty()) {
            SigmaString.Literal l = new SigmaString.Literal(run.toString());
            for (List<SigmaString.Part> r : results) {
                r.add(l);
            }
            run.setLength(0);
        }
    }

    private static boolean isDash(char c) {
        for (char d : DASHES) {
            if (c == d) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
