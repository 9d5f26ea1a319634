package dev.vigil.hub.analysis;

import java.util.List;

/**
 * What a correlation run produced and what it left out, so that nothing is hidden.
 *
 * @param candidates         incident candidates meeting the minimums, highest score first
 * @param findingsCorrelated findings that took part
 * @param findingsExcluded   findings left out for their workflow status
 * @param noisyEntities      entities not linked on, busiest first (at most {@link #MAX_NOISY_LISTED})
 * @param noisyEntityCount   how many entities were not linked on in all
 */
public record CorrelationResult(List<IncidentCandidate> candidates, int findingsCorrelated, int findingsExcluded,
                                List<NoisyEntity> noisyEntities, int noisyEntityCount) {

    /** Noisy entities listed in full; the count stays exact beyond. */
    public static final int MAX_NOISY_LISTED = 100;

    public CorrelationResult {
        candidates = List.copyOf(candidates);
        noisyEntities = List.copyOf(noisyEntities);
    }
}
