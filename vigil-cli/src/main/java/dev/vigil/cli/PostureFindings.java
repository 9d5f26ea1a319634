package dev.vigil.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.model.DetectionInfo;
import dev.vigil.model.Evidence;
import dev.vigil.model.Finding;
import dev.vigil.posture.check.CheckMetadata;
import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.CheckStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Posture results as findings in the same store as detections: a FAIL is a finding keyed by check, account, region
 * and resource, so the next run updates it; a PASS names the finding to resolve if one exists. ERROR, MANUAL and
 * NOT_APPLICABLE leave the store alone: not knowing is neither failing nor passing.
 */
final class PostureFindings {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What to store: the failures as findings, and the ids of findings whose check now passes. */
    record Split(List<Finding> failing, List<String> passingIds) {
    }

    private PostureFindings() {
    }

    static Split of(List<CheckResult> results, Map<String, CheckMetadata> catalogue, Instant evaluatedAt) {
        List<Finding> failing = new ArrayList<>();
        List<String> passing = new ArrayList<>();
        for (CheckResult r : results) {
            CheckMetadata meta = catalogue.get(r.checkId());
            if (meta == null) {
                continue;
            }
            Map<String, String> keys = keys(r);
            switch (r.status()) {
                case FAIL -> failing.add(finding(r, meta, keys, evaluatedAt));
                case PASS -> passing.add(Finding.idFor(r.checkId(), keys));
                default -> { }
            }
        }
        return new Split(failing, passing);
    }

    static Map<String, String> keys(CheckResult r) {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("account", r.account());
        keys.put("region", r.region());
        keys.put("resource", r.resource());
        return keys;
    }

    private static Finding finding(CheckResult r, CheckMetadata meta, Map<String, String> keys, Instant at) {
        DetectionInfo rule = new DetectionInfo(meta.id(), meta.title(),
                meta.rationale() + " Fix: " + meta.remediation().summary(), meta.severity(), List.of(),
                List.of("Software and Configuration Checks/AWS Security Best Practices/" + meta.section()));
        ObjectNode raw = JSON.createObjectNode();
        raw.put("check", r.checkId());
        raw.put("status", CheckStatus.FAIL.name());
        raw.put("account", r.account());
        raw.put("region", r.region());
        raw.put("resourceType", r.resourceType());
        raw.put("resource", r.resource());
        raw.put("reason", r.reason());
        raw.put("evaluatedAt", at.toString());
        Evidence evidence = new Evidence("posture:" + r.checkId(), at, "posture check " + r.checkId(), raw.toString());
        return new Finding(Finding.idFor(meta.id(), keys), rule, keys, r.account(), r.region(), "", r.resource(), at, at,
                1, List.of(evidence));
    }
}
