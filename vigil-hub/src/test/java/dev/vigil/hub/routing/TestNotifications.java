package dev.vigil.hub.routing;

import dev.vigil.model.Severity;
import dev.vigil.model.Workflow;
import java.time.Instant;
import java.util.List;

final class TestNotifications {

    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private TestNotifications() {
    }

    static Notification of(EventKind kind, String findingId, Severity severity, Instant changedAt) {
        return new Notification(kind, findingId, "vigil-console-login-without-mfa", "Root console login without MFA",
                "The root user signed in to the console without MFA.", severity,
                List.of("TTPs/Initial Access/RootLogin"), "123456789012", "eu-west-1",
                "arn:aws:iam::123456789012:root", "AwsAccount/123456789012",
                T0.minusSeconds(3600), T0, 3, "Vigil", 87, "high severity; recurring", Workflow.NEW, changedAt);
    }

    static Notification created(String findingId) {
        return of(EventKind.CREATED, findingId, Severity.HIGH, T0);
    }

    static Notification resolved(String findingId) {
        return of(EventKind.RESOLVED, findingId, Severity.HIGH, T0.plusSeconds(600));
    }

    static Notification withText(EventKind kind, String findingId, String title, String description) {
        Notification n = of(kind, findingId, Severity.CRITICAL, T0);
        return new Notification(n.kind(), n.findingId(), n.ruleId(), title, description, n.severity(), n.types(), n.account(),
                n.region(), n.principal(), n.resource(), n.firstSeen(), n.lastSeen(), n.count(), n.product(),
                n.riskScore(), n.riskExplanation(), n.workflow(), n.changedAt());
    }
}
