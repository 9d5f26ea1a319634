package dev.vigil.sim;

import dev.vigil.sim.Estate.Account;
import dev.vigil.sim.Estate.Bucket;
import dev.vigil.sim.Estate.Trail;
import dev.vigil.sim.Estate.Workload;
import dev.vigil.sim.TrailRecord.Resource;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static dev.vigil.sim.Json.empty;
import static dev.vigil.sim.Json.list;
import static dev.vigil.sim.Json.obj;

/**
 * The service-specific parts of a record — {@code requestParameters}, {@code responseElements},
 * {@code resources}, {@code additionalEventData} — for the APIs benign traffic and reconnaissance use. The
 * monitored changes of the scenarios are built by the scenarios themselves.
 */
final class Payloads {

    /**
     * What a call is about.
     *
     * @param workload    function or service the call concerns; may be null
     * @param bucket      bucket for S3 calls; may be null
     * @param objectKey   object key for S3 data events
     * @param objectBytes bytes transferred by an S3 data event
     * @param userName    IAM user a user-scoped IAM call names; may be null
     * @param trail       trail a CloudTrail call names; may be null
     */
    record Target(Account account, String region, Workload workload, Bucket bucket, String objectKey,
                  long objectBytes, String userName, Trail trail, long time) {
    }

    private final Ids ids;
    private final TimeText time = new TimeText();

    Payloads(Ids ids) {
        this.ids = ids;
    }

    Object request(Api api, Target t) {
        Workload w = t.workload();
        return switch (api) {
            case DESCRIBE_INSTANCES -> obj("instancesSet", empty(), "filterSet", empty());
            case DESCRIBE_SECURITY_GROUPS -> obj("securityGroupSet", empty(), "securityGroupIdSet", empty(),
                    "filterSet", empty());
            case DESCRIBE_SECURITY_GROUP_RULES -> obj("DescribeSecurityGroupRulesRequest", obj("MaxResults", 1000));
            case DESCRIBE_VPCS -> obj("vpcSet", empty(), "filterSet", empty());
            case DESCRIBE_SUBNETS -> obj("subnetSet", empty(), "filterSet", empty());
            case DESCRIBE_VOLUMES -> obj("volumeSet", empty(), "filterSet", empty());
            case DESCRIBE_NETWORK_INTERFACES -> obj("networkInterfaceIdSet", empty(), "filterSet", empty());
            case DESCRIBE_REGIONS -> obj("regionSet", empty(), "allRegions", false);
            case DESCRIBE_SNAPSHOTS -> obj("snapshotSet", empty(), "ownersSet",
                    obj("items", list(obj("owner", "self"))), "filterSet", empty());
            case DESCRIBE_IMAGES -> obj("executableBySet", empty(), "imagesSet", empty(), "ownersSet",
                    obj("items", list(obj("owner", "self"))), "filterSet", empty());
            case DESCRIBE_KEY_PAIRS -> obj("keySet", empty(), "filterSet", empty());
            case DESCRIBE_ADDRESSES -> obj("publicIpsSet", empty(), "allocationIdsSet", empty(), "filterSet", empty());
            case LIST_BUCKETS -> obj("Host", "s3.amazonaws.com");
            case GET_BUCKET_LOCATION -> bucketRequest(t, "location");
            case GET_BUCKET_POLICY -> bucketRequest(t, "policy");
            case GET_BUCKET_ACL -> bucketRequest(t, "acl");
            case GET_BUCKET_LOGGING -> bucketRequest(t, "logging");
            case GET_BUCKET_VERSIONING -> bucketRequest(t, "versioning");
            case GET_BUCKET_ENCRYPTION -> bucketRequest(t, "encryption");
            case GET_PUBLIC_ACCESS_BLOCK -> bucketRequest(t, "publicAccessBlock");
            case GET_OBJECT, PUT_OBJECT -> obj("bucketName", t.bucket().name(), "Host", s3Host(t.bucket()),
                    "key", t.objectKey());
            case LIST_USERS, LIST_ROLES, LIST_GROUPS, GET_ACCOUNT_SUMMARY, GET_ACCOUNT_PASSWORD_POLICY,
                 GET_CALLER_IDENTITY, LIST_TRAILS, LIST_FUNCTIONS, LIST_CLUSTERS, DESCRIBE_REPOSITORIES, LIST_TABLES,
                 LIST_SECRETS, LIST_DETECTORS, DESCRIBE_CONFIGURATION_RECORDER_STATUS, DESCRIBE_ORGANIZATION,
                 LIST_ACCOUNTS -> null;
            case LIST_POLICIES -> obj("scope", "Local", "onlyAttached", false);
            case LIST_ACCESS_KEYS, GET_USER, LIST_ATTACHED_USER_POLICIES, LIST_MFA_DEVICES ->
                    t.userName() == null ? null : obj("userName", t.userName());
            case GET_ROLE, LIST_ATTACHED_ROLE_POLICIES -> obj("roleName", roleName(t));
            case GET_POLICY -> obj("policyArn", policyArn(t));
            case GET_POLICY_VERSION -> obj("policyArn", policyArn(t), "versionId", "v3");
            case GET_ACCOUNT_AUTHORIZATION_DETAILS -> obj("filter", list("User", "Role", "Group", "LocalManagedPolicy"));
            case DESCRIBE_TRAILS -> obj("includeShadowTrails", true);
            case GET_TRAIL_STATUS -> obj("name", trailArn(t));
            case GET_EVENT_SELECTORS -> obj("trailName", trailArn(t));
            case GET_FUNCTION -> obj("functionName", name(w));
            case DESCRIBE_SERVICES -> obj("cluster", cluster(w), "services", list(name(w)));
            case DESCRIBE_TASKS -> obj("cluster", cluster(w), "tasks", list(taskArn(t)));
            case LIST_TASKS -> obj("cluster", cluster(w), "serviceName", name(w));
            case DESCRIBE_TASK_DEFINITION -> obj("taskDefinition", name(w));
            case REGISTER_TASK_DEFINITION -> obj("family", name(w), "containerDefinitions", list(obj(
                    "name", name(w), "image", image(t), "essential", true)), "requiresCompatibilities",
                    list("FARGATE"), "networkMode", "awsvpc", "cpu", "512", "memory", "1024");
            case UPDATE_SERVICE -> obj("cluster", cluster(w), "service", name(w), "taskDefinition",
                    name(w) + ":" + revision(t), "forceNewDeployment", false);
            case GET_AUTHORIZATION_TOKEN -> obj("registryIds", list(t.account().id()));
            case BATCH_GET_IMAGE -> obj("repositoryName", repository(w), "imageIds",
                    list(obj("imageTag", "latest")), "acceptedMediaTypes",
                    list("application/vnd.docker.distribution.manifest.v2+json"));
            case PUT_IMAGE -> obj("repositoryName", repository(w), "imageTag", imageTag(t), "imageManifest",
                    "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.docker.distribution.manifest.v2+json\"}");
            case DESCRIBE_LOG_GROUPS -> obj("logGroupNamePrefix", w == null ? "/aws/" : w.logGroup());
            case CREATE_LOG_STREAM -> obj("logGroupName", logGroup(w), "logStreamName",
                    time.iso(t.time()).substring(0, 10).replace('-', '/') + "/[$LATEST]" + ids.hex(32));
            case GET_METRIC_DATA -> obj("startTime", time.iso(t.time() - 3_600_000L), "endTime", time.iso(t.time()),
                    "metricDataQueries", list(obj("id", "m1", "metricStat", obj("metric", obj(
                            "namespace", w != null && w.kind() == Estate.WorkloadKind.ECS ? "AWS/ECS" : "AWS/Lambda",
                            "metricName", "Errors"), "period", 300, "stat", "Sum"))));
            case DESCRIBE_ALARMS -> obj("maxRecords", 100);
            case DESCRIBE_TABLE -> obj("tableName", w == null ? "sessions" : w.table());
            case GET_PARAMETER -> obj("name", w == null ? "/shared/config" : w.parameter(), "withDecryption", true);
            case GET_PARAMETERS_BY_PATH -> obj("path", w == null ? "/shared/" : "/" + w.account().role() + "/"
                    + w.name() + "/", "recursive", true, "withDecryption", true);
            case GET_SECRET_VALUE, DESCRIBE_SECRET -> obj("secretId", secretArn(t));
            case DECRYPT -> obj("encryptionAlgorithm", "SYMMETRIC_DEFAULT", "encryptionContext",
                    obj("SecretARN", secretArn(t), "SecretVersionId", stableUuid(secretArn(t))));
            case GENERATE_DATA_KEY -> obj("keyId", kmsKeyArn(t), "keySpec", "AES_256", "encryptionContext",
                    obj("aws:s3:arn", t.bucket() == null ? "arn:aws:s3:::unknown" : t.bucket().arn()));
            case LIST_KEYS -> obj("limit", 1000);
            case DESCRIBE_KEY -> obj("keyId", kmsKeyArn(t));
            case LIST_FINDINGS -> obj("detectorId", detectorId(t), "maxResults", 50);
            case GET_GUARDDUTY_FINDINGS -> obj("detectorId", detectorId(t), "findingIds", list(ids.hex(32)));
            case GET_SECURITY_HUB_FINDINGS -> obj("filters", obj("recordState",
                    list(obj("value", "ACTIVE", "comparison", "EQUALS"))), "maxResults", 100);
            case ASSUME_ROLE, ASSUME_ROLE_WITH_WEB_IDENTITY, CONSOLE_LOGIN, ROTATE_KEY ->
                    throw new IllegalArgumentException(api + " is built by its caller");
            case AUTHORIZE_SECURITY_GROUP_INGRESS, CREATE_USER, ATTACH_USER_POLICY, CREATE_ACCESS_KEY,
                 CREATE_LOGIN_PROFILE, ATTACH_ROLE_POLICY, STOP_LOGGING, PUT_BUCKET_POLICY,
                 PUT_BUCKET_PUBLIC_ACCESS_BLOCK ->
                    throw new IllegalArgumentException(api + " is a monitored change; scenarios build it");
        };
    }

    /** {@code responseElements} of benign writes; null for everything read-only. */
    Object response(Api api, Target t) {
        Workload w = t.workload();
        return switch (api) {
            case PUT_OBJECT -> obj("x-amz-server-side-encryption", "aws:kms", "x-amz-server-side-encryption-aws-kms-key-id",
                    kmsKeyArn(t), "x-amz-version-id", ids.alnum(32));
            case REGISTER_TASK_DEFINITION -> obj("taskDefinition", obj("taskDefinitionArn", "arn:aws:ecs:" + t.region()
                    + ":" + t.account().id() + ":task-definition/" + name(w) + ":" + revision(t), "family", name(w),
                    "revision", revision(t), "status", "ACTIVE"));
            case UPDATE_SERVICE -> obj("service", obj("serviceArn", "arn:aws:ecs:" + t.region() + ":"
                    + t.account().id() + ":service/" + cluster(w) + "/" + name(w), "serviceName", name(w),
                    "status", "ACTIVE", "desiredCount", 3));
            case PUT_IMAGE -> obj("image", obj("registryId", t.account().id(), "repositoryName", repository(w),
                    "imageId", obj("imageDigest", "sha256:" + ids.hex(64), "imageTag", imageTag(t))));
            default -> null;
        };
    }

    List<Resource> resources(Api api, Target t) {
        return switch (api) {
            case GET_OBJECT, PUT_OBJECT -> List.of(
                    new Resource(t.bucket().arn() + "/" + t.objectKey(), null, "AWS::S3::Object"),
                    new Resource(t.bucket().arn(), t.bucket().account().id(), "AWS::S3::Bucket"));
            case GET_BUCKET_LOCATION, GET_BUCKET_POLICY, GET_BUCKET_ACL, GET_BUCKET_LOGGING, GET_BUCKET_VERSIONING,
                 GET_BUCKET_ENCRYPTION, GET_PUBLIC_ACCESS_BLOCK ->
                    List.of(new Resource(t.bucket().arn(), t.bucket().account().id(), "AWS::S3::Bucket"));
            case DECRYPT, GENERATE_DATA_KEY, DESCRIBE_KEY ->
                    List.of(new Resource(kmsKeyArn(t), t.account().id(), "AWS::KMS::Key"));
            case GET_TRAIL_STATUS, GET_EVENT_SELECTORS -> t.trail() == null ? null
                    : List.of(new Resource(t.trail().arn(), t.trail().account().id(), "AWS::CloudTrail::Trail"));
            default -> null;
        };
    }

    /** S3 adds transfer details to every record it writes. */
    Object additional(Api api, Target t) {
        if (api.service != Service.S3) {
            return null;
        }
        long out = api == Api.GET_OBJECT ? t.objectBytes() : 0;
        long in = api == Api.PUT_OBJECT ? t.objectBytes() : 0;
        return obj("SignatureVersion", "SigV4", "CipherSuite", "TLS_AES_128_GCM_SHA256", "bytesTransferredIn", in,
                "AuthenticationMethod", "AuthHeader", "x-amz-id-2", ids.alnum(56) + "=", "bytesTransferredOut", out);
    }

    /** TLS SNI host of a call: bucket-style for S3 bucket calls, the service endpoint otherwise. */
    static String host(Api api, String region, Bucket bucket) {
        if (api.service == Service.S3 && api != Api.LIST_BUCKETS && bucket != null) {
            return s3Host(bucket);
        }
        return api.service.host(region);
    }

    static String s3Host(Bucket bucket) {
        return S3_HOSTS.computeIfAbsent(bucket.name() + "/" + bucket.region(),
                k -> bucket.name() + ".s3." + bucket.region() + ".amazonaws.com");
    }

    /** Virtual-hosted S3 endpoint per bucket, built once (a pure function of the bucket). */
    private static final Map<String, String> S3_HOSTS = new ConcurrentHashMap<>();

    private static Object bucketRequest(Target t, String subresource) {
        return obj("bucketName", t.bucket().name(), "Host", s3Host(t.bucket()), subresource, "");
    }

    private static String name(Workload w) {
        return w == null ? "default" : w.name();
    }

    private static String cluster(Workload w) {
        return w == null || w.cluster().isEmpty() ? "default" : w.cluster();
    }

    private static String repository(Workload w) {
        return w == null ? "shared/base" : w.repository();
    }

    private static String logGroup(Workload w) {
        return w == null ? "/aws/lambda/default" : w.logGroup();
    }

    private static String roleName(Target t) {
        Workload w = t.workload();
        if (w == null) {
            return "OrganizationAccountAccessRole";
        }
        return w.name() + (w.kind() == Estate.WorkloadKind.LAMBDA ? "-lambda-role" : "-task-role");
    }

    private static String policyArn(Target t) {
        return "arn:aws:iam::" + t.account().id() + ":policy/" + (t.workload() == null ? "platform-read"
                : t.workload().name() + "-access");
    }

    private static String trailArn(Target t) {
        return t.trail() == null ? "organization-trail" : t.trail().arn();
    }

    private String kmsKeyArn(Target t) {
        if (t.workload() != null) {
            return t.workload().kmsKeyArn();
        }
        return "arn:aws:kms:" + t.region() + ":" + t.account().id() + ":key/" + stableUuid(t.account().id());
    }

    private static String secretArn(Target t) {
        String id = t.workload() == null ? "shared/credentials" : t.workload().secret();
        return "arn:aws:secretsmanager:" + t.region() + ":" + t.account().id() + ":secret:" + id + "-"
                + stableHex(id, 6);
    }

    private static String detectorId(Target t) {
        return stableHex(t.account().id() + t.region(), 32);
    }

    private static String taskArn(Target t) {
        return "arn:aws:ecs:" + t.region() + ":" + t.account().id() + ":task/" + cluster(t.workload()) + "/"
                + stableHex(name(t.workload()) + t.time() / 3_600_000L, 32);
    }

    private static String image(Target t) {
        return t.account().id() + ".dkr.ecr." + t.region() + ".amazonaws.com/" + repository(t.workload()) + ":"
                + imageTag(t);
    }

    /** Deploys happen a few times a day; the tag and revision change with the half-day. */
    private static String imageTag(Target t) {
        return "git-" + stableHex(name(t.workload()) + t.time() / 43_200_000L, 7);
    }

    private static int revision(Target t) {
        return (int) (40 + Math.floorMod(t.time() / 43_200_000L, 200));
    }

    /** Hex derived from a string, for ids that must stay the same every time a resource is named. */
    static String stableHex(String basis, int length) {
        StringBuilder sb = new StringBuilder(length);
        long h = basis.hashCode();
        int round = 0;
        while (sb.length() < length) {
            long v = Ids.mix(h, round++);
            for (int i = 0; i < 16 && sb.length() < length; i++) {
                sb.append(Character.forDigit((int) ((v >>> (i * 4)) & 0xF), 16));
            }
        }
        return sb.toString();
    }

    static String stableUuid(String basis) {
        String h = stableHex(basis, 32);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-4" + h.substring(13, 16) + "-a" + h.substring(17, 20)
                + "-" + h.substring(20, 32);
    }
}
