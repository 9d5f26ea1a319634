package dev.vigil.posture.framework;

import java.util.Objects;

/**
 * A framework's automated requirements judged on one account's results alone. {@code account} is empty for
 * organisation-wide results (those a check reports for no single account). Manual requirements are not repeated per
 * account: they are the same for all and are counted once, in the framework's overall tally.
 */
public record AccountScore(String account, Tally tally) {
    public AccountScore {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(tally, "tally");
    }
}
