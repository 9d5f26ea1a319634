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

    private final Set<String> extra;

    GenericValues(Set<String> extra) {
        Set<String> lower = new HashSet<>();
        for (String value : extra) {
            lower.add(value.strip().toLowerCase(Locale.ROOT));
        }
        this.extra = Set.copyOf(lower);
    }

    boolean isGeneric(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        return BUILT_IN.contains(v) || extra.contains(v)
                || v.endsWith(".amazonaws.com")
                || v.contains(":role/aws-service-role/");
    }
}
