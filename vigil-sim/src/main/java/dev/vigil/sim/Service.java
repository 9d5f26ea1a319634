package dev.vigil.sim;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The AWS services the simulator calls, with the facts every record of that service shares: event source,
 * IAM action prefix, whether CloudTrail records it as a global service (in us-east-1), the event version it
 * writes and the error code it returns when a caller lacks permission.
 *
 * <p>STS is treated as global: every caller here uses the global endpoint, so its events land in us-east-1
 * like IAM's and sign-in's.
 */
enum Service {
    EC2("ec2.amazonaws.com", "ec2", false, "1.09", "Client.UnauthorizedOperation"),
    S3("s3.amazonaws.com", "s3", false, "1.10", "AccessDenied"),
    IAM("iam.amazonaws.com", "iam", true, "1.09", "AccessDenied"),
    STS("sts.amazonaws.com", "sts", true, "1.08", "AccessDenied"),
    SIGNIN("signin.amazonaws.com", "signin", true, "1.08", "AccessDenied"),
    CLOUDTRAIL("cloudtrail.amazonaws.com", "cloudtrail", false, "1.10", "AccessDenied"),
    LAMBDA("lambda.amazonaws.com", "lambda", false, "1.08", "AccessDenied"),
    ECS("ecs.amazonaws.com", "ecs", false, "1.08", "AccessDeniedException"),
    ECR("ecr.amazonaws.com", "ecr", false, "1.08", "AccessDeniedException"),
    LOGS("logs.amazonaws.com", "logs", false, "1.08", "AccessDeniedException"),
    CLOUDWATCH("monitoring.amazonaws.com", "cloudwatch", false, "1.08", "AccessDenied"),
    DYNAMODB("dynamodb.amazonaws.com", "dynamodb", false, "1.08", "AccessDeniedException"),
    SSM("ssm.amazonaws.com", "ssm", false, "1.08", "AccessDeniedException"),
    SECRETS_MANAGER("secretsmanager.amazonaws.com", "secretsmanager", false, "1.08", "AccessDeniedException"),
    KMS("kms.amazonaws.com", "kms", false, "1.08", "AccessDeniedException"),
    GUARDDUTY("guardduty.amazonaws.com", "guardduty", false, "1.08", "AccessDeniedException"),
    SECURITY_HUB("securityhub.amazonaws.com", "securityhub", false, "1.08", "AccessDeniedException"),
    CONFIG("config.amazonaws.com", "config", false, "1.08", "AccessDeniedException"),
    ORGANIZATIONS("organizations.amazonaws.com", "organizations", true, "1.08", "AccessDeniedException");

    final String eventSource;
    final String iamPrefix;
    final boolean global;
    final String eventVersion;
    final String deniedCode;
    /** Host per region, built once: the same string object keeps the writer's caches hitting. */
    private final Map<String, String> hosts = new ConcurrentHashMap<>();

    Service(String eventSource, String iamPrefix, boolean global, String eventVersion, String deniedCode) {
        this.eventSource = eventSource;
        this.iamPrefix = iamPrefix;
        this.global = global;
        this.eventVersion = eventVersion;
        this.deniedCode = deniedCode;
    }

    /** The endpoint host a client names in TLS SNI ({@code tlsDetails.clientProvidedHostHeader}). */
    String host(String region) {
        return hosts.computeIfAbsent(region, this::computeHost);
    }

    private String computeHost(String region) {
        return switch (this) {
            case IAM -> "iam.amazonaws.com";
            case STS -> "sts.amazonaws.com";
            case SIGNIN -> "signin.aws.amazon.com";
            case ORGANIZATIONS -> "organizations.us-east-1.amazonaws.com";
            case S3 -> "s3.amazonaws.com";
            default -> eventSource.replace(".amazonaws.com", "") + "." + region + ".amazonaws.com";
        };
    }
}
