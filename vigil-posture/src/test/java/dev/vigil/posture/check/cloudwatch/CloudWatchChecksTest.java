package dev.vigil.posture.check.cloudwatch;

import dev.vigil.metrics.filter.MetricFilterSet;
import dev.vigil.metrics.filter.DescribeMetricFilters;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.CheckStatus;
import dev.vigil.posture.check.EstateFixture;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CloudWatchChecksTest {

    static final String ACCT = "111122223333";
    static final String REGION = "eu-west-1";
    static final String GROUP = "org-trail-logs";
    static final String TOPIC = "arn:aws:sns:eu-west-1:111122223333:security-alerts";

    static String trails(String account, String logGroupArn, boolean multiRegion) {
        return """
                {"trailList":[{"Name":"org-audit","S3BucketName":"audit-logs","IncludeGlobalServiceEvents":true,
                 "IsMultiRegionTrail":%s,"HomeRegion":"eu-west-1",
                 "TrailARN":"arn:aws:cloudtrail:eu-west-1:%s:trail/org-audit","LogFileValidationEnabled":true,
                 %s"HasCustomEventSelectors":false,"HasInsightSelectors":false,"IsOrganizationTrail":true}]}
                """.formatted(multiRegion, account, logGroupArn == null ? ""
                : "\"CloudWatchLogsLogGroupArn\":\"" + logGroupArn + "\",\"CloudWatchLogsRoleArn\":\"arn:aws:iam::"
                + account + ":role/trail-to-logs\",");
    }

    static String groupArn(String account) {
        return "arn:aws:logs:eu-west-1:" + account + ":log-group:" + GROUP + ":*";
    }

    /** Vigil's own CIS pack, as describe-metric-filters prints it, on the trail's log group. */
    static String shippedFilters() {
        return DescribeMetricFilters.write(MetricFilterSet.cis().filters()).replace("aws-cloudtrail-logs", GROUP);
    }

    static String alarm(String name, String metric, String op, double threshold, boolean actionsEnabled, String... actions) {
        return """
                {"AlarmName":"%s","AlarmArn":"arn:aws:cloudwatch:eu-west-1:111122223333:alarm:%s",
                 "ActionsEnabled":%s,"OKActions":[],"AlarmActions":[%s],"InsufficientDataActions":[],
                 "StateValue":"OK","MetricName":"%s","Namespace":"CISBenchmark","Statistic":"Sum","Dimensions":[],
                 "Period":300,"EvaluationPeriods":1,"Threshold":%s,"ComparisonOperator":"%s","TreatMissingData":"notBreaching"}
                """.formatted(name, name, actionsEnabled, actions.length == 0 ? "" : "\"" + String.join("\",\"", actions) + "\"",
                metric, threshold, op);
    }

    static String alarms(String... alarms) {
        return "{\"MetricAlarms\":[" + String.join(",", alarms) + "],\"CompositeAlarms\":[]}";
    }

    static String subscriptions(String subscriptionArn) {
        return """
                {"Subscriptions":[{"SubscriptionArn":"%s","Owner":"111122223333","Protocol":"email",
                 "Endpoint":"secops@example.com","TopicArn":"%s"}]}
                """.formatted(subscriptionArn, TOPIC);
    }

    static final String CONFIRMED = TOPIC + ":0b4f5a1c-6d2e-4f3a-9b8c-7d6e5f4a3b2c";

    /** A complete chain for IAM policy changes. */
    static EstateFixture complete() {
        return new EstateFixture()
                .export(ACCT, REGION, "cloudtrail", "describe-trails", trails(ACCT, groupArn(ACCT), true))
                .export(ACCT, REGION, "cloudtrail", "get-trail-status", "org-audit", "{\"IsLogging\":true}")
                .export(ACCT, REGION, "logs", "describe-metric-filters", shippedFilters())
                .export(ACCT, REGION, "cloudwatch", "describe-alarms", alarms(alarm("iam-changes", "iam_changes_metric",
                        "GreaterThanOrEqualToThreshold", 1, true, TOPIC)))
                .export(ACCT, REGION, "sns", "list-subscriptions", subscriptions(CONFIRMED));
    }

    static Check check(String id) {
        return CloudWatchChecks.checks().stream().filter(c -> c.metadata().id().equals(id)).findFirst().orElseThrow();
    }

    static CheckResult only(EstateFixture f, String id) {
        List<CheckResult> results = check(id).evaluate(f.estate());
        assertThat(results).hasSize(1);
        return results.get(0);
    }

    static CheckResult iam(EstateFixture f) {
        return only(f, "cloudwatch.iam_policy_changes");
    }

    /** Every shipped CIS filter, each metric watched by an alarm that notifies the confirmed topic. */
    static EstateFixture everyControlWired(List<dev.vigil.metrics.filter.MetricFilter> filters) {
        List<String> all = new java.util.ArrayList<>();
        for (var f : filters) {
            all.add(alarm(f.name() + "-alarm", f.transformation().metricName(), "GreaterThanOrEqualToThreshold", 1,
                    true, TOPIC));
        }
        return complete()
                .export(ACCT, REGION, "logs", "describe-metric-filters",
                        DescribeMetricFilters.write(filters).replace("aws-cloudtrail-logs", GROUP))
                .export(ACCT, REGION, "cloudwatch", "describe-alarms", alarms(all.toArray(String[]::new)));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("controls")
    void eachControlPassesWhenWiredAndFailsWithoutItsFilter(String id) {
        List<dev.vigil.metrics.filter.MetricFilter> shipped = MetricFilterSet.cis().filters();
        CheckResult pass = only(everyControlWired(shipped), id);
        assertThat(pass.status()).as(pass.reason()).isEqualTo(CheckStatus.PASS);

        // The filter the check credited, by the name its reason gives; without it the control must fail.
        List<dev.vigil.metrics.filter.MetricFilter> credited = shipped.stream()
                .filter(f -> pass.reason().contains(f.name())).toList();
        assertThat(credited).as("the PASS reason names the filter it relied on: " + pass.reason()).isNotEmpty();
        List<dev.vigil.metrics.filter.MetricFilter> without = shipped.stream()
                .filter(f -> !credited.contains(f)).toList();
        CheckResult fail = only(everyControlWired(without), id);
        // FAIL, for whichever link is now missing (another shipped filter, e.g. Vigil's per-principal AccessDenied
        // count, may catch the events but publish a dimensioned metric no alarm can watch)
        assertThat(fail.status()).as(fail.reason()).isEqualTo(CheckStatus.FAIL);
        credited.forEach(f -> assertThat(fail.reason()).doesNotContain(f.name()));
    }

    static List<String> controls() {
        return CloudWatchChecks.checks().stream().map(c -> c.metadata().id()).toList();
    }

    @Test
    void theCatalogueHasTheFifteenControlsWithFullMetadata() {
        assertThat(CloudWatchChecks.checks()).extracting(c -> c.metadata().id()).containsExactly(
                "cloudwatch.unauthorized_api_calls", "cloudwatch.console_signin_without_mfa",
                "cloudwatch.root_account_usage", "cloudwatch.iam_policy_changes", "cloudwatch.cloudtrail_config_changes",
                "cloudwatch.console_auth_failures", "cloudwatch.cmk_disable_or_deletion",
                "cloudwatch.s3_bucket_policy_changes", "cloudwatch.config_changes", "cloudwatch.security_group_changes",
                "cloudwatch.nacl_changes", "cloudwatch.network_gateway_changes", "cloudwatch.route_table_changes",
                "cloudwatch.vpc_changes", "cloudwatch.organizations_changes");
        for (Check c : CloudWatchChecks.checks()) {
            assertThat(c.metadata().section()).isEqualTo("CloudWatch");
            assertThat(c.metadata().remediation().awsCli()).contains("aws logs put-metric-filter", "aws cloudwatch put-metric-alarm");
            assertThat(c.metadata().remediation().cloudFormation()).contains("AWS::Logs::MetricFilter");
            assertThat(c.metadata().permissions()).contains("logs:DescribeMetricFilters", "sns:ListSubscriptions");
        }
    }

    @Test
    void aCompleteChainPasses() {
        CheckResult r = iam(complete());
        assertThat(r.status()).isEqualTo(CheckStatus.PASS);
        assertThat(r.account()).isEqualTo(ACCT);
        assertThat(r.region()).isEqualTo(REGION);
        assertThat(r.reason()).contains("org-trail-logs", "iam-changes", TOPIC, "1 confirmed");
    }

    @Test
    void aControlWithoutItsOwnAlarmFailsWhileTheOtherPasses() {
        // Only the IAM metric has an alarm: the root-usage filter exists but nothing watches its metric.
        CheckResult r = only(complete(), "cloudwatch.root_account_usage");
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.reason()).contains("CIS-4.3-RootAccountUsage", "CISBenchmark/root_usage_metric", "no alarm watches");
    }

    @Test
    void noFilterMatchingNamesTheClosestAndWhatItMisses() {
        String filters = shippedFilters().replace("($.eventName=DeleteGroupPolicy) || ", "");
        CheckResult r = iam(complete().export(ACCT, REGION, "logs", "describe-metric-filters", filters));
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.reason()).contains("No metric filter on log group org-trail-logs", "IAM policy changes",
                "CIS-4.4-IAMPolicyChanges", "misses DeleteGroupPolicy");
    }

    @Test
    void aCatchAllFilterWithAnAlarmStillFails() {
        String filters = """
                {"metricFilters":[{"filterName":"everything","filterPattern":"{ $.eventName = * }",
                 "logGroupName":"org-trail-logs","metricTransformations":[{"metricName":"iam_changes_metric",
                 "metricNamespace":"CISBenchmark","metricValue":"1"}],"creationTime":1700000000000}]}
                """;
        CheckResult r = iam(complete().export(ACCT, REGION, "logs", "describe-metric-filters", filters));
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.reason()).contains("everything", "also matches routine calls");
    }

    @Test
    void filtersOnAnotherLogGroupDoNotCount() {
        String filters = shippedFilters().replace(GROUP, "some-app-logs");
        CheckResult r = iam(complete().export(ACCT, REGION, "logs", "describe-metric-filters", filters));
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.reason()).isEqualTo("No metric filter on log group org-trail-logs (trail org-audit) counts IAM "
                + "policy changes; add one and an alarm on its metric.");
    }

    @Test
    void unrelatedFiltersAreNotOfferedAsTheClosest() {
        String filters = """
                {"metricFilters":[{"filterName":"errors","filterPattern":"ERROR","logGroupName":"org-trail-logs",
                 "metricTransformations":[{"metricName":"errors","metricNamespace":"App","metricValue":"1"}]}]}
                """;
        CheckResult r = iam(complete().export(ACCT, REGION, "logs", "describe-metric-filters", filters));
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.reason()).contains("none of its 1 filter(s) matches DeleteGroupPolicy");
    }

    @Test
    void anUnparseableFilterIsSkippedNotFatal() {
        String filters = shippedFilters().replace("{\n  \"metricFilters\" : [",
                "{\"metricFilters\":[{\"filterName\":\"broken\",\"filterPattern\":\"{ $.eventName = \",\"logGroupName\":\""
                        + GROUP + "\",\"metricTransformations\":7},");
        assertThat(filters).contains("broken");
        assertThat(iam(complete().export(ACCT, REGION, "logs", "describe-metric-filters", filters)).status())
                .isEqualTo(CheckStatus.PASS);
    }

    @Test
    void anAlarmWithoutAnSnsActionFails() {
        CheckResult r = iam(complete().export(ACCT, REGION, "cloudwatch", "describe-alarms", alarms(alarm("iam-changes",
                "iam_changes_metric", "GreaterThanOrEqualToThreshold", 1, true,
                "arn:aws:automate:eu-west-1:ec2:stop"))));
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.reason()).isEqualTo("Alarm iam-changes has no SNS topic among its alarm actions, so nobody is told "
                + "when it fires; add one.");
    }

    @Test
    void anAlarmWithDisabledActionsOrAHighThresholdFails() {
        CheckResult disabled = iam(complete().export(ACCT, REGION, "cloudwatch", "describe-alarms", alarms(alarm(
                "iam-changes", "iam_changes_metric", "GreaterThanOrEqualToThreshold", 1, false, TOPIC))));
        assertThat(disabled.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(disabled.reason()).contains("actions disabled");
        CheckResult high = iam(complete().export(ACCT, REGION, "cloudwatch", "describe-alarms", alarms(alarm(
                "iam-changes", "iam_changes_metric", "GreaterThanThreshold", 5, true, TOPIC))));
        assertThat(high.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(high.reason()).contains("would not fire on a single event");
    }

    @Test
    void anAlarmOnADimensionedMetricDoesNotCount() {
        String filters = shippedFilters().replace("\"metricName\" : \"iam_changes_metric\",",
                "\"metricName\" : \"iam_changes_metric\", \"dimensions\" : {\"Principal\" : \"$.userIdentity.arn\"},");
        assertThat(filters).contains("\"Principal\" : \"$.userIdentity.arn\"");
        CheckResult r = iam(complete().export(ACCT, REGION, "logs", "describe-metric-filters", filters));
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.reason()).contains("per Principal", "alarm iam-changes sees one series at most");
    }

    @Test
    void aTrailWhoseSelectorsDropTheEventsDoesNotCount() {
        String excludesKms = """
                {"TrailARN":"arn:aws:cloudtrail:eu-west-1:111122223333:trail/org-audit","EventSelectors":[
                 {"ReadWriteType":"All","IncludeManagementEvents":true,"DataResources":[],
                  "ExcludeManagementEventSources":["kms.amazonaws.com"]}]}
                """;
        EstateFixture f = complete()
                .export(ACCT, REGION, "cloudtrail", "get-event-selectors", "org-audit", excludesKms)
                .export(ACCT, REGION, "cloudwatch", "describe-alarms", alarms(
                        alarm("iam-changes", "iam_changes_metric", "GreaterThanOrEqualToThreshold", 1, true, TOPIC),
                        alarm("kms", "disable_or_delete_cmk_changes_metric", "GreaterThanOrEqualToThreshold", 1, true, TOPIC)));
        assertThat(iam(f).status()).isEqualTo(CheckStatus.PASS);
        CheckResult kms = only(f, "cloudwatch.cmk_disable_or_deletion");
        assertThat(kms.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(kms.reason()).contains("trail org-audit's event selectors leave out write events from kms.amazonaws.com",
                "excludes management events from kms.amazonaws.com");

        String writeOnly = """
                {"TrailARN":"arn:aws:cloudtrail:eu-west-1:111122223333:trail/org-audit","EventSelectors":[
                 {"ReadWriteType":"WriteOnly","IncludeManagementEvents":true,"DataResources":[],"ExcludeManagementEventSources":[]}]}
                """;
        EstateFixture w = complete().export(ACCT, REGION, "cloudtrail", "get-event-selectors", "org-audit", writeOnly);
        assertThat(iam(w).status()).as("policy changes are all writes").isEqualTo(CheckStatus.PASS);
        assertThat(only(w, "cloudwatch.unauthorized_api_calls").reason())
                .as("refused reads such as ListUsers are not recorded").contains("leave out read events from", "iam.amazonaws.com", "only write-only management events are logged");

        String dataOnly = """
                {"TrailARN":"arn:aws:cloudtrail:eu-west-1:111122223333:trail/org-audit","AdvancedEventSelectors":[
                 {"Name":"S3 data events","FieldSelectors":[{"Field":"eventCategory","Equals":["Data"]},
                  {"Field":"resources.type","Equals":["AWS::S3::Object"]}]}]}
                """;
        assertThat(iam(complete().export(ACCT, REGION, "cloudtrail", "get-event-selectors", "org-audit", dataOnly))
                .status()).isEqualTo(CheckStatus.FAIL);
        String advancedManagement = """
                {"TrailARN":"arn:aws:cloudtrail:eu-west-1:111122223333:trail/org-audit","AdvancedEventSelectors":[
                 {"Name":"Management events","FieldSelectors":[{"Field":"eventCategory","Equals":["Management"]}]}]}
                """;
        assertThat(iam(complete().export(ACCT, REGION, "cloudtrail", "get-event-selectors", "org-audit",
                advancedManagement)).status()).isEqualTo(CheckStatus.PASS);
    }

    /** complete() without its trail status export, so it can be replaced. */
    static EstateFixture completeWithoutStatus() {
        return new EstateFixture()
                .export(ACCT, REGION, "cloudtrail", "describe-trails", trails(ACCT, groupArn(ACCT), true))
                .export(ACCT, REGION, "logs", "describe-metric-filters", shippedFilters())
                .export(ACCT, REGION, "cloudwatch", "describe-alarms", alarms(alarm("iam-changes", "iam_changes_metric",
                        "GreaterThanOrEqualToThreshold", 1, true, TOPIC)))
                .export(ACCT, REGION, "sns", "list-subscriptions", subscriptions(CONFIRMED));
    }

    @Test
    void aTrailWhoseStatusOrSelectorsAreMissingOrDeniedIsAnErrorNotAPass() {
        CheckResult noStatus = iam(completeWithoutStatus());
        assertThat(noStatus.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(noStatus.reason()).contains("supplementary/111122223333/eu-west-1/cloudtrail.get-trail-status.org-audit.json");

        CheckResult deniedStatus = iam(completeWithoutStatus().export(ACCT, REGION, "cloudtrail", "get-trail-status",
                "org-audit", "{\"Error\":{\"Code\":\"AccessDenied\",\"Message\":\"no\"}}"));
        assertThat(deniedStatus.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(deniedStatus.reason()).contains("AccessDenied");

        CheckResult deniedSelectors = iam(complete().export(ACCT, REGION, "cloudtrail", "get-event-selectors",
                "org-audit", "{\"Error\":{\"Code\":\"AccessDenied\",\"Message\":\"no\"}}"));
        assertThat(deniedSelectors.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(deniedSelectors.reason()).contains("AccessDenied");

        // With custom selectors declared, a missing selector export cannot be read as "the default selector".
        CheckResult customNotExported = iam(complete().export(ACCT, REGION, "cloudtrail", "describe-trails",
                trails(ACCT, groupArn(ACCT), true).replace("\"HasCustomEventSelectors\":false", "\"HasCustomEventSelectors\":true")));
        assertThat(customNotExported.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(customNotExported.reason()).contains("cloudtrail.get-event-selectors.org-audit.json");
    }

    @Test
    void aTrailLoggingOnlyReadsDoesNotFeedWriteControls() {
        String advancedReads = """
                {"TrailARN":"arn:aws:cloudtrail:eu-west-1:111122223333:trail/org-audit","AdvancedEventSelectors":[
                 {"Name":"Reads","FieldSelectors":[{"Field":"eventCategory","Equals":["Management"]},
                  {"Field":"readOnly","Equals":["true"]}]}]}
                """;
        CheckResult advanced = iam(complete().export(ACCT, REGION, "cloudtrail", "get-event-selectors", "org-audit", advancedReads));
        assertThat(advanced.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(advanced.reason()).contains("leave out write events from iam.amazonaws.com", "only read-only management events are logged");

        String basicReads = """
                {"EventSelectors":[{"ReadWriteType":"ReadOnly","IncludeManagementEvents":true,"DataResources":[]}]}
                """;
        CheckResult basic = iam(complete().export(ACCT, REGION, "cloudtrail", "get-event-selectors", "org-audit", basicReads));
        assertThat(basic.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(basic.reason()).contains("leave out write events");

        String otherSourceExcluded = """
                {"AdvancedEventSelectors":[{"FieldSelectors":[{"Field":"eventCategory","Equals":["Management"]},
                  {"Field":"eventSource","NotEquals":["kms.amazonaws.com"]}]}]}
                """;
        assertThat(iam(complete().export(ACCT, REGION, "cloudtrail", "get-event-selectors", "org-audit",
                otherSourceExcluded)).status()).as("IAM events still logged").isEqualTo(CheckStatus.PASS);
    }

    @Test
    void aTopicWithOnlyAPendingSubscriptionFails() {
        CheckResult r = iam(complete().export(ACCT, REGION, "sns", "list-subscriptions", subscriptions("PendingConfirmation")));
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.reason()).contains("Topic " + TOPIC, "no confirmed subscription", "1 pending confirmation");
    }

    @Test
    void oneGoodAlarmAmongBadOnesIsEnough() {
        CheckResult r = iam(complete().export(ACCT, REGION, "cloudwatch", "describe-alarms", alarms(
                alarm("muted", "iam_changes_metric", "GreaterThanOrEqualToThreshold", 1, false, TOPIC),
                alarm("iam-changes", "iam_changes_metric", "GreaterThanOrEqualToThreshold", 1, true, TOPIC))));
        assertThat(r.status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void aTrailNotDeliveringToCloudWatchLogsFails() {
        CheckResult r = iam(complete().export(ACCT, REGION, "cloudtrail", "describe-trails", trails(ACCT, null, true)));
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.reason()).contains("No multi-region, logging trail delivers IAM policy changes to CloudWatch Logs",
                "trail org-audit does not deliver to CloudWatch Logs");
    }

    @Test
    void aSingleRegionOrStoppedTrailDoesNotCount() {
        assertThat(iam(complete().export(ACCT, REGION, "cloudtrail", "describe-trails",
                trails(ACCT, groupArn(ACCT), false))).reason()).contains("records only its home region");
        CheckResult stopped = iam(complete().export(ACCT, REGION, "cloudtrail", "get-trail-status", "org-audit",
                "{\"IsLogging\":false}"));
        assertThat(stopped.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(stopped.reason()).contains("trail org-audit is not logging");
    }

    @Test
    void aMemberAccountIsCoveredByTheOrganisationTrailsLogGroupInTheManagementAccount() {
        String member = "444455556666";
        EstateFixture f = complete().export(member, REGION, "cloudtrail", "describe-trails", trails(ACCT, groupArn(ACCT), true));
        List<CheckResult> results = check("cloudwatch.iam_policy_changes").evaluate(f.estate());
        assertThat(results).extracting(CheckResult::account).containsExactly(ACCT, member);
        assertThat(results).extracting(CheckResult::status).containsOnly(CheckStatus.PASS);
    }

    @Test
    void missingTrailsAreAnErrorNamingTheExport() {
        EstateFixture f = new EstateFixture().export(ACCT, REGION, "logs", "describe-metric-filters", shippedFilters());
        CheckResult r = iam(f);
        assertThat(r.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(r.reason()).contains("aws cloudtrail describe-trails", "supplementary/111122223333/eu-west-1/cloudtrail.describe-trails.json");
    }

    @Test
    void missingOrDeniedFiltersAlarmsOrSubscriptionsAreErrorsNotFailures() {
        EstateFixture noFilters = new EstateFixture()
                .export(ACCT, REGION, "cloudtrail", "describe-trails", trails(ACCT, groupArn(ACCT), true))
                .export(ACCT, REGION, "cloudtrail", "get-trail-status", "org-audit", "{\"IsLogging\":true}");
        CheckResult r = iam(noFilters);
        assertThat(r.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(r.reason()).contains("logs.describe-metric-filters.json");

        CheckResult denied = iam(complete().deniedExport(ACCT, REGION, "cloudwatch", "describe-alarms"));
        assertThat(denied.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(denied.reason()).contains("AccessDenied");

        EstateFixture noSubs = new EstateFixture()
                .export(ACCT, REGION, "cloudtrail", "describe-trails", trails(ACCT, groupArn(ACCT), true))
                .export(ACCT, REGION, "cloudtrail", "get-trail-status", "org-audit", "{\"IsLogging\":true}")
                .export(ACCT, REGION, "logs", "describe-metric-filters", shippedFilters())
                .export(ACCT, REGION, "cloudwatch", "describe-alarms", alarms(alarm("iam-changes", "iam_changes_metric",
                        "GreaterThanOrEqualToThreshold", 1, true, TOPIC)));
        CheckResult s = iam(noSubs);
        assertThat(s.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(s.reason()).contains("aws sns list-subscriptions --region eu-west-1");
    }

    @Test
    void oddValuesNeverThrow() {
        EstateFixture f = new EstateFixture()
                .export(ACCT, REGION, "cloudtrail", "describe-trails", "{\"trailList\":[{\"Name\":7,"
                        + "\"CloudWatchLogsLogGroupArn\":\"arn:aws:logs:eu-west-1:1:log-group:\\u0007x\","
                        + "\"IsMultiRegionTrail\":\"yes\"}, null, 5]}")
                .export(ACCT, REGION, "logs", "describe-metric-filters", "{\"metricFilters\":\"no\"}");
        for (Check c : CloudWatchChecks.checks()) {
            assertThat(c.evaluate(f.estate())).singleElement().extracting(CheckResult::status).isEqualTo(CheckStatus.FAIL);
        }
    }

    @Test
    void everyExportReplacedByOddJsonNeverThrows() {
        String[][] exports = {
                {"cloudtrail", "describe-trails", ""}, {"cloudtrail", "get-trail-status", "org-audit"},
                {"cloudtrail", "get-event-selectors", "org-audit"}, {"logs", "describe-metric-filters", ""},
                {"cloudwatch", "describe-alarms", ""}, {"sns", "list-subscriptions", ""}};
        String[] odd = {"[]", "\"x\"", "7", "null", "{}", "{\"trailList\":[{}, [], {\"Name\":{}}],"
                + "\"metricFilters\":[null, 1, \"a\", {}, {\"logGroupName\":\"org-trail-logs\",\"filterPattern\":[]}],"
                + "\"MetricAlarms\":[null, {\"AlarmActions\":\"arn\",\"Threshold\":\"x\"}, {\"Metrics\":7}],"
                + "\"Subscriptions\":{\"a\":1},\"EventSelectors\":[7],\"AdvancedEventSelectors\":{},\"IsLogging\":\"no\"}"};
        for (String[] e : exports) {
            for (String body : odd) {
                EstateFixture f = complete().export(ACCT, REGION, e[0], e[1], e[2], body);
                for (Check c : CloudWatchChecks.checks()) {
                    assertThat(c.evaluate(f.estate())).as(e[1] + " = " + body).hasSize(1);
                }
            }
        }
    }
}
