package dev.vigil.formats.findings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.model.DetectionInfo;
import dev.vigil.model.Finding;
import dev.vigil.model.FindingOrigin;
import dev.vigil.model.ImportedFinding;
import dev.vigil.model.RecordState;
import dev.vigil.model.Severity;
import dev.vigil.model.Workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Maps one OCSF finding — Detection Finding 2004, Compliance Finding 2003, or the deprecated Security Finding 2001
 * (which keeps its facts under {@code finding} and its workflow in {@code state_id}) — to Vigil's model. Reads what
 * Vigil's own {@link dev.vigil.formats.ocsf.OcsfFindingWriter} writes, so a scan's output imports back.
 */
final class OcsfFindingMapper {

    static final Set<Integer> CLASSES = Set.of(2001, 2003, 2004);
    private static final FindingFields F = new FindingFields("OCSF", false);

    private OcsfFindingMapper() {
    }

    static IncomingFinding map(JsonNode o, String raw, String location) throws BadFinding {
        OptionalLong cls = F.whole(o, "class_uid");
        if (cls.isEmpty() || !CLASSES.contains((int) cls.getAsLong())) {
            throw F.invalid("class_uid", "is " + (cls.isEmpty() ? "not a whole number" : cls.getAsLong())
                    + "; only Detection (2004), Compliance (2003) and Security (2001) Findings are imported");
        }
        String infoPath = cls.getAsLong() == 2001 && F.node(o, "finding") != null ? "finding" : "finding_info";
        JsonNode info = F.node(o, infoPath);
        if (info == null || !info.isObject()) {
            throw info == null ? F.missing(infoPath) : F.invalid(infoPath, "must be an object");
        }
        String uid = F.requireText(o, infoPath + ".uid");
        String product = F.requireText(o, "metadata.product.name");
        Severity severity = severity(o);
        Instant time = millisOrDt(o, "time");
        if (time == null) {
            throw F.missing("time");
        }
        Instant first = firstOf(millisOrDt(info, "first_seen_time"), millisOrDt(o, "start_time"),
                millisOrDt(info, "created_time"), time);
        Instant last = firstOf(millisOrDt(info, "last_seen_time"), millisOrDt(o, "end_time"),
                millisOrDt(info, "modified_time"), time);
        if (last.isBefore(first)) {
            last = first;
        }
        List<String> types = F.texts(info, "types");
        // the analytic's uid is the rule that fired (Vigil writes its rule id there); types[0] for products without one
        String ruleId = F.text(info, "analytic.uid");
        if (ruleId.isBlank()) {
            ruleId = types.isEmpty() ? "" : types.get(0);
        }
        if (ruleId.isBlank()) {
            throw F.missing(infoPath + ".analytic.uid' or '" + infoPath + ".types");
        }
        String title = firstNonEmpty(F.text(info, "title"), F.text(o, "message"), ruleId);
        DetectionInfo rule = new DetectionInfo(ruleId, title, F.text(info, "desc"), severity,
                techniques(o, info), types);

        Finding finding = new Finding(ImportedFinding.idFor(product, uid), rule, Map.of("productFindingId", uid),
                F.text(o, "cloud.account.uid"), F.text(o, "cloud.region"), principal(o), resource(o, "uid"),
                first, last, Math.max(1, F.whole(o, "count").orElse(1)), List.of());
        FindingOrigin origin = new FindingOrigin(product, uid, FindingFormat.OCSF.id(), location, raw, confidence(o));
        long status = F.whole(o, cls.getAsLong() == 2001 && F.node(o, "status_id") == null ? "state_id" : "status_id")
                .orElse(-1);
        return new IncomingFinding(new ImportedFinding(finding, origin), workflow(status), recordState(o, status),
                resource(o, "type"), accessKey(o));
    }

    /** severity_id 1–5 as Vigil's; 6 (Fatal) as Critical; 0/99 (Unknown/Other) fall back to the caption. */
    private static Severity severity(JsonNode o) throws BadFinding {
        OptionalLong id = F.whole(o, "severity_id");
        if (id.isPresent() && id.getAsLong() >= 1 && id.getAsLong() <= 5) {
            return Severity.fromOcsfId((int) id.getAsLong());
        }
        if (id.isPresent() && id.getAsLong() == 6) {
            return Severity.CRITICAL;
        }
        String caption = F.text(o, "severity");
        try {
            if (!caption.isEmpty()) {
                return Severity.parse(caption);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (id.isEmpty() && F.node(o, "severity_id") == null) {
            throw F.missing("severity_id");
        }
        throw F.invalid("severity_id", "is " + (id.isPresent() ? id.getAsLong() : "not a whole number")
                + " and the severity caption is no known level; expected 1–6");
    }

    /** An epoch-milliseconds field, or its {@code _dt} twin. */
    private static Instant millisOrDt(JsonNode n, String name) {
        OptionalLong ms = F.whole(n, name);
        if (ms.isPresent()) {
            return Instant.ofEpochMilli(ms.getAsLong());
        }
        return F.time(n, name + "_dt");
    }

    private static List<String> techniques(JsonNode o, JsonNode info) {
        Set<String> out = new LinkedHashSet<>();
        List<JsonNode> attacks = new ArrayList<>(F.objects(info, "attacks"));
        attacks.addAll(F.objects(o, "attacks"));
        for (JsonNode a : attacks) {
            for (String path : List.of("technique.uid", "sub_technique.uid")) {
                String t = F.text(a, path);
                if (!t.isBlank()) {
                    out.add(t);
                }
            }
        }
        return new ArrayList<>(out);
    }

    /** The actor's user: top-level {@code actor} (security_control profile), else the evidences', else Vigil's note. */
    private static String principal(JsonNode o) {
        for (JsonNode actor : actors(o)) {
            String p = firstNonEmpty(F.text(actor, "user.uid"), F.text(actor, "user.name"));
            if (!p.isEmpty()) {
                return p;
            }
        }
        return F.text(o, "unmapped.vigil.principal");
    }

    private static String accessKey(JsonNode o) {
        for (JsonNode actor : actors(o)) {
            String k = F.text(actor, "user.credential_uid");
            if (!k.isEmpty()) {
                return k;
            }
        }
        return "";
    }

    private static List<JsonNode> actors(JsonNode o) {
        List<JsonNode> out = new ArrayList<>();
        JsonNode top = F.node(o, "actor");
        if (top != null && top.isObject()) {
            out.add(top);
        }
        for (JsonNode e : F.objects(o, "evidences")) {
            JsonNode a = F.node(e, "actor");
            if (a != null && a.isObject()) {
                out.add(a);
            }
        }
        return out;
    }

    /** A field of the first of {@code resources[]}, else of the single {@code resource} (Compliance Finding 1.1). */
    private static String resource(JsonNode o, String field) {
        List<JsonNode> rs = F.objects(o, "resources");
        if (!rs.isEmpty()) {
            return F.text(rs.get(0), field);
        }
        return F.text(o, "resource." + field);
    }

    private static int confidence(JsonNode o) {
        OptionalLong c = F.whole(o, "confidence_score");
        return c.isPresent() && c.getAsLong() >= 0 && c.getAsLong() <= 100
                ? (int) c.getAsLong() : FindingOrigin.UNKNOWN_CONFIDENCE;
    }

    /** status_id: 1 New, 2 In Progress, 3 Suppressed, 4 Resolved. "In Progress" is Security Hub's NOTIFIED. */
    static Optional<Workflow> workflow(long statusId) {
        return switch ((int) statusId) {
            case 1 -> Optional.of(Workflow.NEW);
            case 2 -> Optional.of(Workflow.NOTIFIED);
            case 3 -> Optional.of(Workflow.SUPPRESSED);
            case 4 -> Optional.of(Workflow.RESOLVED);
            default -> Optional.empty();
        };
    }

    /** OCSF 1.6's status 5 (Archived), else the ASFF RecordState AWS's mapping keeps under {@code unmapped}. */
    private static Optional<RecordState> recordState(JsonNode o, long statusId) {
        if (statusId == 5) {
            return Optional.of(RecordState.ARCHIVED);
        }
        String s = F.text(o, "unmapped.RecordState");
        try {
            return s.isEmpty() ? Optional.empty() : Optional.of(RecordState.parse(s));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Instant firstOf(Instant... values) {
        for (Instant v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static String firstNonEmpty(String... values) {
        for (String v : values) {
            if (!v.isBlank()) {
                return v;
            }
        }
        return "";
    }
}
