package dev.vigil.posture.inventory.history;

import dev.vigil.posture.inventory.Inventory;
import dev.vigil.posture.inventory.Resource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Each resource's sequence of configuration items, in capture-time order, from every Config file read (snapshots
 * and history files alike), with the CloudTrail write calls that can explain the changes.
 *
 * <p>The same state read twice (two snapshots of an unchanged resource share its {@code configurationStateId}) is
 * kept once, at its earliest capture; consecutive captures with identical content collapse into the first. So a
 * timeline lists real changes, and a folder of daily snapshots costs memory per change, not per day.
 *
 * <p>Immutable once built; see {@link Builder}.
 */
public final class ConfigHistory {

    /** How long before Config's capture an API call may have happened to be taken as its cause. */
    public static final Duration DEFAULT_ATTRIBUTION_WINDOW = Duration.ofMinutes(30);

    private static final Comparator<ResourceChange> CHANGE_ORDER =
            Comparator.comparing(ResourceChange::time).thenComparing(ResourceChange::key);

    private final Map<ResourceKey, List<Resource>> items;
    private final ApiCallIndex calls;
    private final Duration window;
    private final ChangeAttributor attributor;

    private ConfigHistory(Map<ResourceKey, List<Resource>> items, ApiCallIndex calls, Duration window) {
        this.items = items;
        this.calls = calls;
        this.window = window;
        this.attributor = new ChangeAttributor(calls, window);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A history with nothing in it. */
    public static ConfigHistory empty() {
        return builder().build();
    }

    /** The same items and calls, matching calls within {@code window} before each capture. */
    public ConfigHistory withAttributionWindow(Duration window) {
        if (window.isNegative()) {
            throw new IllegalArgumentException("the attribution window must not be negative: " + window);
        }
        return new ConfigHistory(items, calls, window);
    }

    public Duration attributionWindow() {
        return window;
    }

    /** The CloudTrail calls available for attribution. */
    public ApiCallIndex calls() {
        return calls;
    }

    /** Every resource with at least one item, in (account, region, type, id) order. */
    public Set<ResourceKey> resources() {
        return Collections.unmodifiableSet(items.keySet());
    }

    /** A resource's distinct items, oldest first; empty when unknown. */
    public List<Resource> items(ResourceKey key) {
        return items.getOrDefault(key, List.of());
    }

    /** Distinct items held, across all resources. */
    public int itemCount() {
        return items.values().stream().mapToInt(List::size).sum();
    }

    /** Resources whose ARN, id or name is exactly {@code text}: how a person names a resource on a command line. */
    public List<ResourceKey> find(String text) {
        List<ResourceKey> out = new ArrayList<>();
        items.forEach((key, list) -> {
            Resource last = list.get(list.size() - 1);
            if (key.id().equals(text) || last.arn().equals(text) || last.name().equals(text)) {
                out.add(key);
            }
        });
        return out;
    }

    /**
     * The estate as Config last saw it at {@code time}: for each resource its latest item captured at or before
     * then. Resources recorded as deleted by then are included as deleted (as {@link Inventory} keeps them).
     */
    public Inventory stateAt(Instant time) {
        Inventory inventory = new Inventory();
        items.values().forEach(list -> latestAt(list, time).ifPresent(inventory::add));
        return inventory;
    }

    /**
     * The net change of every resource from {@code from} to {@code to}: one entry per resource whose state at
     * {@code to} differs from its state at {@code from}, ordered by capture time. A resource changed and changed
     * back shows nothing; one changed several times shows the combined difference, attributed to the call behind
     * its latest change (see {@link #timeline} for each step). A creation is dated, and attributed, at the
     * resource's first capture in the window, while its {@code after} is the state at {@code to}.
     */
    public List<ResourceChange> diff(Instant from, Instant to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the diff's end " + to + " is before its start " + from
                    + "; swap --from and --to");
        }
        List<ResourceChange> out = new ArrayList<>();
        items.forEach((key, list) -> {
            Optional<Resource> before = latestAt(list, from);
            Optional<Resource> after = latestAt(list, to);
            if (after.isEmpty() || before.equals(after)) {
                return;
            }
            Optional<Resource> live = before.filter(b -> !b.deleted());
            Instant when = live.isEmpty() && !after.get().deleted()
                    ? firstLiveAfter(list, from).orElse(after.get()).captureTime() // when it appeared
                    : after.get().captureTime();
            change(key, live, after.get(), when).ifPresent(out::add);
        });
        out.sort(CHANGE_ORDER);
        return out;
    }

    /** Every recorded change of one resource, oldest first; the first entry is its first capture. */
    public List<ResourceChange> timeline(ResourceKey key) {
        List<ResourceChange> out = new ArrayList<>();
        Optional<Resource> previous = Optional.empty();
        for (Resource item : items(key)) {
            change(key, previous.filter(p -> !p.deleted()), item, item.captureTime()).ifPresent(out::add);
            previous = Optional.of(item);
        }
        return out;
    }

    /**
     * The change from {@code before} (empty = absent or deleted) to {@code after}, dated {@code time}; empty when
     * there is none.
     */
    private Optional<ResourceChange> change(ResourceKey key, Optional<Resource> before, Resource after, Instant time) {
        ChangeType type;
        List<PathChange> changes = List.of();
        if (before.isEmpty()) {
            if (after.deleted() && !isFirst(key, after)) {
                return Optional.empty(); // still deleted
            }
            type = after.deleted() ? ChangeType.DELETED : ChangeType.CREATED;
        } else if (after.deleted()) {
            type = ChangeType.DELETED;
        } else {
            changes = StateDiff.between(before.get(), after);
            if (changes.isEmpty()) {
                return Optional.empty();
            }
            type = ChangeType.UPDATED;
        }
        ResourceChange change = new ResourceChange(key, type, time, before, after, changes,
                Optional.empty());
        return Optional.of(change.attributed(attributor.attribute(change)));
    }

    private boolean isFirst(ResourceKey key, Resource item) {
        List<Resource> list = items(key);
        return !list.isEmpty() && list.get(0) == item;
    }

    /** The first live capture after {@code time}: when a resource created in a diff's window appeared. */
    private static Optional<Resource> firstLiveAfter(List<Resource> list, Instant time) {
        return list.stream().filter(r -> r.captureTime().isAfter(time) && !r.deleted()).findFirst();
    }

    private static Optional<Resource> latestAt(List<Resource> list, Instant time) {
        int lo = 0;
        int hi = list.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (list.get(mid).captureTime().isAfter(time)) {
                hi = mid - 1;
            } else {
                found = mid;
                lo = mid + 1;
            }
        }
        return found < 0 ? Optional.empty() : Optional.of(list.get(found));
    }

    /**
     * Collects items in any order. Items sharing a non-empty {@code configurationStateId} are the same capture
     * (two snapshots of an unchanged resource) and are kept once, so memory grows with changes, not with the number
     * of snapshots read.
     */
    public static final class Builder {
        private final Map<ResourceKey, Map<String, Resource>> byState = new HashMap<>();
        private final Map<ResourceKey, List<Resource>> unidentified = new HashMap<>();
        private ApiCallIndex calls = ApiCallIndex.empty();
        private Duration window = DEFAULT_ATTRIBUTION_WINDOW;

        private Builder() {
        }

        /** Adds an item; {@code stateId} is Config's {@code configurationStateId} as text, or empty when unknown. */
        public Builder add(Resource item, String stateId) {
            ResourceKey key = ResourceKey.of(item);
            if (stateId == null || stateId.isEmpty()) {
                unidentified.computeIfAbsent(key, k -> new ArrayList<>()).add(item);
                return this;
            }
            byState.computeIfAbsent(key, k -> new LinkedHashMap<>())
                    .merge(stateId, item, (held, added) ->
                            added.captureTime().isBefore(held.captureTime()) ? added : held);
            return this;
        }

        /** The CloudTrail calls to attribute changes with. */
        public Builder calls(ApiCallIndex index) {
            this.calls = Objects.requireNonNull(index, "index");
            return this;
        }

        public Builder attributionWindow(Duration attributionWindow) {
            this.window = Objects.requireNonNull(attributionWindow, "attributionWindow");
            return this;
        }

        public ConfigHistory build() {
            Map<ResourceKey, List<Resource>> merged = new TreeMap<>();
            byState.forEach((key, states) ->
                    merged.computeIfAbsent(key, k -> new ArrayList<>()).addAll(states.values()));
            unidentified.forEach((key, list) -> merged.computeIfAbsent(key, k -> new ArrayList<>()).addAll(list));
            Map<ResourceKey, List<Resource>> out = new TreeMap<>();
            merged.forEach((key, list) -> out.put(key, collapse(list)));
            return new ConfigHistory(Collections.unmodifiableMap(out), calls, window);
        }

        /** Sorts by capture time (stable) and drops captures that repeat the previous state. */
        private static List<Resource> collapse(List<Resource> list) {
            list.sort(Comparator.comparing(Resource::captureTime));
            List<Resource> kept = new ArrayList<>(list.size());
            for (Resource r : list) {
                if (kept.isEmpty() || !StateDiff.sameState(kept.get(kept.size() - 1), r)) {
                    kept.add(r);
                }
            }
            return List.copyOf(kept);
        }
    }
}
