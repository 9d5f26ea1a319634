package dev.vigil.posture.input;

import dev.vigil.model.Problem;

import java.util.Objects;

/**
 * Something in the inputs that could not be used, and where.
 *
 * @param file     the file as the user named it (or found it under a named directory)
 * @param position where in the file: {@code item 12 (line 340)}, {@code line 4}, {@code record 3 (byte 812)};
 *                 empty when the whole file is concerned
 * @param reason   short stable key for counting, e.g. {@code invalid-json}, {@code bad-time}
 * @param message  a sentence for a person: what is wrong and what was done (skipped the item, the file…)
 */
public record InputProblem(String file, String position, String reason, String message) {
    public InputProblem {
        Objects.requireNonNull(file, "file");
        position = Objects.requireNonNullElse(position, "");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }

    /** {@code file#position}, or the file alone. */
    public String location() {
        return position.isEmpty() ? file : file + "#" + position;
    }

    /** The project-wide problem form, for the run summary shared with the other readers. */
    public Problem toProblem() {
        return new Problem(location(), reason, message);
    }

    @Override
    public String toString() {
        return location() + ": " + message;
    }
}
