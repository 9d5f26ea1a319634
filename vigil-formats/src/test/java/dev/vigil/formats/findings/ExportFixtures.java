package dev.vigil.formats.findings;

import dev.vigil.model.DetectionInfo;
import dev.vigil.model.Evidence;
import dev.vigil.model.Finding;
import dev.vigil.model.FindingOrigin;
import dev.vigil.model.ImportedFinding;
import dev.vigil.model.RecordState;
import dev.vigil.model.Severity;
import dev.vigil.model.Workflow;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Findings to export, shaped like what the hub holds: Vigil's own and imported ones. */
final class ExportFixtures {

    static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    static final Instant T1 = Instant.parse("2024-05-01T11:30:00.250Z");

    private ExportFixtures() {
    }

    static Finding vigilFinding(String suffix, String account) {
        DetectionInfo rule = new DetectionInfo("aws_cloudtrail_stop_logging", "CloudTrail logging stopped",
                "A trail stopped logging; attackers do this to hide what follows. Restart it and find who stopped it.",
                Severity.HIGH, List.of("T1562.008"), List.of("TTPs/Defense Evasion/CloudTrailStopped"));
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("account", account);
        keys.put("principal", "arn:aws:iam::" + account + ":user/mallory" + suffix);
        return new Finding(Finding.idFor(rule.id(), keys), rule, keys, account, "us-east-1",
                "arn:aws:iam::" + account + ":user/mallory" + suffix,
                "arn:aws:cloudtrail:us-east-1:" + account + ":trail/main", T0, T1, 3,
                List.of(new Evidence("ev-1", T0, "logs/trail 1.json.gz#record 4", "{}")));
    }

    static ExportableFinding vigil(String suffix, String account) {
        Finding f = vigilFinding(suffix, account);
        return new ExportableFinding(f, FindingOrigin.vigil(f), Workflow.NEW, RecordState.ACTIVE, T0, T1, 72);
    }

    static ExportableFinding importedGuardDuty(Workflow workflow, RecordState state) {
        String pid = "eeb88ab56556eb7771b266670dddee5a";
        DetectionInfo rule = new DetectionInfo("PrivilegeEscalation:IAMUser/AdministrativePermissions",
                "Principal AssumedRole:IAMRole attempted to add a highly permissive policy.", "", Severity.HIGH,
                List.of(), List.of("PrivilegeEscalation:IAMUser/AdministrativePermissions"));
        Finding f = new Finding(ImportedFinding.idFor("GuardDuty", pid), rule, Map.of("productFindingId", pid),
                "123456789012", "us-east-1", "IAMRole", "arn:aws:iam::123456789012:role/IAMRole", T0, T1, 5, List.of());
        FindingOrigin o = new FindingOrigin("GuardDuty", pid, "guardduty", "exports/gd.jsonl.gz#line 7", "{}", 80);
        return new ExportableFinding(f, o, workflow, state, T0, T1, 55);
    }

    static ExportableFinding withText(ExportableFinding e, String title, String description, String principal,
                                      String resource, String account) {
        Finding f = e.finding();
        DetectionInfo r = f.rule();
        DetectionInfo rule = new DetectionInfo(r.id(), title, description, r.severity(), r.attack(), r.types());
        Finding g = new Finding(f.id(), rule, f.keys(), account, f.region(), principal, resource, f.firstSeen(),
                f.lastSeen(), f.count(), f.evidence());
        return new ExportableFinding(g, e.origin(), e.workflow(), e.recordState(), e.createdAt(), e.updatedAt(),
                e.riskScore());
    }
}
