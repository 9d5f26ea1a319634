package dev.vigil.sim;

import dev.vigil.sim.Estate.Account;
import dev.vigil.sim.Json.Obj;
import dev.vigil.sim.PostureOrg.BackupPlan;
import dev.vigil.sim.PostureOrg.Key;
import dev.vigil.sim.PostureOrg.Scope;
import dev.vigil.sim.PostureOrg.Scp;
import dev.vigil.sim.PostureOrg.TrailState;
import dev.vigil.sim.PostureOrg.User;
import dev.vigil.sim.PostureOrg.Vpc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static dev.vigil.sim.Json.empty;
import static dev.vigil.sim.Json.list;
import static dev.vigil.sim.Json.obj;

/**
 * Writes what {@code aws <service> <operation> --output json} prints for every call the posture checks read, for
 * each account and enabled region of the simulated organisation:
 * {@code supplementary/<ACCOUNT>/<REGION or global>/<service>.<operation>[.<subject>].json}. A call that failed is
 * recorded as the CLI's error would be: {@code {"Error":{"Code":…,"Message":…}}} (Security Hub not enabled in one
 * place, and one deliberately denied call so the demo shows ERROR next to FAIL).
 *
 * <p>Timestamps follow AWS CLI v2: ISO 8601 with microseconds and {@code +00:00} for typed timestamps, and the
 * service's own strings for GuardDuty and Security Hub, which return text.
 */
final class SupplementaryExport {

    static final String DIRECTORY = "supplementary";
    private static final long SALT = 0x737570706cL;
    private static final DateTimeFormatter CLI_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'+00:00'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter REPORT_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'+00:00'").withZone(ZoneOffset.UTC);
    private static final long DAY = 86_400_000L;
    static final String ALARM_TOPIC = "security-alarms";
    static final String PENDING_TOPIC = "org-change-alerts";
    static final List<String> GUARDDUTY_FEATURES = List.of("CLOUD_TRAIL", "DNS_LOGS", "FLOW_LOGS", "S3_DATA_EVENTS",
            "EKS_AUDIT_LOGS", "EBS_MALWARE_PROTECTION", "RDS_LOGIN_EVENTS", "LAMBDA_NETWORK_LOGS", "RUNTIME_MONITORING");

    private final Path root;
    private final PostureOrg org;
    private final Ids ids;
    private final Map<String, String> knownDetectors;
    private final List<Path> written = new ArrayList<>();
    private final Account management;
    private final Account security;

    private SupplementaryExport(Path outDir, PostureOrg org, long seed, Map<String, String> knownDetectors) {
        this.root = outDir.resolve(DIRECTORY);
        this.org = org;
        this.ids = new Ids(Ids.mix(seed, SALT));
        this.knownDetectors = knownDetectors;
        this.management = org.account("management");
        this.security = org.account("security");
    }

    /**
     * Writes the exports.
     *
     * @param knownDetectors GuardDuty detector ids already used by the findings export, keyed {@code account/region},
     *                       so both exports name the same detector
     * @return the files written, in writing order
     */
    static List<Path> write(Path outDir, PostureOrg org, long seed, Map<String, String> knownDetectors) {
        SupplementaryExport export = new SupplementaryExport(outDir, org, seed, knownDetectors);
        export.run();
        return List.copyOf(export.written);
    }

    static String cliTime(long millis) {
        return CLI_TIME.format(Instant.ofEpochMilli(millis));
    }

    private static String isoZ(long millis) {
        return ConfigItems.time(millis);
    }

    /** CloudTrail's get-trail-status text fields: {@code 2026-10-01T14:59:29Z}. */
    private static String seconds(long millis) {
        return Instant.ofEpochMilli(millis / 1000 * 1000).toString();
    }

    private void put(String account, String region, String service, String operation, String subject, Object body) {
        String name = service + "." + operation + (subject == null ? "" : "." + subject) + ".json";
        Path file = root.resolve(account).resolve(region).resolve(name);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, TreeJson.cli(body));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the supplementary export " + file + ": " + e.getMessage(), e);
        }
        written.add(file);
    }

    private static Obj error(String code, String message) {
        return obj("Error", obj("Code", code, "Message", message));
    }

    private void run() {
        for (Account a : org.estate().accounts()) {
            global(a);
            for (String region : org.regions()) {
                regional(a, region);
            }
        }
    }

    // ---- global ----

    private void global(Account a) {
        String g = "global";
        List<User> users = org.users().stream().filter(u -> u.account().equals(a)).toList();
        boolean rootKey = a.id().equals(org.faults().rootKeysAccount());
        long roles = org.estate().principals().stream()
                .filter(p -> p.account().equals(a) && p.kind().role() && p.arn() != null)
                .map(Principal::arn).distinct().count();
        put(a.id(), g, "iam", "get-account-summary", null, obj("SummaryMap", obj(
                "AccountMFAEnabled", 1, "AccountAccessKeysPresent", rootKey ? 1 : 0,
                "AccountSigningCertificatesPresent", 0, "Users", users.size(), "Groups", 0, "Roles", roles,
                "Policies", 3, "Providers", 1, "MFADevices", users.stream().filter(User::mfa).count() + 1,
                "MFADevicesInUse", users.stream().filter(User::mfa).count() + 1, "ServerCertificates", 0,
                "UsersQuota", 5000, "RolesQuota", 1000, "GroupsQuota", 300, "PoliciesQuota", 1500)));
        put(a.id(), g, "iam", "get-credential-report", null, obj("Content",
                Base64.getEncoder().encodeToString(credentialReport(a, users, rootKey).getBytes(StandardCharsets.UTF_8)),
                "ReportFormat", "text/csv", "GeneratedTime", cliTime(org.endMillis() - 20 * 60_000L)));
        put(a.id(), g, "s3control", "get-public-access-block", null, obj("PublicAccessBlockConfiguration",
                obj("BlockPublicAcls", true, "IgnorePublicAcls", true, "BlockPublicPolicy", true,
                        "RestrictPublicBuckets", true)));
        if (a.equals(management)) {
            organizations(a);
        }
    }

    private String credentialReport(Account a, List<User> users, boolean rootKey) {
        StringBuilder csv = new StringBuilder("user,arn,user_creation_time,password_enabled,password_last_used,"
                + "password_last_changed,password_next_rotation,mfa_active,access_key_1_active,"
                + "access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,"
                + "access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,"
                + "access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,"
                + "cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated\n");
        long created = org.startMillis() - 900 * DAY - (Long.parseLong(a.id().substring(8)) % 300) * DAY;
        Long rootUsed = org.faults().rootUsedMillis().get(a.id());
        String keyRotated = rootKey ? report(created + 3 * DAY) : "N/A";
        csv.append("<root_account>,arn:aws:iam::").append(a.id()).append(":root,").append(report(created))
                .append(",not_supported,").append(report(rootUsed == null ? created + DAY : rootUsed))
                .append(",not_supported,not_supported,true,").append(rootKey).append(',').append(keyRotated)
                .append(rootKey ? ",N/A,N/A,N/A" : ",N/A,N/A,N/A")
                .append(",false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n");
        for (User u : users) {
            boolean key = u.accessKeyId() != null;
            String used = u.lastUsedMillis() == null ? "N/A" : report(u.lastUsedMillis());
            csv.append(u.name()).append(',').append(u.arn()).append(',').append(report(u.createdMillis()))
                    .append(',').append(u.password()).append(',').append(used).append(',')
                    .append(report(u.createdMillis() + 60_000L)).append(",N/A,").append(u.mfa()).append(',')
                    .append(key).append(',').append(key ? report(u.createdMillis() + 120_000L) : "N/A").append(',')
                    .append(key ? used : "N/A").append(',').append(key && u.lastUsedMillis() != null ? "us-east-1" : "N/A")
                    .append(',').append(key && u.lastUsedMillis() != null ? "s3" : "N/A")
                    .append(",false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n");
        }
        return csv.toString();
    }

    private static String report(long millis) {
        return REPORT_TIME.format(Instant.ofEpochMilli(millis));
    }

    private void organizations(Account a) {
        String orgId = org.estate().orgId();
        List<Obj> accounts = new ArrayList<>();
        for (Account m : org.estate().accounts()) {
            accounts.add(obj("Id", m.id(), "Arn", "arn:aws:organizations::" + a.id() + ":account/" + orgId + "/" + m.id(),
                    "Email", m.email(), "Name", m.name(), "Status", "ACTIVE", "State", "ACTIVE",
                    "JoinedMethod", m.equals(a) ? "INVITED" : "CREATED",
                    "JoinedTimestamp", cliTime(org.startMillis() - 1000 * DAY + accounts.size() * 7 * DAY)));
        }
        put(a.id(), "global", "organizations", "list-accounts", null, obj("Accounts", List.copyOf(accounts)));
        String rootArn = "arn:aws:organizations::" + a.id() + ":root/" + orgId + "/" + org.rootId();
        put(a.id(), "global", "organizations", "list-roots", null, obj("Roots", list(obj("Id", org.rootId(),
                "Arn", rootArn, "Name", "Root", "PolicyTypes", list(obj("Type", "SERVICE_CONTROL_POLICY",
                        "Status", "ENABLED"))))));
        List<Obj> summaries = new ArrayList<>();
        for (Scp p : org.scps()) {
            summaries.add(scpSummary(a, p));
        }
        put(a.id(), "global", "organizations", "list-policies", null, obj("Policies", List.copyOf(summaries)));
        for (Scp p : org.scps()) {
            put(a.id(), "global", "organizations", "describe-policy", p.id(), obj("Policy", obj(
                    "PolicySummary", scpSummary(a, p), "Content", p.content())));
            List<Obj> targets = new ArrayList<>();
            for (String t : p.targets()) {
                if (t.equals(org.rootId())) {
                    targets.add(obj("TargetId", t, "Arn", rootArn, "Name", "Root", "Type", "ROOT"));
                } else {
                    Account target = org.estate().accounts().stream().filter(x -> x.id().equals(t)).findFirst()
                            .orElseThrow();
                    targets.add(obj("TargetId", t, "Arn", "arn:aws:organizations::" + a.id() + ":account/" + orgId
                            + "/" + t, "Name", target.name(), "Type", "ACCOUNT"));
                }
            }
            put(a.id(), "global", "organizations", "list-targets-for-policy", p.id(),
                    obj("Targets", List.copyOf(targets)));
        }
    }

    private Obj scpSummary(Account a, Scp p) {
        String arn = p.awsManaged() ? "arn:aws:organizations::aws:policy/service_control_policy/" + p.id()
                : "arn:aws:organizations::" + a.id() + ":policy/" + org.estate().orgId() + "/service_control_policy/"
                + p.id();
        return obj("Id", p.id(), "Arn", arn, "Name", p.name(), "Description", p.description(),
                "Type", "SERVICE_CONTROL_POLICY", "AwsManaged", p.awsManaged());
    }

    // ---- regional ----

    private void regional(Account a, String region) {
        cloudTrail(a, region);
        monitoring(a, region);
        config(a, region);
        guardDuty(a, region);
        securityHub(a, region);
        backup(a, region);
        kms(a, region);
        ec2(a, region);
    }

    private void cloudTrail(Account a, String region) {
        List<TrailState> visible = org.trails().stream()
                .filter(t -> t.multiRegion() ? t.trail().organization() || t.trail().account().equals(a)
                        : t.trail().account().equals(a) && t.trail().region().equals(region))
                .toList();
        List<Obj> list = new ArrayList<>();
        for (TrailState t : visible) {
            var tr = t.trail();
            list.add(obj("Name", tr.name(), "S3BucketName", tr.bucket(), "IncludeGlobalServiceEvents", true,
                    "IsMultiRegionTrail", t.multiRegion(), "HomeRegion", tr.region(), "TrailARN", tr.arn(),
                    "LogFileValidationEnabled", true, "CloudWatchLogsLogGroupArn", t.logGroupArn(),
                    "CloudWatchLogsRoleArn", t.roleArn(), "KmsKeyId", t.keyArn(), "HasCustomEventSelectors", true,
                    "HasInsightSelectors", false, "IsOrganizationTrail", tr.organization()));
        }
        put(a.id(), region, "cloudtrail", "describe-trails", null, obj("trailList", List.copyOf(list)));
        for (TrailState t : visible) {
            long started = org.startMillis() - 500 * DAY;
            List<Object> status = new ArrayList<>(List.of("IsLogging", t.logging(),
                    "LatestDeliveryTime", cliTime(t.lastDeliveryMillis()),
                    "LatestCloudWatchLogsDeliveryTime", cliTime(t.lastDeliveryMillis() + 20_000L),
                    "LatestDigestDeliveryTime", cliTime(t.lastDeliveryMillis() - (t.lastDeliveryMillis() % 3_600_000L)),
                    "StartLoggingTime", cliTime(started)));
            if (t.stoppedMillis() != null) {
                status.add("StopLoggingTime");
                status.add(cliTime(t.stoppedMillis()));
            }
            status.addAll(List.of("LatestDeliveryAttemptTime", seconds(t.lastDeliveryMillis()),
                    "LatestNotificationAttemptTime", "", "LatestNotificationAttemptSucceeded", "",
                    "LatestDeliveryAttemptSucceeded", seconds(t.lastDeliveryMillis()),
                    "TimeLoggingStarted", seconds(started),
                    "TimeLoggingStopped", t.stoppedMillis() == null ? "" : seconds(t.stoppedMillis())));
            put(a.id(), region, "cloudtrail", "get-trail-status", t.trail().name(), obj(status.toArray()));
            put(a.id(), region, "cloudtrail", "get-event-selectors", t.trail().name(), eventSelectors(t));
        }
    }

    private static Obj eventSelectors(TrailState t) {
        List<Object> prefixes = t.dataEventBuckets().stream().map(b -> (Object) ("arn:aws:s3:::" + b + "/")).toList();
        if (t.trail().organization()) {
            return obj("TrailARN", t.trail().arn(), "AdvancedEventSelectors", list(
                    obj("Name", "Management events", "FieldSelectors", list(obj("Field", "eventCategory",
                            "Equals", list("Management")))),
                    obj("Name", "Customer data object access", "FieldSelectors", list(
                            obj("Field", "eventCategory", "Equals", list("Data")),
                            obj("Field", "resources.type", "Equals", list("AWS::S3::Object")),
                            obj("Field", "resources.ARN", "StartsWith", prefixes)))));
        }
        return obj("TrailARN", t.trail().arn(), "EventSelectors", list(obj("ReadWriteType", "All",
                "IncludeManagementEvents", false, "DataResources", list(obj("Type", "AWS::S3::Object",
                        "Values", prefixes)), "ExcludeManagementEventSources", list())));
    }

    private void monitoring(Account a, String region) {
        boolean home = a.equals(management) && region.equals(Estate.HOME_REGION);
        String topicBase = "arn:aws:sns:" + region + ":" + a.id() + ":";
        List<Obj> filters = new ArrayList<>();
        List<Obj> alarms = new ArrayList<>();
        if (home) {
            TrailState orgTrail = org.trails().stream().filter(t -> t.trail().organization()).findFirst().orElseThrow();
            long created = org.startMillis() - 300 * DAY;
            for (CisMetricFilters.Filter f : CisMetricFilters.all()) {
                if (f.check().equals(CisMetricFilters.MISSING)) {
                    continue;
                }
                filters.add(obj("filterName", f.metric() + "-filter", "filterPattern", CisMetricFilters.deployedPattern(f),
                        "metricTransformations", list(obj("metricName", f.metric(), "metricNamespace", "CISBenchmark",
                                "metricValue", "1")), "creationTime", created, "logGroupName", orgTrail.logGroup()));
                String topic = topicBase + (f.check().equals(CisMetricFilters.UNCONFIRMED) ? PENDING_TOPIC : ALARM_TOPIC);
                alarms.add(obj("AlarmName", f.metric() + "-alarm", "AlarmArn", "arn:aws:cloudwatch:" + region + ":"
                                + a.id() + ":alarm:" + f.metric() + "-alarm",
                        "AlarmConfigurationUpdatedTimestamp", cliTime(created), "ActionsEnabled", true,
                        "OKActions", list(), "AlarmActions", list(topic), "InsufficientDataActions", list(),
                        "StateValue", "OK", "StateReason",
                        "Threshold Crossed: 1 datapoint [0.0] was not greater than or equal to the threshold (1.0).",
                        "StateUpdatedTimestamp", cliTime(org.endMillis() - 3 * 3_600_000L),
                        "MetricName", f.metric(), "Namespace", "CISBenchmark", "Statistic", "Sum", "Dimensions", list(),
                        "Period", 300, "EvaluationPeriods", 1, "Threshold", 1.0,
                        "ComparisonOperator", "GreaterThanOrEqualToThreshold", "TreatMissingData", "notBreaching",
                        "StateTransitionedTimestamp", cliTime(org.endMillis() - 3 * 3_600_000L)));
            }
        }
        put(a.id(), region, "logs", "describe-metric-filters", null, obj("metricFilters", List.copyOf(filters)));
        put(a.id(), region, "cloudwatch", "describe-alarms", null, obj("MetricAlarms", List.copyOf(alarms),
                "CompositeAlarms", list()));
        List<Obj> subs = new ArrayList<>();
        if (home) {
            String domain = org.estate().domain();
            subs.add(obj("SubscriptionArn", topicBase + ALARM_TOPIC + ":" + ids.uuid(), "Owner", a.id(),
                    "Protocol", "email", "Endpoint", "secops@" + domain, "TopicArn", topicBase + ALARM_TOPIC));
            subs.add(obj("SubscriptionArn", "PendingConfirmation", "Owner", a.id(), "Protocol", "email",
                    "Endpoint", "platform-team@" + domain, "TopicArn", topicBase + PENDING_TOPIC));
        }
        put(a.id(), region, "sns", "list-subscriptions", null, obj("Subscriptions", List.copyOf(subs)));
    }

    private void config(Account a, String region) {
        String recorderArn = "arn:aws:config:" + region + ":" + a.id() + ":configuration-recorder/default/"
                + Payloads.stableHex(a.id() + region, 16);
        put(a.id(), region, "configservice", "describe-configuration-recorders", null, obj("ConfigurationRecorders",
                list(obj("arn", recorderArn, "name", "default", "roleARN", "arn:aws:iam::" + a.id()
                                + ":role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig",
                        "recordingGroup", obj("allSupported", true,
                                "includeGlobalResourceTypes", region.equals(Estate.HOME_REGION),
                                "resourceTypes", list(), "exclusionByResourceTypes", obj("resourceTypes", list()),
                                "recordingStrategy", obj("useOnly", "ALL_SUPPORTED_RESOURCE_TYPES")),
                        "recordingMode", obj("recordingFrequency", "CONTINUOUS", "recordingModeOverrides", list())))));
        boolean stopped = new Scope(a.id(), region).equals(org.faults().configStopped());
        long started = org.startMillis() - 450 * DAY;
        Obj status = stopped
                ? obj("arn", recorderArn, "name", "default", "lastStartTime", cliTime(started),
                "lastStopTime", cliTime(org.startMillis() - 41 * DAY), "recording", false, "lastStatus", "SUCCESS",
                "lastStatusChangeTime", cliTime(org.startMillis() - 41 * DAY))
                : obj("arn", recorderArn, "name", "default", "lastStartTime", cliTime(started), "recording", true,
                "lastStatus", "SUCCESS", "lastStatusChangeTime", cliTime(org.endMillis() - 7 * 60_000L));
        put(a.id(), region, "configservice", "describe-configuration-recorder-status", null,
                obj("ConfigurationRecordersStatus", list(status)));
        List<Obj> aggregators = new ArrayList<>();
        if (a.equals(security) && region.equals(Estate.HOME_REGION)) {
            aggregators.add(obj("ConfigurationAggregatorName", "organization",
                    "ConfigurationAggregatorArn", "arn:aws:config:" + region + ":" + a.id()
                            + ":config-aggregator/config-aggregator-" + Payloads.stableHex(a.id(), 8),
                    "OrganizationAggregationSource", obj("RoleArn", "arn:aws:iam::" + a.id()
                            + ":role/config-organization-aggregator", "AllAwsRegions", true),
                    "CreationTime", cliTime(started), "LastUpdatedTime", cliTime(started),
                    "CreatedBy", "arn:aws:iam::" + a.id() + ":role/config-organization-aggregator"));
        }
        put(a.id(), region, "configservice", "describe-configuration-aggregators", null,
                obj("ConfigurationAggregators", List.copyOf(aggregators)));
    }

    private String detector(Account a, String region) {
        String known = knownDetectors.get(a.id() + "/" + region);
        return known != null ? known : Payloads.stableHex("detector" + a.id() + region, 32);
    }

    private void guardDuty(Account a, String region) {
        String id = detector(a, region);
        put(a.id(), region, "guardduty", "list-detectors", null, obj("DetectorIds", list(id)));
        boolean suspended = new Scope(a.id(), region).equals(org.faults().guardDutySuspended());
        long created = org.startMillis() - 420 * DAY;
        String updated = isoZ(suspended ? org.startMillis() - 60 * DAY : created);
        List<Obj> features = new ArrayList<>();
        for (String f : GUARDDUTY_FEATURES) {
            features.add(obj("Name", f, "Status", "ENABLED", "UpdatedAt", updated));
        }
        put(a.id(), region, "guardduty", "get-detector", id, obj("CreatedAt", isoZ(created),
                "FindingPublishingFrequency", "FIFTEEN_MINUTES", "ServiceRole", "arn:aws:iam::" + a.id()
                        + ":role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty",
                "Status", suspended ? "DISABLED" : "ENABLED", "UpdatedAt", updated,
                "DataSources", obj("CloudTrail", obj("Status", "ENABLED"), "DNSLogs", obj("Status", "ENABLED"),
                        "FlowLogs", obj("Status", "ENABLED"), "S3Logs", obj("Status", "ENABLED"),
                        "Kubernetes", obj("AuditLogs", obj("Status", "ENABLED")),
                        "MalwareProtection", obj("ScanEc2InstanceWithFindings", obj("EbsVolumes",
                                obj("Status", "ENABLED")))),
                "Tags", empty(), "Features", List.copyOf(features)));
        Obj admin = a.equals(security) ? empty() : obj("Administrator", obj("AccountId", security.id(),
                "InvitationId", Payloads.stableHex("gdinv" + a.id(), 32), "RelationshipStatus", "Enabled",
                "InvitedAt", isoZ(created)));
        put(a.id(), region, "guardduty", "get-administrator-account", id, admin);
        if (a.equals(management)) {
            put(a.id(), region, "guardduty", "list-organization-admin-accounts", null, obj("AdminAccounts",
                    list(obj("AdminAccountId", security.id(), "AdminStatus", "ENABLED"))));
        }
    }

    private void securityHub(Account a, String region) {
        Scope here = new Scope(a.id(), region);
        if (here.equals(org.faults().securityHubOff())) {
            Obj off = error("InvalidAccessException", "Account " + a.id() + " is not subscribed to AWS Security Hub");
            put(a.id(), region, "securityhub", "describe-hub", null, off);
            put(a.id(), region, "securityhub", "get-enabled-standards", null, off);
            put(a.id(), region, "securityhub", "get-administrator-account", null, off);
            return;
        }
        long subscribed = org.startMillis() - 380 * DAY;
        put(a.id(), region, "securityhub", "describe-hub", null, obj("HubArn", "arn:aws:securityhub:" + region + ":"
                        + a.id() + ":hub/default", "SubscribedAt", isoZ(subscribed), "AutoEnableControls", true,
                "ControlFindingGenerator", "SECURITY_CONTROL"));
        if (here.equals(org.faults().accessDenied())) {
            put(a.id(), region, "securityhub", "get-enabled-standards", null, error("AccessDeniedException",
                    "User: arn:aws:sts::" + a.id() + ":assumed-role/vigil-posture-reader/vigil is not authorized to "
                            + "perform: securityhub:GetEnabledStandards because no identity-based policy allows the "
                            + "securityhub:GetEnabledStandards action"));
        } else {
            put(a.id(), region, "securityhub", "get-enabled-standards", null, obj("StandardsSubscriptions", list(
                    standard(a, region, "aws-foundational-security-best-practices/v/1.0.0"),
                    standard(a, region, "cis-aws-foundations-benchmark/v/3.0.0"))));
        }
        Obj admin = a.equals(security) ? empty() : obj("Administrator", obj("AccountId", security.id(),
                "MemberStatus", "Enabled", "InvitationId", Payloads.stableHex("shinv" + a.id(), 32),
                "InvitedAt", isoZ(subscribed)));
        put(a.id(), region, "securityhub", "get-administrator-account", null, admin);
        if (a.equals(management)) {
            put(a.id(), region, "securityhub", "list-organization-admin-accounts", null, obj("AdminAccounts",
                    list(obj("AccountId", security.id(), "Status", "ENABLED"))));
        }
    }

    private static Obj standard(Account a, String region, String name) {
        return obj("StandardsSubscriptionArn", "arn:aws:securityhub:" + region + ":" + a.id() + ":subscription/" + name,
                "StandardsArn", "arn:aws:securityhub:" + region + "::standards/" + name, "StandardsInput", empty(),
                "StandardsStatus", "READY");
    }

    private void backup(Account a, String region) {
        List<BackupPlan> plans = org.plans().stream().filter(p -> p.account().equals(a) && p.region().equals(region))
                .toList();
        List<Obj> list = new ArrayList<>();
        for (BackupPlan p : plans) {
            list.add(obj("BackupPlanArn", p.arn(), "BackupPlanId", p.id(), "CreationDate", cliTime(p.createdMillis()),
                    "VersionId", p.versionId(), "BackupPlanName", p.name(),
                    "LastExecutionDate", cliTime(org.endMillis() - (org.endMillis() % DAY) + 5 * 3_600_000L - DAY)));
        }
        put(a.id(), region, "backup", "list-backup-plans", null, obj("BackupPlansList", List.copyOf(list)));
        for (BackupPlan p : plans) {
            List<Object> rule = new ArrayList<>(List.of("RuleName", "daily", "TargetBackupVaultName", p.vault(),
                    "ScheduleExpression", "cron(0 5 ? * * *)", "StartWindowMinutes", 60,
                    "CompletionWindowMinutes", 180, "Lifecycle", obj("DeleteAfterDays", p.retentionDays()),
                    "RuleId", p.ruleId()));
            if (p.copyRegion() != null) {
                rule.add("CopyActions");
                rule.add(list(obj("Lifecycle", obj("DeleteAfterDays", p.retentionDays()),
                        "DestinationBackupVaultArn", ConfigItems.copyVaultArn(p))));
            }
            rule.add("ScheduleExpressionTimezone");
            rule.add("Etc/UTC");
            put(a.id(), region, "backup", "get-backup-plan", p.id(), obj("BackupPlan", obj("BackupPlanName", p.name(),
                            "Rules", list(obj(rule.toArray()))), "BackupPlanId", p.id(), "BackupPlanArn", p.arn(),
                    "VersionId", p.versionId(), "CreationDate", cliTime(p.createdMillis())));
            String selection = p.name() + "-everything";
            put(a.id(), region, "backup", "list-backup-selections", p.id(), obj("BackupSelectionsList", list(obj(
                    "SelectionId", p.selectionId(), "SelectionName", selection, "BackupPlanId", p.id(),
                    "CreationDate", cliTime(p.createdMillis()), "IamRoleArn", ConfigItems.backupRoleArn(a)))));
            put(a.id(), region, "backup", "get-backup-selection", p.id() + "." + p.selectionId(), obj(
                    "BackupSelection", obj("SelectionName", selection, "IamRoleArn", ConfigItems.backupRoleArn(a),
                            "Resources", List.copyOf(ConfigItems.selectionResources()), "ListOfTags", list(),
                            "NotResources", list(), "Conditions", obj("StringEquals", list(), "StringNotEquals", list(),
                                    "StringLike", list(), "StringNotLike", list())),
                    "SelectionId", p.selectionId(), "BackupPlanId", p.id(), "CreationDate", cliTime(p.createdMillis())));
        }
        List<Obj> dlm = new ArrayList<>();
        if (a.role().equals("prod") && region.equals(Estate.HOME_REGION)) {
            dlm.add(obj("PolicyId", "policy-" + Payloads.stableHex(a.id() + "dlm", 17),
                    "Description", "Hourly snapshots of the cluster hosts' volumes", "State", "ENABLED",
                    "Tags", empty(), "PolicyType", "EBS_SNAPSHOT_MANAGEMENT"));
        }
        put(a.id(), region, "dlm", "get-lifecycle-policies", null, obj("Policies", List.copyOf(dlm)));
    }

    private void kms(Account a, String region) {
        for (Key k : org.keys()) {
            if (!k.account().equals(a) || !k.region().equals(region)) {
                continue;
            }
            List<Obj> statements = new ArrayList<>();
            statements.add(obj("Sid", "Enable IAM User Permissions", "Effect", "Allow",
                    "Principal", obj("AWS", "arn:aws:iam::" + a.id() + ":root"), "Action", "kms:*", "Resource", "*"));
            boolean trailKey = org.trails().stream().anyMatch(t -> t.keyArn().equals(k.arn()));
            if (trailKey) {
                statements.add(obj("Sid", "Allow CloudTrail to encrypt logs", "Effect", "Allow",
                        "Principal", obj("Service", "cloudtrail.amazonaws.com"), "Action", "kms:GenerateDataKey*",
                        "Resource", "*", "Condition", obj("StringLike", obj("kms:EncryptionContext:aws:cloudtrail:arn",
                                "arn:aws:cloudtrail:*:" + a.id() + ":trail/*"))));
            }
            put(a.id(), region, "kms", "get-key-policy", k.id(), obj("Policy", TreeJson.string(obj(
                    "Version", "2012-10-17", "Id", "key-default-1", "Statement", List.copyOf(statements))),
                    "PolicyName", "default"));
            Obj rotation = k.rotation()
                    ? obj("KeyRotationEnabled", true, "KeyId", k.arn(), "RotationPeriodInDays", 365,
                    "NextRotationDate", cliTime(k.createdMillis() + ((org.endMillis() - k.createdMillis()) / (365 * DAY)
                            + 1) * 365 * DAY))
                    : obj("KeyRotationEnabled", false, "KeyId", k.arn());
            put(a.id(), region, "kms", "get-key-rotation-status", k.id(), rotation);
        }
    }

    private void ec2(Account a, String region) {
        List<Obj> regions = new ArrayList<>();
        for (String r : org.regions()) {
            regions.add(obj("OptInStatus", "opt-in-not-required", "RegionName", r, "Endpoint", "ec2." + r + ".amazonaws.com"));
        }
        for (String r : PostureOrg.NOT_OPTED_IN) {
            regions.add(obj("OptInStatus", "not-opted-in", "RegionName", r, "Endpoint", "ec2." + r + ".amazonaws.com"));
        }
        put(a.id(), region, "ec2", "describe-regions", null, obj("Regions", List.copyOf(regions)));
        put(a.id(), region, "ec2", "get-ebs-encryption-by-default", null, obj("EbsEncryptionByDefault", true,
                "SseType", "sse-ebs"));
        List<Obj> flowLogs = new ArrayList<>();
        for (Vpc v : org.vpcs()) {
            if (v.account().equals(a) && v.region().equals(region) && v.flowLogId() != null) {
                flowLogs.add(obj("CreationTime", cliTime(org.startMillis() - 600 * DAY), "DeliverLogsStatus", "SUCCESS",
                        "FlowLogId", v.flowLogId(), "FlowLogStatus", "ACTIVE", "ResourceId", v.id(),
                        "TrafficType", "ALL", "LogDestinationType", "s3",
                        "LogDestination", v.flowLogBucketArn() + "/" + a.id() + "/",
                        "LogFormat", ConfigItems.FLOW_LOG_FORMAT, "Tags", list(), "MaxAggregationInterval", 600,
                        "DestinationOptions", obj("FileFormat", "plain-text", "HiveCompatiblePartitions", false,
                                "PerHourPartition", false)));
            }
        }
        put(a.id(), region, "ec2", "describe-flow-logs", null, obj("FlowLogs", List.copyOf(flowLogs)));
    }
}
