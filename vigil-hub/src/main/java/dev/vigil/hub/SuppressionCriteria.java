package dev.vigil.hub;

import dev.vigil.model.Severity;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which findings a suppression rule matches. Set criteria combine with AND; at least one must be set, so that no
 * rule silences everything by accident. Globs: {@code *} matches any run of characters, everything else itself,
 * case-sensitive.
 *
 * @param rule           rule id glob (for imported findings: the product's finding type)
 * @param type           glob matching any one of the finding's types
 * @param product        the reporting product, exact ({@code Vigil}, {@code GuardDuty}…)
 * @param account        AWS account id, exact
 * @param region         AWS region, exact
 * @param principal      principal glob
 * @param resource       resource glob
 * @param severityAtMost findings at most this severe
 */
public record SuppressionCriteria(Optional<String> rule, Optional<String> type, Optional<String> product,
                                  Optional<String> account, Optional<String> region, Optional<String> principal,
                                  Optional<String> resource, Optional<Severity> severityAtMost) {

    /** The field names of {@link #parse(Map)} and of the stored JSON. */
    public static final String FIELDS = "rule, type, product, account, region, principal, resource, severityAtMost";

    public SuppressionCriteria {
        rule = nonEmpty(rule);
        type = nonEmpty(type);
        product = nonEmpty(product);
        account = nonEmpty(account);
        region = nonEmpty(region);
        principal = nonEmpty(principal);
        resource = nonEmpty(resource);
        Objects.requireNonNull(severityAtMost, "severityAtMost");
        if (rule.isEmpty() && type.isEmpty() && product.isEmpty() && account.isEmpty() && region.isEmpty()
                && principal.isEmpty() && resource.isEmpty() && severityAtMost.isEmpty()) {
            throw new IllegalArgumentException("a suppression rule needs at least one criterion (" + FIELDS
                    + "); a rule without any would suppress every finding");
        }
    }

    /**
     * Criteria from field → pattern pairs, as a user writes them ({@code type=Recon:*}, {@code account=1111…}).
     *
     * @throws IllegalArgumentException naming the field, for an unknown field or a severity that is none
     */
    public static SuppressionCriteria parse(Map<String, String> fields) {
        Map<String, String> left = new LinkedHashMap<>(fields);
        Optional<Severity> severity = Optional.ofNullable(left.remove("severityAtMost")).filter(s -> !s.isEmpty())
                .map(s -> {
                    try {
                        return Severity.parse(s);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("suppression criterion severityAtMost: " + e.getMessage(),
                                e);
                    }
                });
        Optional<String> rule = take(left, "rule");
        Optional<String> type = take(left, "type");
        Optional<String> product = take(left, "product");
        Optional<String> account = take(left, "account");
        Optional<String> region = take(left, "region");
        Optional<String> principal = take(left, "principal");
        Optional<String> resource = take(left, "resource");
        if (!left.isEmpty()) {
            throw new IllegalArgumentException("unknown suppression criterion '" + left.keySet().iterator().next()
                    + "'; use " + FIELDS);
        }
        return new SuppressionCriteria(rule, type, product, account, region, principal, resource, severity);
    }

    /** The set criteria as field → pattern, in {@link #FIELDS} order. */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        rule.ifPresent(v -> m.put("rule", v));
        type.ifPresent(v -> m.put("type", v));
        product.ifPresent(v -> m.put("product", v));
        account.ifPresent(v -> m.put("account", v));
        region.ifPresent(v -> m.put("region", v));
        principal.ifPresent(v -> m.put("principal", v));
        resource.ifPresent(v -> m.put("resource", v));
        severityAtMost.ifPresent(v -> m.put("severityAtMost", v.name()));
        return m;
    }

    private static Optional<String> take(Map<String, String> fields, String name) {
        return Optional.ofNullable(fields.remove(name));
    }

    private static Optional<String> nonEmpty(Optional<String> value) {
        return Objects.requireNonNull(value, "criteria values must not be null; use Optional.empty()")
                .filter(s -> !s.isEmpty());
    }
}
