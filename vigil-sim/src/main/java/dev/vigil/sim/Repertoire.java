package dev.vigil.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The APIs one principal calls, with relative weights. Keeping each repertoire small (at most ten distinct
 * List/Describe/Get calls) is what keeps benign principals under reconnaissance thresholds by construction.
 */
final class Repertoire {

    static final Repertoire EMPTY = new Repertoire(List.of(), new double[0]);

    private final List<Api> apis;
    private final double[] cumulative;

    private Repertoire(List<Api> apis, double[] cumulative) {
        this.apis = apis;
        this.cumulative = cumulative;
    }

    /** Alternating {@link Api} and weight ({@link Number}) pairs. */
    static Repertoire of(Object... apiWeightPairs) {
        if (apiWeightPairs.length % 2 != 0) {
            throw new IllegalArgumentException("expected API, weight pairs");
        }
        List<Api> apis = new ArrayList<>();
        double[] cumulative = new double[apiWeightPairs.length / 2];
        double sum = 0;
        for (int i = 0; i < apiWeightPairs.length; i += 2) {
            Api api = (Api) apiWeightPairs[i];
            if (api.access == Api.Access.CHANGE) {
                throw new IllegalArgumentException(api + " is a monitored change; benign principals must not call it");
            }
            apis.add(api);
            sum += ((Number) apiWeightPairs[i + 1]).doubleValue();
            cumulative[i / 2] = sum;
        }
        return new Repertoire(List.copyOf(apis), cumulative);
    }

    List<Api> apis() {
        return apis;
    }

    Api pick(SplittableRandom random) {
        double x = random.nextDouble() * cumulative[cumulative.length - 1];
        for (int i = 0; i < cumulative.length; i++) {
            if (x < cumulative[i]) {
                return apis.get(i);
            }
        }
        return apis.get(apis.size() - 1);
    }

    /** A pick that is not {@code excluded}, in the proportions of the remaining APIs. */
    Api pickOther(SplittableRandom random, Api excluded) {
        for (int attempt = 0; attempt < 16; attempt++) {
            Api api = pick(random);
            if (api != excluded) {
                return api;
            }
        }
        return apis.stream().filter(a -> a != excluded).findFirst()
                .orElseThrow(() -> new IllegalStateException("repertoire has only " + excluded));
    }

    boolean isEmpty() {
        return apis.isEmpty();
    }
}
