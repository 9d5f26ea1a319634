package dev.vigil.hub.analysis;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Entity values that say nothing about who or what acted, and so never link findings: linking on them would put
 * unrelated activity into one incident. Empty values, placeholders ({@code -}, {@code unknown}, {@code null},
 * {@code n/a}, {@code none}, {@code *}), anonymous callers ({@code anonymous}, {@code ANONYMOUS_PRINCIPAL}), AWS
 * itself ({@code AWS Internal}, service principals {@code *.amazonaws.com}) and AWS service-linked roles
 * ({@code …:role/aws-service-role/…}), which act for AWS services in every account. {@code root} is <em>not</em>
 * generic: it names the account's root user, and linking on it (within its account) is the point.
 *
 * <p>Comparison ignores case and surrounding blanks. Users can add values (a shared CI role they do not want to
 * link on) through {@link CorrelationOptions#extraGenericValues()}.
 */
final class GenericValues {

    private static final Set<String> BUILT_IN = Set.of("", "-", "unknown", "null", "none", "n/a", "*",
            "anonymous", "anonymous_principal", "aws internal", "aws");

    private static final String SERVICE_SUFFIX = ".amazonaws.com";

    private final Set<String> extra;
    /** Values longer than every listed one skip the case-folding lookup: the check runs once per finding and kind. */
    private final int longestListed;

    GenericValues(Set<String> extra) {
        Set<String> lower = new HashSet<>();
        int longest = 0;
        for (String value : extra) {
            String v = value.strip().toLowerCase(Locale.ROOT);
            lower.add(v);
            longest = Math.max(longest, v.length());
        }
        for (String value : BUILT_IN) {
            longest = Math.max(longest, value.length());
        }
        this.extra = Set.copyOf(lower);
        this.longestListed = longest;
    }

    boolean isGeneric(String value) {
        String v = value.strip();
        if (v.length() <= longestListed) {
            String lower = v.toLowerCase(Locale.ROOT);
            if (BUILT_IN.contains(lower) || extra.contains(lower)) {
                return true;
            }
        }
        int n = v.length();
        boolean mayBeService = n >= SERVICE_SUFFIX.length() && (v.charAt(n - 1) | 0x20) == 'm';
        boolean servicePrincipal = mayBeService
                && v.regionMatches(true, n - SERVICE_SUFFIX.length(), SERVICE_SUFFIX, 0, SERVICE_SUFFIX.length());
        return servicePrincipal || v.contains(":role/aws-service-role/");
    }
}
