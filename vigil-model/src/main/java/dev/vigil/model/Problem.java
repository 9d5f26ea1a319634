package dev.vigil.model;

import java.util.Objects;

/**
 * Something in the input that could not be used: a truncated file, a malformed record, an unreadable path.
 *
 * @param location file and position, e.g. {@code logs/a.json.gz#byte 4096} or {@code logs/a.json.gz#record 12}
 * @param reason   short machine-stable reason used to count problems, e.g. {@code invalid-json}
 * @param message  a sentence for a human: what is wrong and, where it helps, what to do
 */
public record Problem(String location, String reason, String message) {
    public Problem {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }
}
