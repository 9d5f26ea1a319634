package dev.vigil.hub.routing;

import java.util.List;

/** A named rule of the routing configuration: changes it matches go to each of its destinations. */
record Route(String name, RouteMatch match, List<String> destinations) {

    Route {
        destinations = List.copyOf(destinations);
    }
}
