package dev.vigil.metrics.pattern;

import java.util.Map;

/**
 * A CloudWatch Logs filter pattern, parsed and compiled once, then evaluated on many messages. The family is
 * chosen by the first non-blank character, as in CloudWatch: {@code {} JSON, {@code [} space-delimited, anything
 * else unstructured terms; the empty pattern matches every message. Matching is case-sensitive throughout.
 *
 * <p>Evaluation never fails and takes time linear in the message (regexes run on RE2/J). Instances are immutable
 * and safe to share between threads.
 */
public final class FilterPattern {

    /** CloudWatch's limit on {@code filterPattern} length. */
    public static final int MAX_LENGTH = 1024;

    /**
     * Evaluation choices where AWS's behaviour is undocumented.
     *
     * @param notEqualMatchesMissing whether {@code $.f != v} matches an event without {@code f}; false by default
     *                               (every comparison on a missing field is false). Confirm with TestMetricFilter.
     */
    public record Options(boolean notEqualMatchesMissing) {
        public static final Options DEFAULT = new Options(false);
    }

    /** The kind of pattern, which decides what metric values and dimensions may refer to. */
    public enum Kind { ALL, TERMS, JSON, DELIMITED }

    private final String text;
    private final PatternNode node;
    private final TermsMatcher terms;
    private final JsonCheck json;
    private final DelimitedMatcher delimited;

    private FilterPattern(String text, PatternNode node, Options options) {
        this.text = text;
        this.node = node;
        this.terms = node instanceof PatternNode.Terms t ? new TermsMatcher(t) : null;
        this.json = node instanceof PatternNode.Json j ? JsonCheck.compile(j.expression(), options) : null;
        this.delimited = node instanceof PatternNode.Delimited d ? new DelimitedMatcher(d) : null;
    }

    /** Parses and compiles; throws {@link PatternException} with the column and what to change. */
    public static FilterPattern compile(String text) {
        return compile(text, Options.DEFAULT);
    }

    public static FilterPattern compile(String text, Options options) {
        if (text == null) {
            text = "";
        }
        return new FilterPattern(text, PatternParser.parse(text), options);
    }

    public String text() {
        return text;
    }

    public PatternNode node() {
        return node;
    }

    public Kind kind() {
        return switch (node) {
            case PatternNode.MatchAll m -> Kind.ALL;
            case PatternNode.Terms t -> Kind.TERMS;
            case PatternNode.Json j -> Kind.JSON;
            case PatternNode.Delimited d -> Kind.DELIMITED;
        };
    }

    /** Whether the message matches. */
    public boolean matches(LogMessage m) {
        return switch (node) {
            case PatternNode.MatchAll a -> true;
            case PatternNode.Terms t -> terms.matches(m.text());
            case PatternNode.Json j -> m.isJson() && json.test(m);
            case PatternNode.Delimited d -> delimited.match(m.text()) != null;
        };
    }

    /**
     * The match with its extracted values ({@code $name → field} for space-delimited patterns), or null when the
     * message does not match.
     */
    public Match match(LogMessage m) {
        if (delimited != null) {
            Map<String, String> fields = delimited.match(m.text());
            return fields == null ? null : new Match(m, fields);
        }
        return matches(m) ? new Match(m, Map.of()) : null;
    }

    /**
     * A reference to a value of matching messages, as metric values and dimensions write it: {@code $.field} for
     * JSON patterns, {@code $name} (a named column) for space-delimited patterns.
     *
     * @throws IllegalArgumentException when the reference does not fit this pattern, with what would
     */
    public ValueReference reference(String ref) {
        return ValueReference.of(ref, this);
    }

    /**
     * The exact strings the JSON field {@code selector} (e.g. {@code $.eventName}) must equal for this pattern to
     * match, or null when the pattern does not pin it down. Sets of filters use it as an index.
     */
    public java.util.Set<String> requiredValues(String selector) {
        java.util.Set<String> s = RequiredValues.of(node, selector);
        return s == null ? null : java.util.Set.copyOf(s);
    }

    @Override
    public String toString() {
        return text;
    }

    /** A matching message and what the pattern extracted from it. */
    public record Match(LogMessage message, Map<String, String> extracted) {
    }
}
