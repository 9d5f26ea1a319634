package dev.vigil.posture.input;

/**
 * One mistake in a posture policy file.
 *
 * @param file    the policy file
 * @param line    1-based line of the key (or of the list element) at fault; 0 when unknown
 * @param key     the key, e.g. {@code root-use-window}; empty for file-level errors
 * @param message what is wrong and what is expected
 */
public record PolicyError(String file, int line, String key, String message) {
    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + (key.isEmpty() ? "" : key + ": ") + message;
    }
}
