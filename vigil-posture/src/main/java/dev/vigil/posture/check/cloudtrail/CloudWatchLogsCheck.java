package dev.vigil.posture.check.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.model.Severity;
import dev.vigil.posture.check.CheckMetadata;
import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.CheckStatus;
import dev.vigil.posture.check.Estate;
import dev.vigil.posture.check.Exported;
import dev.vigil.posture.check.Remediation;
import dev.vigil.posture.check.Verdicts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Every trail sends events to a CloudWatch Logs group and delivered recently (within the policy's
 * trail-delivery-max-age of the evaluation time) without a delivery error, so metric filters and alarms see them.
 */
final class CloudWatchLogsCheck extends TrailCheck {

    private static final CheckMetadata METADATA = new CheckMetadata(
            "cloudtrail.cloudwatch_logs",
            "CloudTrail delivers to CloudWatch Logs, recently and without errors",
            "CloudTrail", Severity.MEDIUM, TRAIL,
            "Alarms on root use, policy changes or failed sign-ins are metric filters on the trail's CloudWatch Logs "
                    + "group. A trail with no log group, or whose delivery stopped (a deleted group, a broken role), "
                    + "leaves every such alarm silent while looking configured.",
            new Remediation("Give the trail a log group and a role CloudTrail can assume to write to it; fix the "
                    + "error the trail status reports if delivery stopped.",
                    """
                    aws logs create-log-group --log-group-name cloudtrail/<trail-name>
                    aws cloudtrail update-trail --name <trail-name> \\
                        --cloud-watch-logs-log-group-arn <log-group-arn> --cloud-watch-logs-role-arn <role-arn>
                    aws cloudtrail get-trail-status --name <trail-name>""",
                    """
                    Trail:
                      Type: AWS::CloudTrail::Trail
                      Properties:
                        CloudWatchLogsLogGroupArn: !GetAtt TrailLogGroup.Arn
                        CloudWatchLogsRoleArn: !GetAtt TrailToLogsRole.Arn""",
                    """
                    resource "aws_cloudtrail" "main" {
                      cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"
                      cloud_watch_logs_role_arn  = aws_iam_role.trail_to_logs.arn
                    }"""),
            List.of("cloudtrail:DescribeTrails", "cloudtrail:GetTrailStatus", "config:BatchGetResourceConfig"));

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    CheckResult judge(Trail trail, Estate estate, Trails trails) {
        if (trail.logGroupArn().isEmpty()) {
            return result(CheckStatus.FAIL, trail, "The " + trail.label()
                    + " sends no events to CloudWatch Logs (no CloudWatchLogsLogGroupArn), so no alarm can watch it.");
        }
        JsonNode status;
        switch (trails.status(trail)) {
            case Exported.Present p -> status = p.body();
            case Exported.Failed f -> { return result(CheckStatus.ERROR, trail, Verdicts.unavailableReason(f)); }
            case Exported.Missing m -> { return result(CheckStatus.ERROR, trail, Verdicts.unavailableReason(m)); }
        }
        String error = Trail.text(status.path("LatestCloudWatchLogsDeliveryError"));
        if (!error.isEmpty()) {
            return result(CheckStatus.FAIL, trail, "The " + trail.label() + " reports a CloudWatch Logs delivery error ("
                    + Verdicts.clip(error) + "); fix the log group or the delivery role.");
        }
        Optional<Instant> latest = Timestamps.parse(status.path("LatestCloudWatchLogsDeliveryTime"));
        Duration maxAge = estate.policy().trailDeliveryMaxAge();
        if (latest.isEmpty()) {
            return result(CheckStatus.FAIL, trail, "The " + trail.label()
                    + " has a log group but get-trail-status shows no CloudWatch Logs delivery yet.");
        }
        if (latest.get().isAfter(estate.now())) {
            // get-trail-status keeps only the latest delivery: one after the evaluation time (--at in the past)
            // hides whether the trail was delivering then, so this is neither a pass nor a failure.
            return result(CheckStatus.ERROR, trail, "The " + trail.label() + " last delivered to CloudWatch Logs at "
                    + latest.get() + ", after the evaluation time " + estate.now() + ", and get-trail-status keeps "
                    + "only the latest delivery; export the status at that time or evaluate at the current time.");
        }
        Duration age = Duration.between(latest.get(), estate.now());
        if (age.compareTo(maxAge) > 0) {
            return result(CheckStatus.FAIL, trail, "The " + trail.label() + " last delivered to CloudWatch Logs at "
                    + latest.get() + ", older than the allowed " + maxAge + "; delivery has stopped.");
        }
        return result(CheckStatus.PASS, trail, "The " + trail.label() + " delivered to CloudWatch Logs at "
                + latest.get() + ", within " + maxAge + ".");
    }
}
