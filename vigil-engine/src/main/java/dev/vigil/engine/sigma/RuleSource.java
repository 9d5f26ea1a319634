package dev.vigil.engine.sigma;

import java.util.Objects;

/**
 * Where a rule, or a part of one, was written: a file or classpath resource and a 1-based line (0 when unknown).
 *
 * @param file path or resource name as the user gave it, e.g. {@code rules/iam.yml} or {@code classpath:rules/iam.yml}
 * @param line 1-based line, 0 when the position is not known
 */
public record RuleSource(String file, int line) {
    public RuleSource {
        Objects.requireNonNull(file, "file");
        line = Math.max(0, line);
    }

    /** The same file at another line. */
    public RuleSource at(int otherLine) {
        return new RuleSource(file, otherLine);
    }

    /** {@code file:line}, or just the file when the line is unknown; the form used in problem reports. */
    public String location() {
        return line > 0 ? file + ":" + line : file;
    }

    @Override
    public String toString() {
        return location();
    }
}
