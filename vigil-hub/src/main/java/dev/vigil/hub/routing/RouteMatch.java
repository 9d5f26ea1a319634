package dev.vigil.hub.routing;

import dev.vigil.hub.Glob;

import dev.vigil.model.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which changes a route takes. Every criterion given must hold; an empty one matches everything.
 *
 * @param minSeverity the finding's severity is at least this
 * @param products    the finding's product is one of these (any case)
 * @param types       one of the finding's types matches one of these globs ({@code *} any run of characters)
 * @param accounts    the finding's account is one of these
 * @param events      the change is one of these kinds
 */
record RouteMatch(Severity minSeverity, Set<String> products, List<Glob> types, Set<String> accounts,
                  Set<EventKind> events) {

    RouteMatch {
        products = products.stream().map(p -> p.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        types = List.copyOf(types);
        accounts = Set.copyOf(accounts);
        events = Set.copyOf(events);
    }

    boolean matches(Notification n) {
        return (minSeverity == null || n.severity().atLeast(minSeverity))
                && (products.isEmpty() || products.contains(n.product().toLowerCase(Locale.ROOT)))
                && (types.isEmpty() || n.types().stream().anyMatch(t -> types.stream().anyMatch(g -> g.matches(t))))
                && (accounts.isEmpty() || accounts.contains(n.account()))
                && (events.isEmpty() || events.contains(n.kind()));
    }
}
