package dev.vigil.posture.inventory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
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
 *
 * <p>One ARN or (type, id) can name several held resources: a bucket deleted in one region and recreated (same name,
 * same ARN) in another, or the same id in two accounts. {@link #byArn} and {@link #byId} then answer with the live
 * one, the latest captured first, and with a deleted capture only when nothing live remains, so a check never
 * judges a deleted resource as live nor a recreated one as deleted. {@link #allByArn} lists every candidate.
 */
public final class Inventory {

    private final Map<Key, Resource> latest = new LinkedHashMap<>();
    private final Map<String, Set<Key>> arnIndex = new LinkedHashMap<>();
    private final Map<IdKey, Set<Key>> idIndex = new LinkedHashMap<>();

    /** Live before deleted, then later capture before earlier; ties keep insertion order. */
    private static final Comparator<Resource> PREFERENCE = Comparator.comparing((Resource r) -> r.deleted())
            .thenComparing(Resource::captureTime, Comparator.reverseOrder());

    private record Key(String account, String region, String type, String id) {
    }

    /** Adds a capture; keeps it only if newer than what is held for the same resource. */
    public void add(Resource resource) {
        Key key = new Key(resource.account(), resource.region(), resource.type(), resource.id());
        Resource held = latest.get(key);
        if (held != null && !resource.captureTime().isAfter(held.captureTime())) {
            return;
        }
        if (held != null && !held.arn().isEmpty() && !held.arn().equals(resource.arn())) {
            Set<Key> stale = arnIndex.get(held.arn());
            stale.remove(key);
        }
        latest.put(key, resource);
        if (!resource.arn().isEmpty()) {
            arnIndex.computeIfAbsent(resource.arn(), a -> new LinkedHashSet<>()).add(key);
        }
        idIndex.computeIfAbsent(new IdKey(resource.type(), resource.id()), k -> new LinkedHashSet<>()).add(key);
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

    /** The resource with this ARN: a live one if any (latest capture first), else the latest deleted one. */
    public Optional<Resource> byArn(String arn) {
        return allByArn(arn).stream().findFirst();
    }

    /**
     * Every held resource with this ARN, best first (live before deleted, latest capture first); more than one when
     * the resource was deleted and recreated elsewhere, or the same ARN was captured in several accounts or regions.
     */
    public List<Resource> allByArn(String arn) {
        return ranked(arnIndex.get(arn));
    }

    /**
     * A resource by type and id in any account or region (ids are unique per type in practice): a live one if any
     * (latest capture first), else the latest deleted one.
     */
    public Optional<Resource> byId(String type, String id) {
        return ranked(idIndex.get(new IdKey(type, id))).stream().findFirst();
    }

    private List<Resource> ranked(Set<Key> keys) {
        if (keys == null) {
            return List.of();
        }
        return keys.stream().map(latest::get).sorted(PREFERENCE).toList();
    }

    private record IdKey(String type, String id) {
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
