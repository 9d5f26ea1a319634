package dev.vigil.engine.sigma;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

import java.util.Objects;

/**
 * A regular expression from the {@code re} modifier, searched anywhere in the value (use {@code ^…$} to anchor).
 * Evaluated with RE2/J, whose matching time is linear in the input, so no rule can make a hostile log value
 * take exponential time; constructs RE2 cannot run in linear time (backreferences, lookaround) fail at load.
 *
 * @param regex      the expression as written
 * @param ignoreCase {@code re|i}
 * @param multiLine  {@code re|m}: {@code ^} and {@code $} match at line breaks
 * @param dotAll     {@code re|s}: {@code .} matches line breaks
 */
public record SigmaRegex(String regex, boolean ignoreCase, boolean multiLine, boolean dotAll) implements SigmaValue {

    public SigmaRegex {
        Objects.requireNonNull(regex, "regex");
    }

    /** RE2/J flags for these options. */
    public int flags() {
        return (ignoreCase ? Pattern.CASE_INSENSITIVE : 0)
                | (multiLine ? Pattern.MULTILINE : 0)
                | (dotAll ? Pattern.DOTALL : 0);
    }

    /** Compiles the expression. */
    public Pattern compile() {
        return Pattern.compile(regex, flags());
    }

    /** Compiles the expression or explains why RE2 rejects it. */
    static SigmaRegex checked(SigmaRegex r) throws ModifierException {
        try {
            r.compile();
            return r;
        } catch (PatternSyntaxException e) {
            throw new ModifierException("regular expression '" + r.regex() + "' is not valid for RE2 ("
                    + e.getDescription() + "); RE2 has no backreferences or lookaround, rewrite without them");
        }
    }

    @Override
    public String describe() {
        return "the regular expression '" + regex + "'";
    }
}
