package dev.vigil.posture.inventory.history;

import dev.vigil.posture.inventory.Resource;

import java.util.Comparator;
import java.util.Objects;

/**
 * Which resource a configuration item describes: Config identifies a resource by account, region, type and id
 * (the same id can exist in two accounts, and IAM resources carry region {@code global}).
 */
public record ResourceKey(String account, String region, String type, String id) implements Comparable<ResourceKey> {

    private static final Comparator<ResourceKey> ORDER = Comparator.comparing(ResourceKey::account)
            .thenComparing(ResourceKey::region).thenComparing(ResourceKey::type).thenComparing(ResourceKey::id);

    public ResourceKey {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
    }

    public static ResourceKey of(Resource resource) {
        return new ResourceKey(resource.account(), resource.region(), resource.type(), resource.id());
    }

    @Override
    public int compareTo(ResourceKey other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return account + "/" + region + "/" + type + "/" + id;
    }
}
