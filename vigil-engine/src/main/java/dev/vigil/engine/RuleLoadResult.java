package dev.vigil.engine;

import dev.vigil.engine.sigma.SigmaDocument;
import dev.vigil.model.Problem;

import java.util.ArrayList;
import java.util.List;

/**
 * Rules read from one or more places, and everything that could not be read, with file and line.
 *
 * @param documents the rules and correlations that parsed, in reading order
 * @param problems  one entry per problem; the rules concerned are not in {@code documents}
 * @param warnings  problems that left their rule loaded (e.g. a malformed date, a log source no Vigil source has)
 */
public record RuleLoadResult(List<SigmaDocument> documents, List<Problem> problems, List<Problem> warnings) {

    public RuleLoadResult {
        documents = List.copyOf(documents);
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    /** A result without warnings. */
    public RuleLoadResult(List<SigmaDocument> documents, List<Problem> problems) {
        this(documents, problems, List.of());
    }

    public static RuleLoadResult empty() {
        return new RuleLoadResult(List.of(), List.of(), List.of());
    }

    /** This result followed by another, e.g. built-in rules plus a user's directory. */
    public RuleLoadResult plus(RuleLoadResult other) {
        return new RuleLoadResult(concat(documents, other.documents), concat(problems, other.problems),
                concat(warnings, other.warnings));
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
