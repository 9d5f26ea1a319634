package dev.vigil.sim;

/**
 * The API calls the simulator can record, each with its CloudTrail event name and kind. Benign principals
 * draw from the read-only and harmless entries; the monitored changes ({@link Access#CHANGE}) appear only in
 * labelled scenarios.
 */
enum Api {
    // EC2
    DESCRIBE_INSTANCES(Service.EC2, "DescribeInstances", Access.READ),
    DESCRIBE_SECURITY_GROUPS(Service.EC2, "DescribeSecurityGroups", Access.READ),
    DESCRIBE_SECURITY_GROUP_RULES(Service.EC2, "DescribeSecurityGroupRules", Access.READ),
    DESCRIBE_VPCS(Service.EC2, "DescribeVpcs", Access.READ),
    DESCRIBE_SUBNETS(Service.EC2, "DescribeSubnets", Access.READ),
    DESCRIBE_VOLUMES(Service.EC2, "DescribeVolumes", Access.READ),
    DESCRIBE_NETWORK_INTERFACES(Service.EC2, "DescribeNetworkInterfaces", Access.READ),
    DESCRIBE_REGIONS(Service.EC2, "DescribeRegions", Access.READ),
    DESCRIBE_SNAPSHOTS(Service.EC2, "DescribeSnapshots", Access.READ),
    DESCRIBE_IMAGES(Service.EC2, "DescribeImages", Access.READ),
    DESCRIBE_KEY_PAIRS(Service.EC2, "DescribeKeyPairs", Access.READ),
    DESCRIBE_ADDRESSES(Service.EC2, "DescribeAddresses", Access.READ),
    AUTHORIZE_SECURITY_GROUP_INGRESS(Service.EC2, "AuthorizeSecurityGroupIngress", Access.CHANGE),
    // S3 bucket-level management events
    PUT_BUCKET_POLICY(Service.S3, "PutBucketPolicy", Access.CHANGE),
    PUT_BUCKET_PUBLIC_ACCESS_BLOCK(Service.S3, "PutBucketPublicAccessBlock", Access.CHANGE),
    LIST_BUCKETS(Service.S3, "ListBuckets", Access.READ),
    GET_BUCKET_LOCATION(Service.S3, "GetBucketLocation", Access.READ),
    GET_BUCKET_POLICY(Service.S3, "GetBucketPolicy", Access.READ),
    GET_BUCKET_ACL(Service.S3, "GetBucketAcl", Access.READ),
    GET_BUCKET_LOGGING(Service.S3, "GetBucketLogging", Access.READ),
    GET_BUCKET_VERSIONING(Service.S3, "GetBucketVersioning", Access.READ),
    GET_BUCKET_ENCRYPTION(Service.S3, "GetBucketEncryption", Access.READ),
    GET_PUBLIC_ACCESS_BLOCK(Service.S3, "GetPublicAccessBlock", Access.READ),
    // S3 data events
    GET_OBJECT(Service.S3, "GetObject", Access.DATA_READ),
    PUT_OBJECT(Service.S3, "PutObject", Access.DATA_WRITE),
    // IAM
    LIST_USERS(Service.IAM, "ListUsers", Access.READ),
    LIST_ROLES(Service.IAM, "ListRoles", Access.READ),
    LIST_POLICIES(Service.IAM, "ListPolicies", Access.READ),
    LIST_GROUPS(Service.IAM, "ListGroups", Access.READ),
    GET_ACCOUNT_SUMMARY(Service.IAM, "GetAccountSummary", Access.READ),
    LIST_ACCESS_KEYS(Service.IAM, "ListAccessKeys", Access.READ),
    GET_USER(Service.IAM, "GetUser", Access.READ),
    GET_ROLE(Service.IAM, "GetRole", Access.READ),
    LIST_ATTACHED_USER_POLICIES(Service.IAM, "ListAttachedUserPolicies", Access.READ),
    LIST_ATTACHED_ROLE_POLICIES(Service.IAM, "ListAttachedRolePolicies", Access.READ),
    GET_POLICY(Service.IAM, "GetPolicy", Access.READ),
    GET_POLICY_VERSION(Service.IAM, "GetPolicyVersion", Access.READ),
    GET_ACCOUNT_PASSWORD_POLICY(Service.IAM, "GetAccountPasswordPolicy", Access.READ),
    LIST_MFA_DEVICES(Service.IAM, "ListMFADevices", Access.READ),
    GET_ACCOUNT_AUTHORIZATION_DETAILS(Service.IAM, "GetAccountAuthorizationDetails", Access.READ),
    CREATE_USER(Service.IAM, "CreateUser", Access.CHANGE),
    ATTACH_USER_POLICY(Service.IAM, "AttachUserPolicy", Access.CHANGE),
    CREATE_ACCESS_KEY(Service.IAM, "CreateAccessKey", Access.CHANGE),
    CREATE_LOGIN_PROFILE(Service.IAM, "CreateLoginProfile", Access.CHANGE),
    ATTACH_ROLE_POLICY(Service.IAM, "AttachRolePolicy", Access.CHANGE),
    // STS
    GET_CALLER_IDENTITY(Service.STS, "GetCallerIdentity", Access.READ),
    ASSUME_ROLE(Service.STS, "AssumeRole", Access.CREDENTIALS),
    ASSUME_ROLE_WITH_WEB_IDENTITY(Service.STS, "AssumeRoleWithWebIdentity", Access.CREDENTIALS),
    // console sign-in
    CONSOLE_LOGIN(Service.SIGNIN, "ConsoleLogin", Access.SIGN_IN),
    // CloudTrail
    DESCRIBE_TRAILS(Service.CLOUDTRAIL, "DescribeTrails", Access.READ),
    GET_TRAIL_STATUS(Service.CLOUDTRAIL, "GetTrailStatus", Access.READ),
    LIST_TRAILS(Service.CLOUDTRAIL, "ListTrails", Access.READ),
    GET_EVENT_SELECTORS(Service.CLOUDTRAIL, "GetEventSelectors", Access.READ),
    STOP_LOGGING(Service.CLOUDTRAIL, "StopLogging", Access.CHANGE),
    // Lambda (CloudTrail keeps the API version suffix in the event name)
    LIST_FUNCTIONS(Service.LAMBDA, "ListFunctions20150331", Access.READ),
    GET_FUNCTION(Service.LAMBDA, "GetFunction20150331v2", Access.READ),
    // ECS
    DESCRIBE_SERVICES(Service.ECS, "DescribeServices", Access.READ),
    DESCRIBE_TASKS(Service.ECS, "DescribeTasks", Access.READ),
    LIST_TASKS(Service.ECS, "ListTasks", Access.READ),
    DESCRIBE_TASK_DEFINITION(Service.ECS, "DescribeTaskDefinition", Access.READ),
    LIST_CLUSTERS(Service.ECS, "ListClusters", Access.READ),
    REGISTER_TASK_DEFINITION(Service.ECS, "RegisterTaskDefinition", Access.WRITE),
    UPDATE_SERVICE(Service.ECS, "UpdateService", Access.WRITE),
    // ECR
    GET_AUTHORIZATION_TOKEN(Service.ECR, "GetAuthorizationToken", Access.READ),
    BATCH_GET_IMAGE(Service.ECR, "BatchGetImage", Access.READ),
    PUT_IMAGE(Service.ECR, "PutImage", Access.WRITE),
    DESCRIBE_REPOSITORIES(Service.ECR, "DescribeRepositories", Access.READ),
    // CloudWatch Logs and metrics
    DESCRIBE_LOG_GROUPS(Service.LOGS, "DescribeLogGroups", Access.READ),
    CREATE_LOG_STREAM(Service.LOGS, "CreateLogStream", Access.WRITE),
    GET_METRIC_DATA(Service.CLOUDWATCH, "GetMetricData", Access.READ),
    DESCRIBE_ALARMS(Service.CLOUDWATCH, "DescribeAlarms", Access.READ),
    // DynamoDB, SSM, Secrets Manager, KMS
    DESCRIBE_TABLE(Service.DYNAMODB, "DescribeTable", Access.READ),
    LIST_TABLES(Service.DYNAMODB, "ListTables", Access.READ),
    GET_PARAMETER(Service.SSM, "GetParameter", Access.READ),
    GET_PARAMETERS_BY_PATH(Service.SSM, "GetParametersByPath", Access.READ),
    GET_SECRET_VALUE(Service.SECRETS_MANAGER, "GetSecretValue", Access.READ),
    DESCRIBE_SECRET(Service.SECRETS_MANAGER, "DescribeSecret", Access.READ),
    LIST_SECRETS(Service.SECRETS_MANAGER, "ListSecrets", Access.READ),
    DECRYPT(Service.KMS, "Decrypt", Access.READ),
    GENERATE_DATA_KEY(Service.KMS, "GenerateDataKey", Access.READ),
    LIST_KEYS(Service.KMS, "ListKeys", Access.READ),
    DESCRIBE_KEY(Service.KMS, "DescribeKey", Access.READ),
    ROTATE_KEY(Service.KMS, "RotateKey", Access.SERVICE_EVENT),
    // security services
    LIST_DETECTORS(Service.GUARDDUTY, "ListDetectors", Access.READ),
    LIST_FINDINGS(Service.GUARDDUTY, "ListFindings", Access.READ),
    GET_GUARDDUTY_FINDINGS(Service.GUARDDUTY, "GetFindings", Access.READ),
    GET_SECURITY_HUB_FINDINGS(Service.SECURITY_HUB, "GetFindings", Access.READ),
    DESCRIBE_CONFIGURATION_RECORDER_STATUS(Service.CONFIG, "DescribeConfigurationRecorderStatus", Access.READ),
    // Organizations
    DESCRIBE_ORGANIZATION(Service.ORGANIZATIONS, "DescribeOrganization", Access.READ),
    LIST_ACCOUNTS(Service.ORGANIZATIONS, "ListAccounts", Access.READ);

    /** What kind of call an API is; decides readOnly, category, response and whether benign traffic may use it. */
    enum Access {
        /** Read-only management event; response elements are null. */
        READ,
        /** Management change that no security monitor cares about (deployments, log streams). */
        WRITE,
        /** Monitored change (IAM, CloudTrail, network…): only scenarios use these. */
        CHANGE,
        /** STS credential issue; read-only in CloudTrail's sense but with a response. */
        CREDENTIALS,
        /** Console sign-in. */
        SIGN_IN,
        /** S3 data event, read. */
        DATA_READ,
        /** S3 data event, write. */
        DATA_WRITE,
        /** A non-API event that AWS itself records (eventType AwsServiceEvent). */
        SERVICE_EVENT
    }

    final Service service;
    final String eventName;
    final Access access;

    Api(Service service, String eventName, Access access) {
        this.service = service;
        this.eventName = eventName;
        this.access = access;
    }

    boolean readOnly() {
        return access == Access.READ || access == Access.CREDENTIALS || access == Access.DATA_READ;
    }

    boolean dataEvent() {
        return access == Access.DATA_READ || access == Access.DATA_WRITE;
    }

    /** True for the List/Describe/Get family that reconnaissance detections count. */
    boolean discovery() {
        return eventName.startsWith("List") || eventName.startsWith("Describe") || eventName.startsWith("Get");
    }

    /** The IAM action a denial message names, e.g. {@code lambda:ListFunctions} (without the version suffix). */
    String iamAction() {
        String name = eventName.replaceAll("20\\d{6}(v\\d+)?$", "");
        return service.iamPrefix + ":" + name;
    }
}
