package dev.vigil.hub.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.hub.FindingQuery;
import dev.vigil.hub.FindingStore;
import dev.vigil.hub.StoredFinding;
import dev.vigil.model.Finding;
import dev.vigil.model.RecordState;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One pass of correlation and risk scoring over a store: reads every ACTIVE finding (without evidence), groups them
 * into incident candidates, scores each with the user's asset file and the candidates, and writes back the scores
 * that changed. Run after every scan and import, so {@code findings list --sort risk} and the incident view reflect
 * everything the store holds, whichever product reported it.
 *
 * <p>Memory: one {@link AnalysedFinding} per active finding (a few hundred bytes each) for the length of the pass.
 */
public final class StoreScoring {

    /**
     * What a pass did.
     *
     * @param correlation the incident candidates and what correlation left out
     * @param scored      findings scored
     * @param changed     findings whose stored score or explanation changed
     */
    public record Result(CorrelationResult correlation, int scored, int changed) {
    }

    /** Key names under which findings carry the access key they involve (imports and CloudTrail rules). */
    private static final List<String> ACCESS_KEY_KEYS = List.of("accessKeyId", "userIdentity.accessKeyId");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CorrelationOptions options;
    private final AssetCatalog assets;
    private final Set<String> exposedResources;

    public StoreScoring(CorrelationOptions options, AssetCatalog assets, Set<String> exposedResources) {
        this.options = Objects.requireNonNull(options, "options");
        this.assets = Objects.requireNonNull(assets, "assets");
        this.exposedResources = Set.copyOf(exposedResources);
    }

    /** Correlates and scores the store's active findings, writing the changed scores in one transaction. */
    public Result run(FindingStore store) {
        List<AnalysedFinding> findings = new ArrayList<>();
        Map<String, dev.vigil.hub.RiskScore> stored = new HashMap<>();
        read(store, f -> stored.put(f.id(), new dev.vigil.hub.RiskScore(f.risk(), f.riskReasons())), findings);
        CorrelationResult correlation = new IncidentCorrelator(options).correlate(findings);
        RiskContext context = new RiskContext(assets, exposedResources, byFinding(correlation.candidates()));
        Map<String, dev.vigil.hub.RiskScore> changed = new HashMap<>();
        for (AnalysedFinding f : findings) {
            RiskScore score = RiskScorer.score(f, context);
            dev.vigil.hub.RiskScore row = new dev.vigil.hub.RiskScore(score.score(), reasonsJson(score));
            if (!row.equals(stored.get(f.id()))) {
                changed.put(f.id(), row);
            }
        }
        if (!changed.isEmpty()) {
            store.setRisk(changed);
        }
        return new Result(correlation, findings.size(), changed.size());
    }

    /** The incident candidates of the store's active findings, without scoring or writing anything. */
    public CorrelationResult correlate(FindingStore store) {
        List<AnalysedFinding> findings = new ArrayList<>();
        read(store, f -> { }, findings);
        return new IncidentCorrelator(options).correlate(findings);
    }

    /** Every active finding as analysis sees it, into {@code out}; {@code also} sees each stored row too. */
    private static void read(FindingStore store, java.util.function.Consumer<StoredFinding> also,
                             List<AnalysedFinding> out) {
        store.forEachWithoutEvidence(FindingQuery.all().withRecordState(RecordState.ACTIVE), f -> {
            out.add(analysed(f));
            also.accept(f);
        });
    }

    private static Map<String, IncidentCandidate> byFinding(List<IncidentCandidate> candidates) {
        Map<String, IncidentCandidate> out = new HashMap<>();
        for (IncidentCandidate c : candidates) {
            for (CandidateMember m : c.members()) {
                out.put(m.findingId(), c);
            }
        }
        return out;
    }

    /** The analysis view of a stored finding. */
    static AnalysedFinding analysed(StoredFinding s) {
        Finding f = s.finding();
        String accessKey = "";
        for (String k : ACCESS_KEY_KEYS) {
            String v = f.keys().get(k);
            if (v != null && !v.isBlank()) {
                accessKey = v;
                break;
            }
        }
        String resourceType = Objects.requireNonNullElse(f.keys().get("resourceType"), "");
        // a damaged window (lastSeen before firstSeen) cannot come from the store's own writes; keep the pass going
        var last = f.lastSeen().isBefore(f.firstSeen()) ? f.firstSeen() : f.lastSeen();
        return new AnalysedFinding(f.id(), f.rule().title(), f.rule().types(), f.rule().attack(), f.severity(),
                s.origin().product(), f.account(), f.region(), f.principal(), accessKey, f.resource(), resourceType,
                Map.of(), f.firstSeen(), last, Math.max(1, f.count()), s.origin().confidence(), s.workflow());
    }

    /** The stored explanation: {@code {"explanation": "Risk 75: …", "factors": [{kind, points, sentence}…]}}. */
    static String reasonsJson(RiskScore score) {
        ObjectNode root = JSON.createObjectNode();
        root.put("explanation", score.explanation());
        ArrayNode factors = root.putArray("factors");
        for (RiskFactor f : score.factors()) {
            factors.addObject().put("kind", f.kind().name()).put("points", f.points()).put("sentence", f.sentence());
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a risk explanation is plain text and numbers", e);
        }
    }

    /** The one-line explanation inside a stored {@link #reasonsJson} text, or empty when there is none. */
    public static String explanation(String reasonsJson) {
        if (reasonsJson == null || reasonsJson.isBlank()) {
            return "";
        }
        try {
            return JSON.readTree(reasonsJson).path("explanation").asText("");
        } catch (JsonProcessingException e) {
            return "";
        }
    }
}
