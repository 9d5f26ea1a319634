package dev.vigil.hub.analysis;

import dev.vigil.hub.Glob;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of the asset file: the conditions a finding's resource must meet (all of those given) and what the
 * user says about it.
 *
 * @param number      1-based position in the file, as error messages and explanations cite it
 * @param line        line of the entry in the file
 * @param resource    glob over the resource ARN or id, or null
 * @param account     account id, or null
 * @param tagKey      tag key the resource must carry, or null
 * @param tagValue    glob over that tag's value, or null when {@code tagKey} is null
 * @param criticality the asset's criticality
 * @param owner       who owns it, or empty
 */
public record AssetEntry(int number, int line, String resource, String account, String tagKey, String tagValue,
                         Criticality criticality, String owner) {

    public AssetEntry {
        Objects.requireNonNull(criticality, "criticality");
        owner = Objects.requireNonNullElse(owner, "");
        if (resource == null && account == null && tagKey == null) {
            throw new IllegalArgumentException("asset entry " + number + " has no condition");
        }
    }

    boolean matches(String findingResource, String findingAccount, Map<String, String> tags) {
        if (resource != null) {
            Glob glob = new Glob(resource);
            if (!glob.matches(findingResource) && !glob.matches(resourceId(findingResource))) {
                return false;
            }
        }
        if (account != null && !account.equals(findingAccount)) {
            return false;
        }
        if (tagKey != null) {
            String value = tags.get(tagKey);
            return value != null && new Glob(tagValue).matches(value);
        }
        return true;
    }

    /** The id part of an ARN: after the last {@code /}, else after the last {@code :}; other values unchanged. */
    static String resourceId(String resource) {
        if (!resource.startsWith("arn:")) {
            return resource;
        }
        int slash = resource.lastIndexOf('/');
        return resource.substring((slash >= 0 ? slash : resource.lastIndexOf(':')) + 1);
    }

    /** "entry 3 (tag env=prod, account 111122223333)". */
    public String describe() {
        List<String> conditions = new ArrayList<>();
        if (resource != null) {
            conditions.add("resource " + resource);
        }
        if (account != null) {
            conditions.add("account " + account);
        }
        if (tagKey != null) {
            conditions.add("tag " + tagKey + "=" + tagValue);
        }
        return "entry " + number + " (" + DisplayText.shorten(String.join(", ", conditions)) + ")";
    }
}
