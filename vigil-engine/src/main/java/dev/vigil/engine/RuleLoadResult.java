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
 */
public record RuleLoadResult(List<SigmaDocument> documents, List<Problem> problems) {

    public RuleLoadResult {
        documents = List.copyOf(documents);
        problems = List.copyOf(problems);
    }

    public static RuleLoadResult empty() {
        return new RuleLoadResult(List.of(), List.of());
    }

    /** This result followed by another, e.g. built-in rules plus a user's directory. */
    public RuleLoadResult plus(RuleLoadResult other) {
        List<SigmaDocument> docs = new ArrayList<>(documents);
        docs.addAll(other.documents);
        List<Problem> all = new ArrayList<>(problems);
        all.addAll(other.problems);
        return new RuleLoadResult(docs, all);
    }
}
