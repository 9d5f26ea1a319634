package dev.vigil.metrics.pattern;

/** One term of an unstructured pattern. */
public sealed interface Term {

    /** A bare word or a quoted phrase: the message contains it (case-sensitive substring). */
    record Phrase(String text) implements Term {
    }

    /** A {@code %regex%} term: the regex finds a match somewhere in the message. */
    record Regex(Value.Regex regex) implements Term {
    }
}
