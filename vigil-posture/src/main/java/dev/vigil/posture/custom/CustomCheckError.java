package dev.vigil.posture.custom;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One reason a custom check file (or one check in it) was not loaded.
 *
 * @param file    the file, as given or found while walking a directory
 * @param line    1-based line in the file, or 0 when the problem is the whole file (unreadable, too large)
 * @param column  1-based column, or 0 when unknown
 * @param checkId the id of the check the problem belongs to, or empty when it is about the file or the id is unknown
 * @param problem what is wrong and what to do about it, one or two sentences
 */
public record CustomCheckError(Path file, int line, int column, String checkId, String problem) {

    public CustomCheckError {
        Objects.requireNonNull(file, "file");
        checkId = Objects.requireNonNullElse(checkId, "");
        Objects.requireNonNull(problem, "problem");
    }

    /** {@code FILE:LINE:COLUMN: check ID: PROBLEM}, the shape editors and CI logs link to. */
    public String message() {
        StringBuilder out = new StringBuilder(file.toString());
        if (line > 0) {
            out.append(':').append(line);
            if (column > 0) {
                out.append(':').append(column);
            }
        }
        out.append(": ");
        if (!checkId.isEmpty()) {
            out.append("check ").append(checkId).append(": ");
        }
        return out.append(problem).toString();
    }

    @Override
    public String toString() {
        return message();
    }
}
