package dev.vigil.hub.analysis;

import dev.vigil.model.FindingOrigin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Scores a finding's risk 0–100 and says why, factor by factor: severity, asset criticality, internet exposure,
 * the product's confidence, recurrence, and membership in an incident candidate. The points are in
 * {@link RiskWeights}; the same finding and context always give the same score and sentences.
 */
public final class RiskScorer {

    private RiskScorer() {
    }

    public static RiskScore score(AnalysedFinding finding, RiskContext context) {
        List<RiskFactor> factors = new ArrayList<>();
        factors.add(RiskFactor.of(RiskFactor.Kind.SEVERITY, RiskWeights.severity(finding.severity()),
                finding.severity().caption() + " severity"));
        criticality(finding, context).ifPresent(factors::add);
        if (context.isExposed(finding.resource())) {
            factors.add(RiskFactor.of(RiskFactor.Kind.INTERNET_EXPOSURE, RiskWeights.INTERNET_EXPOSED,
                    "resource " + DisplayText.shorten(finding.resource())
                            + " is reachable from the internet per the inventory"));
        }
        if (finding.confidence() != FindingOrigin.UNKNOWN_CONFIDENCE) {
            String product = finding.product().isBlank() ? "product" : DisplayText.shorten(finding.product());
            String reason = product + " confidence " + finding.confidence() + "/100"
                    + (finding.confidence() == 0 ? ", judged a false positive" : "");
            factors.add(RiskFactor.of(RiskFactor.Kind.CONFIDENCE, RiskWeights.confidence(finding.confidence()),
                    reason));
        }
        int recurrence = RiskWeights.recurrence(finding.count());
        if (recurrence != 0) {
            factors.add(RiskFactor.of(RiskFactor.Kind.RECURRENCE, recurrence, "seen " + finding.count() + " times"));
        }
        context.candidateOf(finding.id()).ifPresent(c -> factors.add(RiskFactor.of(
                RiskFactor.Kind.INCIDENT_CANDIDATE, RiskWeights.candidateMembership(c.tacticCount()),
                "part of incident candidate " + c.id() + " spanning " + c.tacticCount()
                        + (c.tacticCount() == 1 ? " tactic" : " tactics"))));
        int points = factors.stream().mapToInt(RiskFactor::points).sum();
        return new RiskScore(RiskWeights.clamp(points), factors);
    }

    private static String fileName(String source) {
        int slash = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
        return DisplayText.shorten(source.substring(slash + 1));
    }

    /** The asset file's first matching entry wins; otherwise a criticality tag on the resource itself. */
    private static Optional<RiskFactor> criticality(AnalysedFinding finding, RiskContext context) {
        Optional<AssetEntry> entry = context.assets().match(finding);
        if (entry.isPresent()) {
            AssetEntry e = entry.get();
            String owner = e.owner().isEmpty() ? "" : ", owner " + DisplayText.shorten(e.owner());
            return Optional.of(RiskFactor.of(RiskFactor.Kind.ASSET_CRITICALITY,
                    RiskWeights.criticality(e.criticality()),
                    "asset criticality " + e.criticality().words() + " per " + fileName(context.assets().source())
                            + " " + e.describe() + owner));
        }
        Optional<Map.Entry<String, Criticality>> tagged = AssetCatalog.fromTags(finding.resourceTags());
        return tagged.map(t -> RiskFactor.of(RiskFactor.Kind.ASSET_CRITICALITY,
                RiskWeights.criticality(t.getValue()),
                "resource tagged " + DisplayText.shorten(t.getKey()) + "=" + t.getValue().words()));
    }
}
