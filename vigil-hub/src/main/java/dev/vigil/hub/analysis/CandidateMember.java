package dev.vigil.hub.analysis;

import dev.vigil.model.Severity;

import java.time.Instant;
import java.util.Objects;

/**
 * One finding of an incident candidate, with the tactic it was classified under.
 *
 * @param findingId the finding's Vigil id
 * @param title     its title
 * @param tactic    its ATT&amp;CK tactic, see {@link TacticClassifier}
 * @param severity  its severity
 * @param account   its account, or empty
 * @param firstSeen start of its activity
 * @param lastSeen  end of its activity
 */
public record CandidateMember(String findingId, String title, Tactic tactic, Severity severity, String account,
                              Instant firstSeen, Instant lastSeen) {
    public CandidateMember {
        Objects.requireNonNull(findingId, "findingId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(tactic, "tactic");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
    }
}
