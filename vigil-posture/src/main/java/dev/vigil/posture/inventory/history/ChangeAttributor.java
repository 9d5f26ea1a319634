package dev.vigil.posture.inventory.history;

import dev.vigil.posture.inventory.Resource;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Picks the CloudTrail call that most likely made a change: a write call in the resource's account and region
 * (any region for {@code global} resources, whose calls IAM logs in us-east-1), made within the window before
 * Config captured the new state, that names the resource's id or ARN (or, failing that, its name). The latest such
 * call wins: Config records a change some seconds to minutes after the call, so the closest earlier call is the
 * best guess. A small allowance after the capture time absorbs clock differences between the two services.
 */
final class ChangeAttributor {

    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);
    private static final Comparator<ApiCall> LATEST_FIRST = Comparator.comparing(ApiCall::eventTime).reversed()
            .thenComparing(ApiCall::eventId);

    private final ApiCallIndex calls;
    private final Duration window;

    ChangeAttributor(ApiCallIndex calls, Duration window) {
        this.calls = calls;
        this.window = window;
    }

    Optional<Attribution> attribute(ResourceChange change) {
        if (calls.isEmpty()) {
            return Optional.empty();
        }
        Set<String> exact = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        identifiers(change.after(), exact, names);
        change.before().ifPresent(b -> identifiers(b, exact, names));
        names.removeAll(exact);
        Optional<Attribution> byId = best(change, exact);
        return byId.isPresent() ? byId : best(change, names);
    }

    /** The latest call naming one of the identifiers within the window, in the resource's account and region. */
    private Optional<Attribution> best(ResourceChange change, Set<String> identifiers) {
        Instant earliest = change.time().minus(window);
        Instant latest = change.time().plus(CLOCK_SKEW);
        ResourceKey key = change.key();
        return identifiers.stream()
                .flatMap(id -> calls.mentioning(id).stream())
                .filter(c -> c.account().isEmpty() || c.account().equals(key.account()))
                .filter(c -> key.region().equals("global") || c.region().equals(key.region()))
                .filter(c -> !c.eventTime().isBefore(earliest) && !c.eventTime().isAfter(latest))
                .min(LATEST_FIRST)
                .map(Attribution::of);
    }

    /**
     * Ids and ARNs are unique; names are not ("default", "web"), so a call naming the resource's id or ARN is
     * preferred over one that only names something of the same name.
     */
    private static void identifiers(Resource r, Set<String> exact, Set<String> names) {
        for (String s : new String[]{r.id(), r.arn()}) {
            if (!s.isEmpty()) {
                exact.add(s);
            }
        }
        if (!r.name().isEmpty()) {
            names.add(r.name());
        }
    }
}
