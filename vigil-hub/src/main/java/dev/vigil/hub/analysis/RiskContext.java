package dev.vigil.hub.analysis;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the risk score knows beyond the finding itself.
 *
 * @param assets             the user's asset file (or {@link AssetCatalog#empty()})
 * @param exposedResources   resource ARNs or ids reachable from the internet, from the inventory when present
 * @param candidateByFinding the incident candidate each finding belongs to, by finding id
 */
public record RiskContext(AssetCatalog assets, Set<String> exposedResources,
                          Map<String, IncidentCandidate> candidateByFinding) {

    public RiskContext {
        Objects.requireNonNull(assets, "assets");
        exposedResources = Set.copyOf(exposedResources);
        candidateByFinding = Map.copyOf(candidateByFinding);
    }

    /** Nothing known beyond the findings: no asset file, no inventory, no candidates. */
    public static RiskContext none() {
        return new RiskContext(AssetCatalog.empty(), Set.of(), Map.of());
    }

    /** A context from the asset file, the exposed resources and the candidates of {@link IncidentCorrelator}. */
    public static RiskContext of(AssetCatalog assets, Set<String> exposedResources,
                                 List<IncidentCandidate> candidates) {
        Map<String, IncidentCandidate> byFinding = new HashMap<>();
        for (IncidentCandidate c : candidates) {
            for (CandidateMember m : c.members()) {
                byFinding.put(m.findingId(), c);
            }
        }
        return new RiskContext(assets, exposedResources, byFinding);
    }

    Optional<IncidentCandidate> candidateOf(String findingId) {
        return Optional.ofNullable(candidateByFinding.get(findingId));
    }

    /** Exposed when the resource, or the id part of its ARN, is in the set. */
    boolean isExposed(String resource) {
        String r = resource.strip();
        return !r.isEmpty() && (exposedResources.contains(r) || exposedResources.contains(AssetEntry.resourceId(r)));
    }
}
