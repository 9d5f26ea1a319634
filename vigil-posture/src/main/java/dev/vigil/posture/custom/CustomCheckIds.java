package dev.vigil.posture.custom;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The rules for a custom check's id. Ids are what frameworks, suppressions and reports key on, so a custom check must
 * never take (or later collide with) a built-in id: the first segment may not be one of Vigil's check namespaces.
 */
final class CustomCheckIds {

    static final int MAX_LENGTH = 128;

    /** Same shape as {@code CheckMetadata}'s rule, so every id that passes here builds valid metadata. */
    private static final Pattern SHAPE = Pattern.compile("[a-z0-9]+(\\.[a-z0-9_]+)+");

    /** The namespaces of the built-in catalogue (posture contract), reserved even before their checks land. */
    private static final Set<String> BUILT_IN_NAMESPACES = Set.of("cloudtrail", "cloudwatch", "config", "guardduty",
            "securityhub", "root", "vpc", "kms", "s3", "ebs", "rds", "dynamodb", "backup", "organizations",
            "residency");

    private final Set<String> takenIds;
    private final Set<String> reservedNamespaces;

    /** @param takenIds ids already in use (the built-in catalogue); their first segments are reserved as well */
    CustomCheckIds(Set<String> takenIds) {
        this.takenIds = Set.copyOf(takenIds);
        Set<String> reserved = new TreeSet<>(BUILT_IN_NAMESPACES);
        for (String id : takenIds) {
            int dot = id.indexOf('.');
            if (dot > 0) {
                reserved.add(id.substring(0, dot));
            }
        }
        this.reservedNamespaces = Set.copyOf(reserved);
    }

    /** Why {@code id} cannot be used, or empty when it can. */
    Optional<String> problem(String id) {
        if (id.length() > MAX_LENGTH) {
            return Optional.of("the id is longer than " + MAX_LENGTH + " characters; shorten it");
        }
        if (!SHAPE.matcher(id).matches()) {
            return Optional.of("id '" + id + "' must be lower-case and dotted (letters, digits, '_'), "
                    + "e.g. custom.s3.bucket_tagged_owner");
        }
        if (takenIds.contains(id)) {
            return Optional.of("id '" + id + "' is a built-in check; give the custom check its own id, e.g. custom."
                    + id);
        }
        String namespace = id.substring(0, id.indexOf('.'));
        if (reservedNamespaces.contains(namespace)) {
            return Optional.of("id '" + id + "' uses the built-in namespace '" + namespace + ".'; start custom ids "
                    + "with 'custom.' or your organisation's prefix, e.g. custom." + id);
        }
        return Optional.empty();
    }
}
