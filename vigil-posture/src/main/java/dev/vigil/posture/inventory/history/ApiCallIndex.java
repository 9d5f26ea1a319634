package dev.vigil.posture.inventory.history;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CloudTrail write calls indexed by the identifiers they mention (resource ids, names, ARNs found in
 * {@code requestParameters}, {@code responseElements} and {@code resources[]}), so a change to a resource finds its
 * candidate calls by the resource's id, name or ARN without scanning every call.
 *
 * <p>Bounded: at most {@code maxCalls} calls and {@code maxMentionsPerCall} identifiers per call are kept. Once full,
 * further calls are refused ({@link #add} returns false) so memory stays flat on a year of logs; the reader reports
 * that attribution then covers only the calls kept.
 */
public final class ApiCallIndex {

    /** Identifiers shorter than this are too common ("a", "on") to tie a call to a resource. */
    static final int MIN_MENTION = 3;
    /** Longer text is a document (a policy, a template), not an identifier. */
    static final int MAX_MENTION = 1024;

    private final int maxCalls;
    private final int maxMentionsPerCall;
    private final Map<String, List<ApiCall>> byMention = new HashMap<>();
    private int calls;
    private int refused;

    public ApiCallIndex(int maxCalls, int maxMentionsPerCall) {
        if (maxCalls < 0 || maxMentionsPerCall < 1) {
            throw new IllegalArgumentException("maxCalls must be >= 0 and maxMentionsPerCall >= 1");
        }
        this.maxCalls = maxCalls;
        this.maxMentionsPerCall = maxMentionsPerCall;
    }

    /** An index with room for a million calls and 64 identifiers each. */
    public static ApiCallIndex withDefaultLimits() {
        return new ApiCallIndex(1_000_000, 64);
    }

    /** An index that holds nothing: history without CloudTrail. */
    public static ApiCallIndex empty() {
        return new ApiCallIndex(0, 1);
    }

    /**
     * Adds a call under the identifiers it mentions (text that cannot be an identifier is ignored).
     *
     * @return false when the index is full and the call was not kept
     */
    public boolean add(ApiCall call, Collection<String> mentions) {
        if (calls >= maxCalls) {
            refused++;
            return false;
        }
        Set<String> kept = new LinkedHashSet<>();
        for (String m : mentions) {
            if (kept.size() >= maxMentionsPerCall) {
                break;
            }
            if (m != null && m.length() >= MIN_MENTION && m.length() <= MAX_MENTION) {
                kept.add(m);
            }
        }
        if (kept.isEmpty()) {
            return true; // nothing to find it by: not worth keeping, but not a refusal either
        }
        calls++;
        for (String m : kept) {
            byMention.computeIfAbsent(m, k -> new ArrayList<>(2)).add(call);
        }
        return true;
    }

    /** Calls that mention the text exactly. */
    public List<ApiCall> mentioning(String identifier) {
        return identifier == null ? List.of() : byMention.getOrDefault(identifier, List.of());
    }

    /** Calls kept. */
    public int size() {
        return calls;
    }

    /** Calls refused because the index was full. */
    public int refused() {
        return refused;
    }

    public boolean isEmpty() {
        return calls == 0;
    }
}
