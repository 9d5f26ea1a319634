package dev.vigil.hub;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A decision that findings matching some criteria need no action: they are kept with workflow SUPPRESSED, never
 * deleted, until the rule expires or is removed.
 *
 * @param id        letters, digits, {@code . _ -}, at most 64; empty to have one derived from the rule's content
 * @param criteria  which findings it matches
 * @param reason    why they need no action (required)
 * @param owner     who answers for the rule (required)
 * @param createdAt when it was made
 * @param expiresAt when it stops applying, or empty for never
 * @param createdBy who made it
 */
public record SuppressionRule(String id, SuppressionCriteria criteria, String reason, String owner,
                              Instant createdAt, Optional<Instant> expiresAt, String createdBy) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public SuppressionRule {
        Objects.requireNonNull(criteria, "criteria");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        reason = required(reason, "reason", "why the findings need no action");
        owner = required(owner, "owner", "who answers for the rule");
        createdBy = required(createdBy, "createdBy", "who is adding it");
        id = Objects.requireNonNullElse(id, "").strip();
        if (id.isEmpty()) {
            id = derivedId(criteria, reason, owner, createdAt);
        } else if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("suppression rule id '" + id + "' is not allowed: use 1-64 letters,"
                    + " digits, '.', '_' or '-'");
        }
        if (expiresAt.isPresent() && !expiresAt.get().isAfter(createdAt)) {
            throw new IllegalArgumentException("suppression rule " + id + " would expire (" + expiresAt.get()
                    + ") before it is created (" + createdAt + "); give a later expiry or none");
        }
    }

    /** True when the rule applies at this instant (it has not expired). */
    public boolean activeAt(Instant now) {
        return expiresAt.map(now::isBefore).orElse(true);
    }

    private static String required(String value, String field, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a suppression rule needs a " + field + ": " + what);
        }
        return value.strip();
    }

    private static String derivedId(SuppressionCriteria criteria, String reason, String owner, Instant createdAt) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update((criteria.asMap() + "\0" + reason + "\0" + owner + "\0" + createdAt)
                    .getBytes(StandardCharsets.UTF_8));
            return "sup-" + HexFormat.of().formatHex(md.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
