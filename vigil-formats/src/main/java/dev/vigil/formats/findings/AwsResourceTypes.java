package dev.vigil.formats.findings;

/** The ASFF resource type of an ARN or AWS id, {@code Other} when it cannot be told. */
final class AwsResourceTypes {

    private AwsResourceTypes() {
    }

    static String of(String id) {
        if (id.startsWith("AWS::::Account:")) {
            return "AwsAccount";
        }
        if ((id.startsWith("AKIA") || id.startsWith("ASIA")) && id.length() >= 16 && id.length() <= 128
                && id.chars().allMatch(Character::isLetterOrDigit)) {
            return "AwsIamAccessKey";
        }
        String[] p = id.split(":", 6);
        if (p.length < 6 || !p[0].equals("arn")) {
            return "Other";
        }
        String service = p[2];
        String resource = p[5];
        return switch (service) {
            case "s3" -> resource.contains("/") ? "AwsS3Object" : "AwsS3Bucket";
            case "iam" -> resource.startsWith("user/") ? "AwsIamUser" : resource.startsWith("role/") ? "AwsIamRole"
                    : resource.startsWith("policy/") ? "AwsIamPolicy" : resource.startsWith("group/") ? "AwsIamGroup"
                    : "Other";
            case "ec2" -> resource.startsWith("instance/") ? "AwsEc2Instance"
                    : resource.startsWith("security-group/") ? "AwsEc2SecurityGroup"
                    : resource.startsWith("volume/") ? "AwsEc2Volume" : resource.startsWith("vpc/") ? "AwsEc2Vpc"
                    : "Other";
            case "cloudtrail" -> resource.startsWith("trail/") ? "AwsCloudTrailTrail" : "Other";
            case "lambda" -> resource.startsWith("function:") ? "AwsLambdaFunction" : "Other";
            case "kms" -> resource.startsWith("key/") ? "AwsKmsKey" : "Other";
            case "rds" -> resource.startsWith("db:") ? "AwsRdsDbInstance" : "Other";
            case "eks" -> resource.startsWith("cluster/") ? "AwsEksCluster" : "Other";
            case "ecs" -> resource.startsWith("cluster/") ? "AwsEcsCluster" : "Other";
            case "sns" -> "AwsSnsTopic";
            case "sqs" -> "AwsSqsQueue";
            default -> "Other";
        };
    }

    /** The partition of an ARN, or {@code fallback} for other ids. */
    static String partition(String id, String fallback) {
        String[] p = id.split(":", 3);
        return p.length == 3 && p[0].equals("arn") && !p[1].isEmpty() ? p[1] : fallback;
    }
}
