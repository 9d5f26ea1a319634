package dev.vigil.hub;

import java.util.List;

/**
 * An id prefix given to {@link FindingStore#get(String)} matches more than one finding.
 *
 * <p>Carries the matching ids so a caller can list them; the message already names the first few.
 */
public final class AmbiguousIdException extends StoreException {

    private final String prefix;
    private final long matches;
    private final List<String> candidates;

    AmbiguousIdException(String prefix, long matches, List<String> candidates) {
        super("Finding id prefix '" + prefix + "' is ambiguous: it matches " + matches + " findings ("
                + String.join(", ", candidates) + (matches > candidates.size() ? ", …" : "")
                + "). Give more characters of the id.");
        this.prefix = prefix;
        this.matches = matches;
        this.candidates = List.copyOf(candidates);
    }

    /** The prefix as it was looked up. */
    public String prefix() {
        return prefix;
    }

    /** How many findings the prefix matches. */
    public long matches() {
        return matches;
    }

    /** The first matching ids in id order (at most ten). */
    public List<String> candidates() {
        return candidates;
    }
}
