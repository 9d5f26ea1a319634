package dev.vigil.engine;

import dev.vigil.engine.sigma.SigmaDocument;
import dev.vigil.engine.sigma.SigmaFilter;
import dev.vigil.model.Problem;

import java.util.ArrayList;
import java.util.List;

/**
 * Rules read from one or more places, and everything that could not be read, with file and line.
 *
 * @param documents the rules and correlations that parsed, in reading order
 * @param filters   the Sigma filters that parsed, in reading order; {@link DetectionSet} applies them to the rules
 *                  they name, wherever those were read
 * @param problems  one entry per problem; the rules concerned are not in {@code documents}
 * @param warnings  problems that left their rule loaded (e.g. a malformed date, a log source no Vigil source has)
 */
public record RuleLoadResult(List<SigmaDocument> documents, List<SigmaFilter> filters, List<Problem> problems,
                             List<Problem> warnings) {

    public RuleLoadResult {
        documents = List.copyOf(documents);
        filters = List.copyOf(filters);
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    /** Rules and correlations only, without warnings. */
    public RuleLoadResult(List<SigmaDocument> documents, List<Problem> problems) {
        this(documents, List.of(), problems, List.of());
    }

    public static RuleLoadResult empty() {
        return new RuleLoadResult(List.of(), List.of(), List.of(), List.of());
    }

    /** This result followed by another, e.g. built-in rules plus a user's directory. */
    public RuleLoadResult plus(RuleLoadResult other) {
        return new RuleLoadResult(concat(documents, other.documents), concat(filters, other.filters),
                concat(problems, other.problems), concat(warnings, other.warnings));
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
