package dev.vigil.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A detection result: one rule matched on one set of key facts (account, region, principal, resource…).
 *
 * <p>The id is derived from the rule id and the key facts only, so re-observing the same activity — in this
 * scan or a later one — updates the same finding instead of creating a new one.
 *
 * @param id        stable id, see {@link #idFor(String, Map)}
 * @param rule      the detection that raised it
 * @param keys      the key facts, in the rule's order (names are event field paths or roles such as {@code account})
 * @param account   AWS account id the activity happened in, or empty
 * @param region    AWS region, or empty
 * @param principal the acting principal (ARN or name), or empty
 * @param resource  the affected resource, or empty
 * @param firstSeen event time of the earliest contributing record
 * @param lastSeen  event time of the latest contributing record
 * @param count     number of distinct contributing records
 * @param evidence  contributing records, oldest first; capped at {@link #MAX_EVIDENCE} (count stays exact)
 */
public record Finding(String id, DetectionInfo rule, Map<String, String> keys,
                      String account, String region, String principal, String resource,
                      Instant firstSeen, Instant lastSeen, long count, List<Evidence> evidence) {

    /** Records kept whole per finding; more would make findings unbounded on noisy rules. */
    public static final int MAX_EVIDENCE = 50;

    public Finding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(rule, "rule");
        keys = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(keys));
        account = Objects.requireNonNullElse(account, "");
        region = Objects.requireNonNullElse(region, "");
        principal = Objects.requireNonNullElse(principal, "");
        resource = Objects.requireNonNullElse(resource, "");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
        evidence = List.copyOf(evidence);
    }

    public Severity severity() {
        return rule.severity();
    }

    /** SHA-256 over the rule id and the key facts, hex, first 32 characters. */
    public static String idFor(String ruleId, Map<String, String> keys) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(ruleId.getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, String> e : keys.entrySet()) {
                md.update((byte) 0);
                md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                md.update((byte) '=');
                md.update(e.getValue().getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
