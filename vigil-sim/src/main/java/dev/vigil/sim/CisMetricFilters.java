package dev.vigil.sim;

import java.util.List;

/**
 * The CloudWatch Logs metric filters the organisation set up on its trail's log group, one per
 * {@code cloudwatch.*} check. Each pattern is written here from the CloudTrail event names it must catch. Two of
 * them are deliberately broken (see {@link PostureOrgFactory}): one is missing, one joins its conditions wrongly.
 */
final class CisMetricFilters {

    /** One filter: the check it serves, its metric name and its pattern. */
    record Filter(String check, String metric, String pattern) {
    }

    /** The check whose filter is absent. */
    static final String MISSING = "cloudwatch.nacl_changes";
    /** The check whose filter can never match: {@code &&} where {@code ||} is meant. */
    static final String BROKEN = "cloudwatch.unauthorized_api_calls";
    /** The check whose alarm notifies a topic with only a pending subscription. */
    static final String UNCONFIRMED = "cloudwatch.organizations_changes";

    private CisMetricFilters() {
    }

    static List<Filter> all() {
        return List.of(
                new Filter("cloudwatch.unauthorized_api_calls", "UnauthorizedAPICalls",
                        "{ (($.errorCode = \"*UnauthorizedOperation\") || ($.errorCode = \"AccessDenied*\")) "
                                + "&& ($.sourceIPAddress != \"delivery.logs.amazonaws.com\") "
                                + "&& ($.eventName != \"HeadBucket\") }"),
                new Filter("cloudwatch.console_signin_without_mfa", "ConsoleSigninWithoutMFA",
                        "{ ($.eventName = \"ConsoleLogin\") && ($.additionalEventData.MFAUsed != \"Yes\") "
                                + "&& ($.userIdentity.type = \"IAMUser\") "
                                + "&& ($.responseElements.ConsoleLogin = \"Success\") }"),
                new Filter("cloudwatch.root_account_usage", "RootAccountUsage",
                        "{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS "
                                + "&& $.eventType != \"AwsServiceEvent\" }"),
                new Filter("cloudwatch.iam_policy_changes", "IAMPolicyChanges", events("iam.amazonaws.com",
                        "DeleteGroupPolicy", "DeleteRolePolicy", "DeleteUserPolicy", "PutGroupPolicy", "PutRolePolicy",
                        "PutUserPolicy", "CreatePolicy", "DeletePolicy", "CreatePolicyVersion", "DeletePolicyVersion",
                        "AttachRolePolicy", "DetachRolePolicy", "AttachUserPolicy", "DetachUserPolicy",
                        "AttachGroupPolicy", "DetachGroupPolicy")),
                new Filter("cloudwatch.cloudtrail_config_changes", "CloudTrailConfigChanges",
                        events(null, "CreateTrail", "UpdateTrail", "DeleteTrail", "StartLogging", "StopLogging")),
                new Filter("cloudwatch.console_auth_failures", "ConsoleAuthenticationFailures",
                        "{ ($.eventName = ConsoleLogin) && ($.errorMessage = \"Failed authentication\") }"),
                new Filter("cloudwatch.cmk_disable_or_deletion", "DisableOrDeleteCMK",
                        events("kms.amazonaws.com", "DisableKey", "ScheduleKeyDeletion")),
                new Filter("cloudwatch.s3_bucket_policy_changes", "S3BucketPolicyChanges", events("s3.amazonaws.com",
                        "PutBucketAcl", "PutBucketPolicy", "PutBucketCors", "PutBucketLifecycle", "PutBucketReplication",
                        "DeleteBucketPolicy", "DeleteBucketCors", "DeleteBucketLifecycle", "DeleteBucketReplication")),
                new Filter("cloudwatch.config_changes", "AWSConfigChanges", events("config.amazonaws.com",
                        "StopConfigurationRecorder", "DeleteDeliveryChannel", "PutDeliveryChannel",
                        "PutConfigurationRecorder")),
                new Filter("cloudwatch.security_group_changes", "SecurityGroupChanges", events(null,
                        "AuthorizeSecurityGroupIngress", "AuthorizeSecurityGroupEgress", "RevokeSecurityGroupIngress",
                        "RevokeSecurityGroupEgress", "CreateSecurityGroup", "DeleteSecurityGroup")),
                new Filter("cloudwatch.nacl_changes", "NACLChanges", events(null, "CreateNetworkAcl",
                        "CreateNetworkAclEntry", "DeleteNetworkAcl", "DeleteNetworkAclEntry", "ReplaceNetworkAclEntry",
                        "ReplaceNetworkAclAssociation")),
                new Filter("cloudwatch.network_gateway_changes", "NetworkGatewayChanges", events(null,
                        "CreateCustomerGateway", "DeleteCustomerGateway", "AttachInternetGateway",
                        "CreateInternetGateway", "DeleteInternetGateway", "DetachInternetGateway")),
                new Filter("cloudwatch.route_table_changes", "RouteTableChanges", events("ec2.amazonaws.com",
                        "CreateRoute", "CreateRouteTable", "ReplaceRoute", "ReplaceRouteTableAssociation",
                        "DeleteRouteTable", "DeleteRoute", "DisassociateRouteTable")),
                new Filter("cloudwatch.vpc_changes", "VPCChanges", events(null, "CreateVpc", "DeleteVpc",
                        "ModifyVpcAttribute", "AcceptVpcPeeringConnection", "CreateVpcPeeringConnection",
                        "DeleteVpcPeeringConnection", "RejectVpcPeeringConnection", "AttachClassicLinkVpc",
                        "DetachClassicLinkVpc", "DisableVpcClassicLink", "EnableVpcClassicLink")),
                new Filter("cloudwatch.organizations_changes", "OrganizationsChanges", events(
                        "organizations.amazonaws.com", "AcceptHandshake", "AttachPolicy", "CreateAccount",
                        "CreateOrganizationalUnit", "CreatePolicy", "DeclineHandshake", "DeleteOrganization",
                        "DeleteOrganizationalUnit", "DeletePolicy", "DetachPolicy", "DisablePolicyType",
                        "EnablePolicyType", "InviteAccountToOrganization", "LeaveOrganization", "MoveAccount",
                        "RemoveAccountFromOrganization", "UpdatePolicy", "UpdateOrganizationalUnit")));
    }

    /** The filter as deployed: the broken one has its first {@code ||} turned into {@code &&}. */
    static String deployedPattern(Filter f) {
        return f.check().equals(BROKEN) ? f.pattern().replaceFirst("\\|\\|", "&&") : f.pattern();
    }

    /** {@code { ($.eventSource = S) && (($.eventName = A) || …) }}, or without the source when null. */
    private static String events(String source, String... names) {
        StringBuilder any = new StringBuilder("(");
        for (int i = 0; i < names.length; i++) {
            any.append(i == 0 ? "" : " || ").append("($.eventName = ").append(names[i]).append(')');
        }
        any.append(')');
        return source == null ? "{ " + any + " }" : "{ ($.eventSource = " + source + ") && " + any + " }";
    }
}
