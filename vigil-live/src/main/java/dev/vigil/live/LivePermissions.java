package dev.vigil.live;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The IAM actions a live run uses, for the policy an operator grants (docs/posture-live.md prints them), and the
 * actions checks declare whose data the collector gets some other way.
 *
 * <p>Every call the collector makes is listed in {@link #CALLS}; a test keeps this list, the code and the
 * documentation in step, and checks the catalogue's declared permissions against {@link #covers(String)}.
 */
public final class LivePermissions {

    /** Actions the collector calls, in the caller's account and (through the assumed role) in every member. */
    public static final List<String> CALLS = List.of(
            "sts:GetCallerIdentity",
            "organizations:ListAccounts", "organizations:ListRoots", "organizations:ListPolicies",
            "organizations:DescribePolicy", "organizations:ListTargetsForPolicy",
            "ec2:DescribeRegions", "ec2:GetEbsEncryptionByDefault", "ec2:DescribeFlowLogs",
            "iam:GetAccountSummary", "iam:GenerateCredentialReport", "iam:GetCredentialReport",
            "s3:GetAccountPublicAccessBlock",
            "config:SelectResourceConfig", "config:GetDiscoveredResourceCounts", "config:ListDiscoveredResources",
            "config:BatchGetResourceConfig", "config:DescribeConfigurationRecorders",
            "config:DescribeConfigurationRecorderStatus", "config:DescribeConfigurationAggregators",
            "cloudtrail:DescribeTrails", "cloudtrail:GetTrailStatus", "cloudtrail:GetEventSelectors",
            "cloudtrail:LookupEvents",
            "logs:DescribeMetricFilters", "cloudwatch:DescribeAlarms", "sns:ListSubscriptions",
            "guardduty:ListDetectors", "guardduty:GetDetector", "guardduty:GetAdministratorAccount",
            "guardduty:ListOrganizationAdminAccounts",
            "securityhub:DescribeHub", "securityhub:GetEnabledStandards", "securityhub:GetAdministratorAccount",
            "securityhub:ListOrganizationAdminAccounts",
            "backup:ListBackupPlans", "backup:GetBackupPlan", "backup:ListBackupSelections",
            "backup:GetBackupSelection", "dlm:GetLifecyclePolicies",
            "kms:ListKeys", "kms:GetKeyPolicy", "kms:GetKeyRotationStatus");

    /** Needed by the caller only, to read member accounts ({@code --role-name}). */
    public static final List<String> CALLER_ONLY = List.of("sts:AssumeRole");

    /** Needed to read Config deliveries from a bucket ({@code s3://bucket/prefix} inputs). */
    public static final List<String> S3_SOURCE = List.of("s3:ListBucket", "s3:GetObject");

    /**
     * Actions checks declare for data that reaches them inside AWS Config items (bucket policies, encryption,
     * RDS and DynamoDB settings, volumes, key metadata): Config's own service role reads those, so a live run
     * needs only the Config read actions above.
     */
    public static final Set<String> RECORDED_BY_CONFIG = Set.of(
            "s3:GetBucketAcl", "s3:GetBucketPolicy", "s3:GetBucketPublicAccessBlock", "s3:GetEncryptionConfiguration",
            "s3:GetReplicationConfiguration", "s3:GetBucketVersioning", "s3:GetBucketLogging",
            "rds:DescribeDBInstances", "rds:DescribeDBClusters", "dynamodb:DescribeTable",
            "dynamodb:DescribeContinuousBackups", "ec2:DescribeVolumes", "ec2:DescribeVpcs", "kms:DescribeKey",
            "dlm:GetLifecyclePolicy");

    private LivePermissions() {
    }

    /** Every action a live run and an S3 read may use, sorted (for a policy document). */
    public static Set<String> all() {
        Set<String> out = new TreeSet<>(CALLS);
        out.addAll(CALLER_ONLY);
        out.addAll(S3_SOURCE);
        return out;
    }

    /** True when a live run obtains what a check declaring {@code action} reads. */
    public static boolean covers(String action) {
        return CALLS.contains(action) || S3_SOURCE.contains(action) || RECORDED_BY_CONFIG.contains(action);
    }
}
