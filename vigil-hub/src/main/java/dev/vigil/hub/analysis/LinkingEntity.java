package dev.vigil.hub.analysis;

import java.util.Objects;

/**
 * An entity that linked findings of an incident candidate.
 *
 * @param kind    principal, access key or resource
 * @param value   the value as the findings carry it (stripped of surrounding blanks)
 * @param account the account the value is scoped to: names that are not ARNs ({@code admin}, {@code root},
 *                {@code i-0abc…}) only mean the same thing inside one account; empty for ARNs and access key ids,
 *                which are unique across accounts
 */
public record LinkingEntity(EntityKind kind, String value, String account) implements Comparable<LinkingEntity> {


    public LinkingEntity {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        account = Objects.requireNonNullElse(account, "");
    }

    /** "access key AKIAEXAMPLE", "principal root in account 111122223333". */
    public String describe() {
        String text = kind.words() + " " + DisplayText.shorten(value);
        return account.isEmpty() ? text : text + " in account " + DisplayText.shorten(account);
    }

    @Override
    public int compareTo(LinkingEntity other) {
        int byKind = kind.compareTo(other.kind);
        if (byKind != 0) {
            return byKind;
        }
        int byValue = value.compareTo(other.value);
        return byValue != 0 ? byValue : account.compareTo(other.account);
    }
}
