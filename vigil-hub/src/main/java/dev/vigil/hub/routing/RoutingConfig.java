package dev.vigil.hub.routing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The user's routing configuration, validated: named destinations, the routes that send changes to them, and the
 * delivery policy. Load one with {@link RoutingConfigLoader#load}.
 */
public final class RoutingConfig {

    private final Map<String, Destination> destinations;
    private final List<Route> routes;
    private final DeliveryPolicy policy;

    RoutingConfig(Map<String, Destination> destinations, List<Route> routes, DeliveryPolicy policy) {
        this.destinations = Collections.unmodifiableMap(new LinkedHashMap<>(destinations));
        this.routes = List.copyOf(routes);
        this.policy = policy;
    }

    /** The destinations' names, in file order. */
    public Set<String> destinationNames() {
        return destinations.keySet();
    }

    /** The routes' names, in file order. */
    public List<String> routeNames() {
        return routes.stream().map(Route::name).toList();
    }

    /**
     * The destinations a change goes to, each once, with the first route that sends it there: a destination
     * named by two matching routes still gets one delivery.
     */
    Map<String, String> destinationsFor(Notification n) {
        Map<String, String> routeByDestination = new LinkedHashMap<>();
        for (Route r : routes) {
            if (r.match().matches(n)) {
                for (String d : r.destinations()) {
                    routeByDestination.putIfAbsent(d, r.name());
                }
            }
        }
        return routeByDestination;
    }

    Optional<Destination> destination(String name) {
        return Optional.ofNullable(destinations.get(name));
    }

    DeliveryPolicy policy() {
        return policy;
    }

    /** Names of destinations no route uses (worth a warning: they will never be contacted). */
    public Set<String> unusedDestinations() {
        Set<String> unused = new LinkedHashSet<>(destinations.keySet());
        routes.forEach(r -> r.destinations().forEach(unused::remove));
        return unused;
    }
}
