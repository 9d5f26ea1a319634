package dev.vigil.posture.check.cloudwatch;

import dev.vigil.metrics.filter.MetricFilter;
import dev.vigil.metrics.filter.MetricFilterSet;
import dev.vigil.metrics.pattern.FilterPattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The canonical records against real patterns: Vigil's shipped CIS pack must fit, near misses must not. */
class CanonicalEventsTest {

    private static final Map<String, MetricFilter> SHIPPED = MetricFilterSet.cis().filters().stream()
            .collect(Collectors.toMap(MetricFilter::name, f -> f));

    @ParameterizedTest
    @CsvSource({
            "cloudwatch.unauthorized_api_calls, CIS-4.1-UnauthorizedAPICalls",
            "cloudwatch.console_signin_without_mfa, CIS-4.2-ConsoleSigninWithoutMFA",
            "cloudwatch.root_account_usage, CIS-4.3-RootAccountUsage",
            "cloudwatch.iam_policy_changes, CIS-4.4-IAMPolicyChanges",
            "cloudwatch.cloudtrail_config_changes, CIS-4.5-CloudTrailChanges",
            "cloudwatch.console_auth_failures, CIS-4.6-ConsoleAuthenticationFailure",
            "cloudwatch.cmk_disable_or_deletion, CIS-4.7-DisableOrDeleteCMK",
            "cloudwatch.s3_bucket_policy_changes, CIS-4.8-S3BucketPolicyChanges",
            "cloudwatch.config_changes, CIS-4.9-AWSConfigChanges",
            "cloudwatch.security_group_changes, CIS-4.10-SecurityGroupChanges",
            "cloudwatch.nacl_changes, CIS-4.11-NetworkACLChanges",
            "cloudwatch.network_gateway_changes, CIS-4.12-NetworkGatewayChanges",
            "cloudwatch.route_table_changes, CIS-4.13-RouteTableChanges",
            "cloudwatch.vpc_changes, CIS-4.14-VPCChanges",
            "cloudwatch.organizations_changes, CIS-4.15-OrganizationsChanges"})
    void vigilsShippedCisFilterFitsItsControl(String checkId, String filterName) {
        PatternFit fit = PatternFit.of(SHIPPED.get(filterName).pattern(), CanonicalEvents.of(checkId));
        assertThat(fit.missed()).as("required records the shipped filter misses").isEmpty();
        assertThat(fit.noisy()).as("routine records the shipped filter matches").isEmpty();
        assertThat(fit.fits()).isTrue();
    }

    @Test
    void everyControlHasRequiredRecordsAndEachFilterFitsOnlyItsOwnControls() {
        assertThat(CanonicalEvents.all()).hasSize(15);
        for (CanonicalEvents.Control c : CanonicalEvents.all()) {
            assertThat(c.mustMatch()).as(c.id()).isNotEmpty();
            assertThat(c.routine()).as(c.id()).isNotEmpty();
        }
        // The IAM filter must not pass for, say, route table changes: the records really discriminate.
        FilterPattern iam = SHIPPED.get("CIS-4.4-IAMPolicyChanges").pattern();
        long fitting = CanonicalEvents.all().stream().filter(c -> PatternFit.of(iam, c).fits()).count();
        assertThat(fitting).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '#', value = {
            // The older CIS wording, without the user type and result tests.
            "cloudwatch.console_signin_without_mfa # { ($.eventName = \"ConsoleLogin\") && ($.additionalEventData.MFAUsed != \"Yes\") }",
            // Same meaning, other words: a service test plus wildcards instead of sixteen names.
            "cloudwatch.iam_policy_changes # { ($.eventSource = iam.amazonaws.com) && (($.eventName = \"Put*Policy\") || ($.eventName = \"Delete*Policy*\") || ($.eventName = \"CreatePolicy*\") || ($.eventName = \"Attach*Policy\") || ($.eventName = \"Detach*Policy\")) }",
            "cloudwatch.cloudtrail_config_changes # { $.eventSource = \"cloudtrail.amazonaws.com\" && $.readOnly IS FALSE }",
            "cloudwatch.root_account_usage # { $.userIdentity.type = Root }"})
    void filtersWrittenDifferentlyButMeaningTheSameFit(String checkId, String pattern) {
        PatternFit fit = PatternFit.of(FilterPattern.compile(pattern), CanonicalEvents.of(checkId));
        assertThat(fit.missed()).isEmpty();
        assertThat(fit.noisy()).isEmpty();
    }

    @Test
    void aFilterMissingOneEventNameIsNamedForWhatItMisses() {
        String pattern = SHIPPED.get("CIS-4.4-IAMPolicyChanges").pattern().text()
                .replace("($.eventName=DeleteGroupPolicy) || ", "");
        PatternFit fit = PatternFit.of(FilterPattern.compile(pattern), CanonicalEvents.of("cloudwatch.iam_policy_changes"));
        assertThat(fit.fits()).isFalse();
        assertThat(fit.missed()).containsExactly("DeleteGroupPolicy");
        assertThat(fit.problem()).isEqualTo("misses DeleteGroupPolicy");
    }

    @Test
    void anInvertedComparisonFails() {
        String pattern = SHIPPED.get("CIS-4.2-ConsoleSigninWithoutMFA").pattern().text()
                .replace("MFAUsed != \"Yes\"", "MFAUsed = \"Yes\"");
        PatternFit fit = PatternFit.of(FilterPattern.compile(pattern),
                CanonicalEvents.of("cloudwatch.console_signin_without_mfa"));
        assertThat(fit.missed()).containsExactly("ConsoleLogin");
        // ...and now it matches the routine sign-in with MFA.
        assertThat(fit.noisy()).containsExactly("a console sign-in with MFA");
    }

    @Test
    void aCatchAllFilterMatchesEverythingButDoesNotCount() {
        for (String text : new String[]{"", "{ $.eventName = * }", "{ $.eventType = \"AwsApiCall\" }"}) {
            PatternFit fit = PatternFit.of(FilterPattern.compile(text), CanonicalEvents.of("cloudwatch.iam_policy_changes"));
            assertThat(fit.missed()).as(text).isEmpty();
            assertThat(fit.noisy()).as(text).isNotEmpty();
            assertThat(fit.fits()).as(text).isFalse();
            assertThat(fit.problem()).as(text).startsWith("also matches routine calls such as");
        }
    }

    @Test
    void recordsAreCompleteCloudTrailRecords() {
        CanonicalEvents.Sample s = CanonicalEvents.of("cloudwatch.iam_policy_changes").mustMatch().get(5);
        assertThat(s.label()).isEqualTo("PutUserPolicy");
        assertThat(s.json()).contains("\"eventSource\":\"iam.amazonaws.com\"", "\"recipientAccountId\":\"111122223333\"",
                "\"userIdentity\":{\"type\":\"IAMUser\"").doesNotContain("\"responseElements\"");
        assertThat(CanonicalEvents.of("cloudwatch.console_auth_failures").mustMatch())
                .extracting(CanonicalEvents.Sample::label)
                .containsExactly("ConsoleLogin failing (Failed authentication)",
                        "ConsoleLogin failing (Failed authentication) by Root");
    }
}
