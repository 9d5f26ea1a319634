package dev.vigil.hub.analysis;

/**
 * The identity of a finding's principal, access key or resource for linking. ARNs and access key ids are unique
 * across accounts and compare as they are; other names ({@code root}, {@code admin}, {@code i-0abc…}, a bucket or
 * trail name) are scoped to the finding's account, so that {@code root} in one account never links with
 * {@code root} in another. Values compare exactly (case-sensitive, as AWS names are).
 */
final class EntityKeys {

    private EntityKeys() {
    }

    /** The value as compared; {@link AnalysedFinding} has already removed surrounding blanks. */
    static String value(AnalysedFinding f, EntityKind kind) {
        return kind.valueOf(f);
    }

    static String scope(AnalysedFinding f, EntityKind kind) {
        if (kind == EntityKind.ACCESS_KEY) {
            return "";
        }
        return value(f, kind).startsWith("arn:") ? "" : f.account();
    }

    static LinkingEntity entity(AnalysedFinding f, EntityKind kind) {
        return new LinkingEntity(kind, value(f, kind), scope(f, kind));
    }

    /** A 32-bit hash of kind, value and scope; equal entities hash equal, unequal ones may collide. */
    static int hash(AnalysedFinding f, EntityKind kind) {
        int h = kind.space().ordinal() + 1;
        h = 31 * h + value(f, kind).hashCode();
        h = 31 * h + scope(f, kind).hashCode();
        // Spread the bits (murmur3 finaliser) so that similar values do not cluster in one sort run.
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    static boolean same(AnalysedFinding a, EntityKind kindA, AnalysedFinding b, EntityKind kindB) {
        return kindA.space() == kindB.space() && value(a, kindA).equals(value(b, kindB))
                && scope(a, kindA).equals(scope(b, kindB));
    }

    /** A text key unique per entity, for the rare sort runs where different entities share a hash. */
    static String text(AnalysedFinding f, EntityKind kind) {
        return kind.space().ordinal() + "\u0000" + scope(f, kind) + "\u0000" + value(f, kind);
    }
}
