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
 * Config captured the new state, that names the resource's id, name or ARN. The latest such call wins; Config
 * records a change some seconds to minutes after the call, so the closest earlier call is the best guess. A small
 * allowance after the capture time absorbs clock differences between the two services.
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
        Set<String> identifiers = new LinkedHashSet<>();
        identifiers(change.after(), identifiers);
        change.before().ifPresent(b -> identifiers(b, identifiers));
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

    private static void identifiers(Resource r, Set<String> out) {
        for (String s : new String[]{r.id(), r.name(), r.arn()}) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
    }
}
