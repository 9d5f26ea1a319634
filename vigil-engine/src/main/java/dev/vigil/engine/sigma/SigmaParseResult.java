package dev.vigil.engine.sigma;

import dev.vigil.model.Problem;

import java.util.List;

/**
 * What one rule file yielded: the documents that parsed and a problem for each thing that did not.
 *
 * @param documents rules and correlations, in file order
 * @param problems  errors with file and line; documents with errors are not in {@code documents}
 */
public record SigmaParseResult(List<SigmaDocument> documents, List<Problem> problems) {
    public SigmaParseResult {
        documents = List.copyOf(documents);
        problems = List.copyOf(problems);
    }
}
