package dev.vigil.hub.routing;

import dev.vigil.model.Severity;
import dev.vigil.model.Workflow;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One change to a finding that routing may deliver: what happened ({@link #kind}), when ({@link #changedAt}), and
 * the finding as it stands after the change.
 *
 * <p>Every text field may come from a log or another product's export and is treated as attacker-controlled by
 * each destination (escaped for Slack, stripped of line breaks in mail headers and ticket summaries, sent as JSON
 * strings elsewhere). Null text becomes the empty string so destinations never have to check.
 *
 * @param ruleId    the detection that raised the finding (a Vigil rule or check id; for an imported finding, the
 *                  product's finding type), so receivers can route or filter on it
 * @param changedAt when the change happened; with the finding id and kind it makes the idempotency key, so the
 *                  same change enqueued twice is delivered once, and a later change of the same kind is new
 */
public record Notification(
        EventKind kind,
        String findingId,
        String ruleId,
        String title,
        String description,
        Severity severity,
        List<String> types,
        String account,
        String region,
        String principal,
        String resource,
        Instant firstSeen,
        Instant lastSeen,
        long count,
        String product,
        int riskScore,
        String riskExplanation,
        Workflow workflow,
        Instant changedAt) {

    public Notification {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(workflow, "workflow");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
        Objects.requireNonNull(changedAt, "changedAt");
        if (findingId == null || findingId.isBlank()) {
            throw new IllegalArgumentException("a notification needs the finding's id");
        }
        ruleId = orEmpty(ruleId);
        title = orEmpty(title);
        description = orEmpty(description);
        types = types == null ? List.of() : types.stream().map(Notification::orEmpty).toList();
        account = orEmpty(account);
        region = orEmpty(region);
        principal = orEmpty(principal);
        resource = orEmpty(resource);
        product = orEmpty(product);
        riskExplanation = orEmpty(riskExplanation);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
