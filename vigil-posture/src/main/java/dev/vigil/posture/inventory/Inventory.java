package dev.vigil.posture.inventory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The estate's current state: the latest capture of each resource, indexed by type, ARN and (type, id).
 *
 * <p>When the same resource arrives several times (snapshot plus history, or two snapshots) the item with the latest
 * capture time wins; ties keep the first seen, so the result does not depend on file order beyond that. Deleted
 * resources are kept (a check may need to know a trail bucket was deleted) but {@link #ofType} skips them.
 */
public final class Inventory {

    private final Map<Key, Resource> latest = new LinkedHashMap<>();
    private final Map<String, Resource> byArn = new LinkedHashMap<>();

    private record Key(String account, String region, String type, String id) {
    }

    /** Adds a capture; keeps it only if newer than what is held for the same resource. */
    public void add(Resource resource) {
        Key key = new Key(resource.account(), resource.region(), resource.type(), resource.id());
        Resource held = latest.get(key);
        if (held != null && !resource.captureTime().isAfter(held.captureTime())) {
            return;
        }
        latest.put(key, resource);
        if (!resource.arn().isEmpty()) {
            byArn.put(resource.arn(), resource);
        }
    }

    public void addAll(Collection<Resource> resources) {
        resources.forEach(this::add);
    }

    /** Live (not deleted) resources of one type, in insertion order. */
    public Stream<Resource> ofType(String type) {
        return latest.values().stream().filter(r -> r.type().equals(type) && !r.deleted());
    }

    /** Live resources of one type in one account. */
    public Stream<Resource> ofType(String type, String account) {
        return ofType(type).filter(r -> r.account().equals(account));
    }

    /** Every held resource, deleted ones included. */
    public Collection<Resource> all() {
        return Collections.unmodifiableCollection(latest.values());
    }

    public Optional<Resource> byArn(String arn) {
        return Optional.ofNullable(byArn.get(arn));
    }

    /** A resource by type and id in any account or region (ids are unique per type in practice). */
    public Optional<Resource> byId(String type, String id) {
        return latest.values().stream().filter(r -> r.type().equals(type) && r.id().equals(id)).findFirst();
    }

    /** Accounts with at least one resource. */
    public Set<String> accounts() {
        Set<String> out = new TreeSet<>();
        latest.values().forEach(r -> out.add(r.account()));
        out.remove("");
        return out;
    }

    /** Regions with at least one resource in the account ({@code global} excluded). */
    public Set<String> regions(String account) {
        Set<String> out = new TreeSet<>();
        latest.values().stream().filter(r -> r.account().equals(account)).forEach(r -> out.add(r.region()));
        out.remove("global");
        out.remove("");
        return out;
    }

    public int size() {
        return latest.size();
    }

    public boolean isEmpty() {
        return latest.isEmpty();
    }

    /** A copy of the live resources, for callers that iterate several times. */
    public List<Resource> live() {
        List<Resource> out = new ArrayList<>();
        latest.values().forEach(r -> { if (!r.deleted()) out.add(r); });
        return out;
    }
}
