package dev.vigil.posture.check.cloudwatch;

import dev.vigil.metrics.filter.MetricFilter;
import dev.vigil.metrics.filter.MetricFilterSet;
import dev.vigil.model.Severity;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckMetadata;
import dev.vigil.posture.check.Remediation;
import dev.vigil.posture.check.Verdicts;

import java.util.List;

/**
 * The CloudWatch section: the fifteen CIS monitoring controls, each "these CloudTrail events reach a human through
 * a metric filter, an alarm and a subscribed SNS topic".
 *
 * <p>Judging a filter: its pattern is run on the control's canonical CloudTrail records
 * ({@code posture/cis-canonical-events.json}); it must match every one of them, and must not match a handful of
 * routine records (a successful read, a console sign-in with MFA). The second rule is a decision: a catch-all
 * pattern such as {@code { $.eventName = * }} technically "matches" every required event, but its alarm fires on
 * every API call, so it is either ignored or tuned with a high threshold and no longer tells anyone that, say, a
 * policy changed. Such a filter does not count.
 *
 * <p>Remediation snippets use the patterns Vigil ships in vigil-metrics' CIS pack, which a test proves fit.
 */
public final class CloudWatchChecks {

    private static final List<String> PERMISSIONS = List.of("cloudtrail:DescribeTrails", "cloudtrail:GetTrailStatus",
            "logs:DescribeMetricFilters", "cloudwatch:DescribeAlarms", "sns:ListSubscriptions");

    private CloudWatchChecks() {
    }

    public static List<Check> checks() {
        return List.of(
                control("unauthorized_api_calls", "Refused API calls raise an alarm that reaches a subscriber",
                        Severity.LOW, "CIS-4.1-UnauthorizedAPICalls",
                        "A burst of AccessDenied or UnauthorizedOperation errors is often the first trace of stolen "
                                + "credentials being tried against services they were never granted, or of a "
                                + "misconfigured deployment; an alarm lets someone look while it is happening."),
                control("console_signin_without_mfa", "Console sign-ins without MFA raise an alarm that reaches a subscriber",
                        Severity.MEDIUM, "CIS-4.2-ConsoleSigninWithoutMFA",
                        "An IAM user signing in to the console with only a password is one phished password away "
                                + "from an attacker; being told when it happens finds users who still lack MFA."),
                control("root_account_usage", "Use of the root user raises an alarm that reaches a subscriber",
                        Severity.HIGH, "CIS-4.3-RootAccountUsage",
                        "The root user cannot be restricted by IAM or SCPs and is needed for almost nothing; any "
                                + "use of it should be expected by someone, and unexpected use is an incident."),
                control("iam_policy_changes", "IAM policy changes raise an alarm that reaches a subscriber",
                        Severity.MEDIUM, "CIS-4.4-IAMPolicyChanges",
                        "Attaching or rewriting a policy is how access is widened, legitimately or by an intruder "
                                + "securing persistence; a notification per change keeps permissions reviewed."),
                control("cloudtrail_config_changes", "CloudTrail configuration changes raise an alarm that reaches a subscriber",
                        Severity.HIGH, "CIS-4.5-CloudTrailChanges",
                        "Stopping, deleting or narrowing a trail blinds every other control; an attacker does it "
                                + "early, so the change itself must be reported at once."),
                control("console_auth_failures", "Failed console sign-ins raise an alarm that reaches a subscriber",
                        Severity.LOW, "CIS-4.6-ConsoleAuthenticationFailure",
                        "Repeated failed sign-ins point at password guessing against IAM users or the root user."),
                control("cmk_disable_or_deletion", "Disabling or scheduling deletion of a KMS key raises an alarm",
                        Severity.MEDIUM, "CIS-4.7-DisableOrDeleteCMK",
                        "Data encrypted under a deleted key is lost for good, and a disabled key stops every "
                                + "service that depends on it; the waiting period only helps if someone is told."),
                control("s3_bucket_policy_changes", "S3 bucket policy and ACL changes raise an alarm that reaches a subscriber",
                        Severity.MEDIUM, "CIS-4.8-S3BucketPolicyChanges",
                        "Bucket policies, ACLs, CORS, lifecycle and replication rules decide who reads the data "
                                + "and where copies go; one changed statement can make a bucket public."),
                control("config_changes", "AWS Config recorder and delivery changes raise an alarm",
                        Severity.MEDIUM, "CIS-4.9-AWSConfigChanges",
                        "Stopping the recorder or redirecting its delivery hides later configuration changes "
                                + "from audit and from Vigil's own posture checks."),
                control("security_group_changes", "Security group changes raise an alarm that reaches a subscriber",
                        Severity.MEDIUM, "CIS-4.10-SecurityGroupChanges",
                        "Security groups are the instance firewall; a rule opened to the internet is a common "
                                + "route in, and a notification per change catches it before it is exploited."),
                control("nacl_changes", "Network ACL changes raise an alarm that reaches a subscriber",
                        Severity.MEDIUM, "CIS-4.11-NetworkACLChanges",
                        "Network ACLs filter whole subnets; a changed entry can expose or cut off every "
                                + "resource in them."),
                control("network_gateway_changes", "Internet and customer gateway changes raise an alarm",
                        Severity.MEDIUM, "CIS-4.12-NetworkGatewayChanges",
                        "Gateways are the doors between a VPC and the internet or on-premises networks; a new "
                                + "or moved gateway can open a path around every other network control."),
                control("route_table_changes", "Route table changes raise an alarm that reaches a subscriber",
                        Severity.MEDIUM, "CIS-4.13-RouteTableChanges",
                        "A changed route can send traffic through an unexpected gateway or appliance, exposing "
                                + "or intercepting it."),
                control("vpc_changes", "VPC and peering changes raise an alarm that reaches a subscriber",
                        Severity.MEDIUM, "CIS-4.14-VPCChanges",
                        "New VPCs and peering connections create network paths between environments that "
                                + "nobody reviewed; each should be expected by the network owners."),
                control("organizations_changes", "AWS Organizations changes raise an alarm that reaches a subscriber",
                        Severity.MEDIUM, "CIS-4.15-OrganizationsChanges",
                        "Changes to accounts, OUs and policies in the organisation move guardrails for every "
                                + "account at once; detaching an SCP or letting an account leave removes them."));
    }

    private static Check control(String suffix, String title, Severity severity, String shippedFilter, String why) {
        String id = "cloudwatch." + suffix;
        CanonicalEvents.Control control = CanonicalEvents.of(id);
        CheckMetadata metadata = new CheckMetadata(id, title, "CloudWatch", severity, Verdicts.ACCOUNT,
                why + " Vigil passes the control when a metric filter on a multi-region trail's log group matches "
                        + "its canonical CloudTrail records for " + control.meaning() + " (and not routine calls), "
                        + "an alarm watches that metric, and the alarm notifies an SNS topic with a confirmed "
                        + "subscription.",
                remediation(suffix, control.meaning(), shipped(shippedFilter)), PERMISSIONS);
        return new MetricFilterAlarmCheck(metadata, control);
    }

    private static MetricFilter shipped(String name) {
        return MetricFilterSet.cis().filters().stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("vigil-metrics' CIS pack has no filter " + name));
    }

    private static Remediation remediation(String suffix, String meaning, MetricFilter filter) {
        String metric = filter.transformation().metricName();
        String namespace = filter.transformation().metricNamespace();
        String pattern = filter.pattern().text();
        String alarm = suffix + "_alarm";
        String cli = "aws logs put-metric-filter --log-group-name <trail-log-group> --filter-name " + filter.name()
                + " \\\n  --metric-transformations metricName=" + metric + ",metricNamespace=" + namespace
                + ",metricValue=1 \\\n  --filter-pattern '" + pattern + "'\n"
                + "aws cloudwatch put-metric-alarm --alarm-name " + alarm + " --metric-name " + metric
                + " --namespace " + namespace + " \\\n  --statistic Sum --period 300 --evaluation-periods 1 --threshold 1"
                + " --comparison-operator GreaterThanOrEqualToThreshold \\\n  --treat-missing-data notBreaching"
                + " --alarm-actions <sns-topic-arn>\n"
                + "aws sns subscribe --topic-arn <sns-topic-arn> --protocol email --notification-endpoint <security-team-address>";
        String cfn = "MetricFilter:\n"
                + "  Type: AWS::Logs::MetricFilter\n"
                + "  Properties:\n"
                + "    LogGroupName: <trail-log-group>\n"
                + "    FilterPattern: '" + pattern + "'\n"
                + "    MetricTransformations:\n"
                + "      - MetricName: " + metric + "\n"
                + "        MetricNamespace: " + namespace + "\n"
                + "        MetricValue: \"1\"\n"
                + "Alarm:\n"
                + "  Type: AWS::CloudWatch::Alarm\n"
                + "  Properties:\n"
                + "    AlarmName: " + alarm + "\n"
                + "    MetricName: " + metric + "\n"
                + "    Namespace: " + namespace + "\n"
                + "    Statistic: Sum\n"
                + "    Period: 300\n"
                + "    EvaluationPeriods: 1\n"
                + "    Threshold: 1\n"
                + "    ComparisonOperator: GreaterThanOrEqualToThreshold\n"
                + "    TreatMissingData: notBreaching\n"
                + "    AlarmActions: [<sns-topic-arn>]";
        return new Remediation("Add a metric filter for " + meaning + " on the log group your multi-region trail "
                + "delivers to, an alarm on its metric that fires on one event, and an SNS topic with a confirmed "
                + "subscriber as the alarm's action.", cli, cfn, "");
    }
}
