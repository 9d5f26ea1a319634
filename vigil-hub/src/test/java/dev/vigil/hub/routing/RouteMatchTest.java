package dev.vigil.hub.routing;

import dev.vigil.hub.Glob;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouteMatchTest {

    @Test
    void globsMatchAnyRunIncludingSlashesAndNothingElse() {
        assertThat(new Glob("TTPs/*").matches("TTPs/Initial Access/RootLogin")).isTrue();
        assertThat(new Glob("TTPs/*").matches("Effects/TTPs/x")).isFalse();
        assertThat(new Glob("*Exfiltration*").matches("Effects/Data Exfiltration/S3")).isTrue();
        assertThat(new Glob("a*b*c").matches("aXXbYYc")).isTrue();
        assertThat(new Glob("a*b*c").matches("aXXbYY")).isFalse();
        assertThat(new Glob("exact").matches("exact")).isTrue();
        assertThat(new Glob("exact").matches("Exact")).isFalse();
        assertThat(new Glob("*").matches("")).isTrue();
        // A pathological pattern against a long text still answers quickly (no exponential backtracking).
        String text = "a".repeat(20_000);
        assertThat(new Glob("*a*a*a*a*a*a*a*a*b").matches(text)).isFalse();
    }

    @Test
    void everyGivenCriterionMustHold() {
        Notification n = TestNotifications.of(EventKind.ESCALATED, "f", Severity.HIGH, TestNotifications.T0);
        RouteMatch any = new RouteMatch(null, Set.of(), List.of(), Set.of(), Set.of());
        assertThat(any.matches(n)).isTrue();
        assertThat(new RouteMatch(Severity.CRITICAL, Set.of(), List.of(), Set.of(), Set.of()).matches(n)).isFalse();
        assertThat(new RouteMatch(Severity.HIGH, Set.of("VIGIL"), List.of(), Set.of(), Set.of()).matches(n)).isTrue();
        assertThat(new RouteMatch(null, Set.of("GuardDuty"), List.of(), Set.of(), Set.of()).matches(n)).isFalse();
        assertThat(new RouteMatch(null, Set.of(), List.of(new Glob("TTPs/*")), Set.of(), Set.of()).matches(n))
                .isTrue();
        assertThat(new RouteMatch(null, Set.of(), List.of(new Glob("Software*")), Set.of(), Set.of()).matches(n))
                .isFalse();
        assertThat(new RouteMatch(null, Set.of(), List.of(), Set.of("999999999999"), Set.of()).matches(n)).isFalse();
        assertThat(new RouteMatch(null, Set.of(), List.of(), Set.of(), Set.of(EventKind.CREATED)).matches(n)).isFalse();
        assertThat(new RouteMatch(null, Set.of(), List.of(), Set.of(), Set.of(EventKind.ESCALATED)).matches(n)).isTrue();
    }

    @Test
    void theIdempotencyKeyDependsOnDestinationFindingKindAndTime() {
        Notification n = TestNotifications.created("f-1");
        String key = IdempotencyKey.of("jira", n);
        assertThat(key).matches("vigil-[0-9a-f]{32}");
        assertThat(IdempotencyKey.of("jira", TestNotifications.created("f-1"))).isEqualTo(key);
        assertThat(IdempotencyKey.of("snow", n)).isNotEqualTo(key);
        assertThat(IdempotencyKey.of("jira", TestNotifications.created("f-2"))).isNotEqualTo(key);
        assertThat(IdempotencyKey.of("jira", TestNotifications.of(EventKind.REOPENED, "f-1", Severity.HIGH,
                TestNotifications.T0))).isNotEqualTo(key);
        assertThat(IdempotencyKey.of("jira", TestNotifications.of(EventKind.CREATED, "f-1", Severity.HIGH,
                TestNotifications.T0.plusMillis(1)))).isNotEqualTo(key);
    }

    @Test
    void notificationsSurviveTheOutboxPayloadUnchanged() {
        Notification n = TestNotifications.withText(EventKind.RESOLVED, "f-1", "t\u0000\"<>", "line1\nline2 ✓");
        assertThat(NotificationJson.fromJson(NotificationJson.toJson(n))).isEqualTo(n);
    }

    @Test
    void retryAfterReadsSecondsAndDatesAndIgnoresNonsense() {
        Instant now = Instant.parse("2026-03-01T10:00:00Z");
        assertThat(RetryAfter.parse("30", now)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Sun, 01 Mar 2026 10:01:00 GMT", now)).contains(Duration.ofMinutes(1));
        assertThat(RetryAfter.parse("Sun, 01 Mar 2026 09:00:00 GMT", now)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("soon", now)).isEmpty();
        assertThat(RetryAfter.parse("-5", now)).isEmpty();
        assertThat(RetryAfter.parse(null, now)).isEmpty();
    }
}
