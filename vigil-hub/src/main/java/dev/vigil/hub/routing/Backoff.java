package dev.vigil.hub.routing;

import java.time.Duration;
import java.util.Random;

/**
 * The wait before the next attempt: {@code initial × 2^(failures−1)}, capped at {@code max}, then "equal jitter"
 * (half of it fixed, the other half random) so that rows that failed together do not all come back together.
 * The Random is injected, so tests see exact waits from a seed.
 */
final class Backoff {

    private final Duration initial;
    private final Duration max;
    private final Random random;

    Backoff(Duration initial, Duration max, Random random) {
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    /** @param failures failed attempts so far, including the one just made (1 or more) */
    Duration after(int failures) {
        long cap = max.toMillis();
        long wait = initial.toMillis();
        for (int i = 1; i < failures && wait < cap; i++) {
            wait *= 2;
        }
        wait = Math.min(wait, cap);
        long half = wait / 2;
        return Duration.ofMillis(wait - half + random.nextLong(half + 1));
    }
}
