package dev.vigil.engine.sigma;

import dev.vigil.model.Problem;

import java.util.List;

/**
 * What one rule file yielded: the documents that parsed and a problem for each thing that did not.
 *
 * @param documents rules and correlations, in file order
 * @param filters   Sigma filters, in file order
 * @param problems  errors with file and line; documents with errors are not in {@code documents} or {@code filters}
 * @param warnings  problems that did not stop a document from loading
 */
public record SigmaParseResult(List<SigmaDocument> documents, List<SigmaFilter> filters, List<Problem> problems,
                               List<Problem> warnings) {
    public SigmaParseResult {
        documents = List.copyOf(documents);
        filters = List.copyOf(filters);
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    /** A result with rules and correlations only, and no warnings. */
    public SigmaParseResult(List<SigmaDocument> documents, List<Problem> problems) {
        this(documents, List.of(), problems, List.of());
    }
}
