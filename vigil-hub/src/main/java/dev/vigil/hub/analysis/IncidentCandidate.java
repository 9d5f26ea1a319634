package dev.vigil.hub.analysis;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Findings that share a principal, access key or resource close in time, grouped as one possible intrusion, in the
 * spirit of GuardDuty's attack sequences.
 *
 * @param id              {@code ic-} and 32 hex digits of SHA-256 over the sorted member ids: the same findings
 *                        always give the same id, and a new member gives a new id
 * @param members         the findings, in time order (first seen, then id)
 * @param linkingEntities the entities through which members linked, sorted
 * @param firstSeen       earliest member activity
 * @param lastSeen        latest member activity
 * @param accounts        distinct non-empty member accounts, sorted
 * @param progression     the distinct known tactics in the order they first appear in time
 * @param score           0–100, see {@code RiskWeights}
 * @param summary         one paragraph in words
 */
public record IncidentCandidate(String id, List<CandidateMember> members, List<LinkingEntity> linkingEntities,
                                Instant firstSeen, Instant lastSeen, List<String> accounts, List<Tactic> progression,
                                int score, String summary) {

    public IncidentCandidate {
        Objects.requireNonNull(id, "id");
        members = List.copyOf(members);
        linkingEntities = List.copyOf(linkingEntities);
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
        accounts = List.copyOf(accounts);
        progression = List.copyOf(progression);
        Objects.requireNonNull(summary, "summary");
    }

    /** Number of distinct known tactics. */
    public int tacticCount() {
        return progression.size();
    }

    public List<String> memberIds() {
        return members.stream().map(CandidateMember::findingId).toList();
    }
}
