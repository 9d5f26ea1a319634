package dev.vigil.metrics.filter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.metrics.pattern.LogMessage;
import dev.vigil.metrics.pattern.TreeEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built-in CIS pack against real CloudTrail records (Stratus detonations, the Sigma rule examples) plus one
 * synthetic record per event name a CIS list names, and near misses. Each filter's result must equal an oracle
 * written here in plain Java from the CIS text, on every record, on both message paths (text and Event).
 */
class CisPackTest {

    static final MetricFilterSet PACK = MetricFilterSet.cis();
    static final Map<String, Predicate<JsonNode>> ORACLES = new HashMap<>();
    static final List<String> CORPUS = new ArrayList<>();

    static {
        names("CIS-4.4-IAMPolicyChanges", null, "DeleteGroupPolicy", "DeleteRolePolicy", "DeleteUserPolicy",
                "PutGroupPolicy", "PutRolePolicy", "PutUserPolicy", "CreatePolicy", "DeletePolicy", "CreatePolicyVersion",
                "DeletePolicyVersion", "AttachRolePolicy", "DetachRolePolicy", "AttachUserPolicy", "DetachUserPolicy",
                "AttachGroupPolicy", "DetachGroupPolicy");
        names("CIS-4.5-CloudTrailChanges", null, "CreateTrail", "UpdateTrail", "DeleteTrail", "StartLogging",
                "StopLogging");
        names("CIS-4.7-DisableOrDeleteCMK", "kms.amazonaws.com", "DisableKey", "ScheduleKeyDeletion");
        names("CIS-4.8-S3BucketPolicyChanges", "s3.amazonaws.com", "PutBucketAcl", "PutBucketPolicy", "PutBucketCors",
                "PutBucketLifecycle", "PutBucketReplication", "DeleteBucketPolicy", "DeleteBucketCors",
                "DeleteBucketLifecycle", "DeleteBucketReplication");
        names("CIS-4.9-AWSConfigChanges", "config.amazonaws.com", "StopConfigurationRecorder", "DeleteDeliveryChannel",
                "PutDeliveryChannel", "PutConfigurationRecorder");
        names("CIS-4.10-SecurityGroupChanges", null, "AuthorizeSecurityGroupIngress", "AuthorizeSecurityGroupEgress",
                "RevokeSecurityGroupIngress", "RevokeSecurityGroupEgress", "CreateSecurityGroup", "DeleteSecurityGroup");
        names("CIS-4.11-NetworkACLChanges", null, "CreateNetworkAcl", "CreateNetworkAclEntry", "DeleteNetworkAcl",
                "DeleteNetworkAclEntry", "ReplaceNetworkAclEntry", "ReplaceNetworkAclAssociation");
        names("CIS-4.12-NetworkGatewayChanges", null, "CreateCustomerGateway", "DeleteCustomerGateway",
                "AttachInternetGateway", "CreateInternetGateway", "DeleteInternetGateway", "DetachInternetGateway");
        names("CIS-4.13-RouteTableChanges", null, "CreateRoute", "CreateRouteTable", "ReplaceRoute",
                "ReplaceRouteTableAssociation", "DeleteRouteTable", "DeleteRoute", "DisassociateRouteTable");
        names("CIS-4.14-VPCChanges", null, "CreateVpc", "DeleteVpc", "ModifyVpcAttribute", "AcceptVpcPeeringConnection",
                "CreateVpcPeeringConnection", "DeleteVpcPeeringConnection", "RejectVpcPeeringConnection",
                "AttachClassicLinkVpc", "DetachClassicLinkVpc", "DisableVpcClassicLink", "EnableVpcClassicLink");
        names("CIS-4.15-OrganizationsChanges", "organizations.amazonaws.com", "AcceptHandshake", "AttachPolicy",
                "CreateAccount", "CreateOrganizationalUnit", "CreatePolicy", "DeclineHandshake", "DeleteOrganization",
                "DeleteOrganizationalUnit", "DeletePolicy", "DetachPolicy", "DisablePolicyType", "EnablePolicyType",
                "InviteAccountToOrganization", "LeaveOrganization", "MoveAccount", "RemoveAccountFromOrganization",
                "UpdatePolicy", "UpdateOrganizationalUnit");
        // CIS 4.1 as published: A || (B && C && D), because && binds tighter than ||
        ORACLES.put("CIS-4.1-UnauthorizedAPICalls", r -> text(r, "errorCode").endsWith("UnauthorizedOperation")
                || (text(r, "errorCode").startsWith("AccessDenied")
                && has(r, "sourceIPAddress") && !text(r, "sourceIPAddress").equals("delivery.logs.amazonaws.com")
                && has(r, "eventName") && !text(r, "eventName").equals("HeadBucket")));
        ORACLES.put("CIS-4.2-ConsoleSigninWithoutMFA", r -> text(r, "eventName").equals("ConsoleLogin")
                && has(r, "additionalEventData.MFAUsed") && !text(r, "additionalEventData.MFAUsed").equals("Yes")
                && text(r, "userIdentity.type").equals("IAMUser")
                && text(r, "responseElements.ConsoleLogin").equals("Success"));
        ORACLES.put("CIS-4.3-RootAccountUsage", r -> text(r, "userIdentity.type").equals("Root")
                && !has(r, "userIdentity.invokedBy") && has(r, "eventType")
                && !text(r, "eventType").equals("AwsServiceEvent"));
        ORACLES.put("CIS-4.6-ConsoleAuthenticationFailure", r -> text(r, "eventName").equals("ConsoleLogin")
                && text(r, "errorMessage").equals("Failed authentication"));
        ORACLES.put("Vigil-ConsoleLoginFailures", r -> text(r, "eventName").equals("ConsoleLogin")
                && text(r, "responseElements.ConsoleLogin").equals("Failure"));
        ORACLES.put("Vigil-AccessDeniedPerPrincipal", r -> (text(r, "errorCode").endsWith("UnauthorizedOperation")
                || text(r, "errorCode").startsWith("AccessDenied")) && has(r, "userIdentity.arn"));
        ORACLES.put("Vigil-ApiCallsPerPrincipal", r -> text(r, "eventType").equals("AwsApiCall")
                && has(r, "userIdentity.arn"));
    }

    private static void names(String filter, String source, String... names) {
        Set<String> set = Set.of(names);
        ORACLES.put(filter, r -> set.contains(text(r, "eventName"))
                && (source == null || text(r, "eventSource").equals(source)));
        for (String n : names) {
            String src = source == null ? "ec2.amazonaws.com" : source;
            CORPUS.add(record(src, n, "AwsApiCall"));
            CORPUS.add(record(src, n.toLowerCase(), "AwsApiCall"));      // case matters
            if (source != null) {
                CORPUS.add(record("other.amazonaws.com", n, "AwsApiCall")); // right name, wrong service
            }
        }
    }

    private static String record(String source, String name, String type) {
        return "{\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":\"IAMUser\",\"arn\":\"arn:aws:iam::111122223333:"
                + "user/alice\"},\"eventTime\":\"2024-01-01T00:00:00Z\",\"eventSource\":\"" + source
                + "\",\"eventName\":\"" + name + "\",\"sourceIPAddress\":\"198.51.100.1\",\"eventType\":\"" + type
                + "\",\"eventID\":\"synthetic\"}";
    }

    @BeforeAll
    static void load() {
        CORPUS.addAll(CloudTrailCorpus.records());
        // the spec's quick vectors: root sign-in (match), root service event (no match), CIS 4.1's precedence quirk
        CORPUS.add("{\"userIdentity\":{\"type\":\"Root\",\"invokedBy\":\"AWS Internal\"},\"eventType\":\"AwsServiceEvent\","
                + "\"eventName\":\"GetBucketAcl\"}");
        CORPUS.add("{\"userIdentity\":{\"type\":\"IAMUser\",\"arn\":\"arn:x\"},\"eventName\":\"HeadBucket\","
                + "\"errorCode\":\"AccessDenied\",\"sourceIPAddress\":\"1.2.3.4\",\"eventType\":\"AwsApiCall\"}");
        CORPUS.add("{\"userIdentity\":{\"type\":\"IAMUser\",\"arn\":\"arn:x\"},\"eventName\":\"HeadBucket\","
                + "\"errorCode\":\"Client.UnauthorizedOperation\",\"sourceIPAddress\":\"delivery.logs.amazonaws.com\","
                + "\"eventType\":\"AwsApiCall\"}");
    }

    @Test
    void thePackHasEveryCisControlAndTheSecurityMetrics() {
        assertThat(PACK.filters()).extracting(MetricFilter::name).containsExactlyInAnyOrderElementsOf(ORACLES.keySet());
        assertThat(PACK.filters()).filteredOn(f -> f.name().startsWith("CIS-"))
                .allSatisfy(f -> assertThat(f.transformation().metricNamespace()).isEqualTo("CISBenchmark"));
    }

    @Test
    void everyFilterAgreesWithItsOracleOnEveryRecordAndMatchesSomething() {
        assertThat(CORPUS.size()).isGreaterThan(400);
        for (MetricFilter f : PACK.filters()) {
            Predicate<JsonNode> oracle = ORACLES.get(f.name());
            int hits = 0;
            for (String rec : CORPUS) {
                JsonNode tree = CloudTrailCorpus.tree(rec);
                boolean expected = oracle.test(tree);
                boolean viaText = f.datapoint(LogMessage.of(rec), 0) != null;
                boolean viaEvent = f.datapoint(LogMessage.of(new TreeEvent(rec)), 0) != null;
                assertThat(viaText).as(f.name() + " on " + rec).isEqualTo(expected);
                assertThat(viaEvent).as(f.name() + " (Event path) on " + rec).isEqualTo(expected);
                hits += expected ? 1 : 0;
            }
            assertThat(hits).as(f.name() + " matches at least one record").isPositive();
        }
    }

    @Test
    void realDetonationsProduceTheExpectedMetrics() {
        Map<String, Integer> counts = new HashMap<>();
        for (String rec : CloudTrailCorpus.records()) {
            PACK.extract(LogMessage.of(rec), 0, d -> counts.merge(d.key().name(), 1, Integer::sum));
        }
        assertThat(counts).containsKeys("cloudtrail_cfg_changes_metric", "security_group_changes_metric",
                "organizations_changes_metric", "unauthorized_api_calls_metric", "no_mfa_console_signin_metric",
                "root_usage_metric", "iam_changes_metric", "disable_or_delete_cmk_changes_metric",
                "s3_bucket_policy_changes_metric", "aws_config_changes_metric", "nacl_changes_metric",
                "network_gw_changes_metric", "route_table_changes_metric", "ConsoleLoginFailures", "AccessDenied",
                "ApiCalls");
    }

    @Test
    void theEventNameIndexGivesTheSameDatapointsAsEvaluatingEveryFilter() {
        for (String rec : CORPUS) {
            List<Datapoint> indexed = new ArrayList<>();
            PACK.extract(LogMessage.of(new TreeEvent(rec)), 7, indexed::add);
            List<Datapoint> each = new ArrayList<>();
            for (MetricFilter f : PACK.filters()) {
                each.addAll(f.extract(LogMessage.of(rec), 7));
            }
            assertThat(indexed).as(rec).containsExactlyInAnyOrderElementsOf(each);
        }
        // a pattern that pins eventName is indexed; others are not
        assertThat(PACK.filters().getFirst().pattern().requiredValues("$.eventName")).isNull();
        assertThat(MetricFilter.of("x", "g", "{ $.eventSource = kms.amazonaws.com && ($.eventName = A || "
                + "$.eventName = \"B\") }", MetricTransformation.count("n", "m")).pattern()
                .requiredValues("$.eventName")).containsExactlyInAnyOrder("A", "B");
        assertThat(MetricFilter.of("x", "g", "{ $.eventName = A || $.errorCode = B }",
                MetricTransformation.count("n", "m")).pattern().requiredValues("$.eventName")).isNull();
        assertThat(MetricFilter.of("x", "g", "{ $.eventName = A* }",
                MetricTransformation.count("n", "m")).pattern().requiredValues("$.eventName")).isNull();
    }

    @Test
    void accessDeniedIsCountedPerPrincipal() {
        MetricFilter f = PACK.filters().stream().filter(x -> x.name().equals("Vigil-AccessDeniedPerPrincipal"))
                .findFirst().orElseThrow();
        Datapoint d = f.datapoint(LogMessage.of("{\"errorCode\":\"AccessDenied\",\"userIdentity\":{\"arn\":"
                + "\"arn:aws:iam::1:user/eve\"}}"), 42L);
        assertThat(d).isEqualTo(new Datapoint(new MetricKey("VigilSecurity", "AccessDenied",
                Map.of("Principal", "arn:aws:iam::1:user/eve")), 1.0, "Count", 42L));
    }

    private static boolean has(JsonNode r, String path) {
        JsonNode n = at(r, path);
        return n != null && !n.isMissingNode() && !n.isNull() && n.isValueNode();
    }

    private static String text(JsonNode r, String path) {
        return has(r, path) ? at(r, path).asText() : "";
    }

    private static JsonNode at(JsonNode r, String path) {
        JsonNode n = r;
        for (String k : path.split("\\.")) {
            n = n == null || !n.isObject() ? null : n.get(k);
        }
        return n;
    }
}
