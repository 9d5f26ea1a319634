package dev.vigil.sim;

import dev.vigil.sim.Estate.Account;
import dev.vigil.sim.Json.Obj;
import dev.vigil.sim.PostureOrg.Scope;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.vigil.sim.CliExportSink.cliTime;
import static dev.vigil.sim.CliExportSink.error;
import static dev.vigil.sim.CliExportSink.isoZ;
import static dev.vigil.sim.Json.empty;
import static dev.vigil.sim.Json.list;
import static dev.vigil.sim.Json.obj;

/**
 * The security services of one account and region: AWS Config recorders, their status and (in the security
 * account) the organisation aggregator; GuardDuty detectors with their features and administrator; Security Hub
 * hub, standards and administrator; and, in the management account, both services' delegated administrators.
 * The planted faults show here: a stopped recorder, a suspended detector, a region where Security Hub is off
 * ({@code InvalidAccessException}) and one denied call ({@code AccessDeniedException}).
 */
final class SecurityServiceExports {

    private static final long DAY = 86_400_000L;
    static final List<String> GUARDDUTY_FEATURES = List.of("CLOUD_TRAIL", "DNS_LOGS", "FLOW_LOGS", "S3_DATA_EVENTS",
            "EKS_AUDIT_LOGS", "EBS_MALWARE_PROTECTION", "RDS_LOGIN_EVENTS", "LAMBDA_NETWORK_LOGS", "RUNTIME_MONITORING");

    private final PostureOrg org;
    private final CliExportSink sink;
    private final Map<String, String> knownDetectors;
    private final Account management;
    private final Account security;

    SecurityServiceExports(PostureOrg org, CliExportSink sink, Map<String, String> knownDetectors) {
        this.org = org;
        this.sink = sink;
        this.knownDetectors = knownDetectors;
        this.management = org.account("management");
        this.security = org.account("security");
    }

    void write(Account a, String region) {
        config(a, region);
        guardDuty(a, region);
        securityHub(a, region);
    }

    private void config(Account a, String region) {
        String recorderArn = "arn:aws:config:" + region + ":" + a.id() + ":configuration-recorder/default/"
                + Payloads.stableHex(a.id() + region, 16);
        sink.put(a.id(), region, "configservice", "describe-configuration-recorders", null, obj("ConfigurationRecorders",
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
        sink.put(a.id(), region, "configservice", "describe-configuration-recorder-status", null,
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
        sink.put(a.id(), region, "configservice", "describe-configuration-aggregators", null,
                obj("ConfigurationAggregators", List.copyOf(aggregators)));
    }

    private String detector(Account a, String region) {
        String known = knownDetectors.get(a.id() + "/" + region);
        return known != null ? known : Payloads.stableHex("detector" + a.id() + region, 32);
    }

    private void guardDuty(Account a, String region) {
        String id = detector(a, region);
        sink.put(a.id(), region, "guardduty", "list-detectors", null, obj("DetectorIds", list(id)));
        boolean suspended = new Scope(a.id(), region).equals(org.faults().guardDutySuspended());
        long created = org.startMillis() - 420 * DAY;
        String updated = isoZ(suspended ? org.startMillis() - 60 * DAY : created);
        List<Obj> features = new ArrayList<>();
        for (String f : GUARDDUTY_FEATURES) {
            features.add(obj("Name", f, "Status", "ENABLED", "UpdatedAt", updated));
        }
        sink.put(a.id(), region, "guardduty", "get-detector", id, obj("CreatedAt", isoZ(created),
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
        sink.put(a.id(), region, "guardduty", "get-administrator-account", id, admin);
        if (a.equals(management)) {
            sink.put(a.id(), region, "guardduty", "list-organization-admin-accounts", null, obj("AdminAccounts",
                    list(obj("AdminAccountId", security.id(), "AdminStatus", "ENABLED"))));
        }
    }

    private void securityHub(Account a, String region) {
        Scope here = new Scope(a.id(), region);
        if (here.equals(org.faults().securityHubOff())) {
            Obj off = error("InvalidAccessException", "Account " + a.id() + " is not subscribed to AWS Security Hub");
            sink.put(a.id(), region, "securityhub", "describe-hub", null, off);
            sink.put(a.id(), region, "securityhub", "get-enabled-standards", null, off);
            sink.put(a.id(), region, "securityhub", "get-administrator-account", null, off);
            return;
        }
        long subscribed = org.startMillis() - 380 * DAY;
        sink.put(a.id(), region, "securityhub", "describe-hub", null, obj("HubArn", "arn:aws:securityhub:" + region + ":"
                        + a.id() + ":hub/default", "SubscribedAt", isoZ(subscribed), "AutoEnableControls", true,
                "ControlFindingGenerator", "SECURITY_CONTROL"));
        if (here.equals(org.faults().accessDenied())) {
            sink.put(a.id(), region, "securityhub", "get-enabled-standards", null, error("AccessDeniedException",
                    "User: arn:aws:sts::" + a.id() + ":assumed-role/vigil-posture-reader/vigil is not authorized to "
                            + "perform: securityhub:GetEnabledStandards because no identity-based policy allows the "
                            + "securityhub:GetEnabledStandards action"));
        } else {
            sink.put(a.id(), region, "securityhub", "get-enabled-standards", null, obj("StandardsSubscriptions", list(
                    standard(a, region, "aws-foundational-security-best-practices/v/1.0.0"),
                    standard(a, region, "cis-aws-foundations-benchmark/v/3.0.0"))));
        }
        Obj admin = a.equals(security) ? empty() : obj("Administrator", obj("AccountId", security.id(),
                "MemberStatus", "Enabled", "InvitationId", Payloads.stableHex("shinv" + a.id(), 32),
                "InvitedAt", isoZ(subscribed)));
        sink.put(a.id(), region, "securityhub", "get-administrator-account", null, admin);
        if (a.equals(management)) {
            sink.put(a.id(), region, "securityhub", "list-organization-admin-accounts", null, obj("AdminAccounts",
                    list(obj("AccountId", security.id(), "Status", "ENABLED"))));
        }
    }

    private static Obj standard(Account a, String region, String name) {
        return obj("StandardsSubscriptionArn", "arn:aws:securityhub:" + region + ":" + a.id() + ":subscription/" + name,
                "StandardsArn", "arn:aws:securityhub:" + region + "::standards/" + name, "StandardsInput", empty(),
                "StandardsStatus", "READY");
    }
}
