package dev.vigil.sim;

import dev.vigil.sim.Estate.Account;
import dev.vigil.sim.Estate.Trail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The simulated organisation's configuration at the end of the simulated period, as the posture exports describe
 * it: the resources AWS Config records, the account and region settings the supplementary CLI exports show, and
 * the deliberate misconfigurations ({@link Flaw}s) planted in them. Built by {@link PostureOrgFactory} from the
 * {@link Estate} and the seed; both the Config export and the CLI export read this one model, so the two always
 * agree with each other and with the labels.
 *
 * @param estate       the simulated organisation (accounts, buckets, trails, principals)
 * @param startMillis  start of the simulated period
 * @param endMillis    end of the simulated period: exports are taken just before it
 * @param regions      the enabled regions (the estate's regions)
 * @param rootId       the organisation root id, {@code r-xxxx}
 * @param trails       CloudTrail trails and their state at the end
 * @param keys         customer managed KMS keys
 * @param buckets      S3 buckets
 * @param vpcs         VPCs with their security groups and flow logs
 * @param volumes      EBS volumes
 * @param databases    RDS instances
 * @param tables       DynamoDB tables
 * @param plans        AWS Backup plans
 * @param scps         service control policies and what they are attached to
 * @param users        IAM users (for Config and the credential report)
 * @param changes      configuration changes during the period (the Config history)
 * @param faults       account/region settings that are deliberately wrong or unexportable
 * @param flaws        every deliberate misconfiguration, as labelled in {@code posture-labels.jsonl}
 * @param policy       the organisation's posture policy answers
 * @param fleet        the instances and NAT gateways in the VPCs (their security groups are in {@code vpcs})
 */
record PostureOrg(Estate estate, long startMillis, long endMillis, List<String> regions, String rootId,
                  List<TrailState> trails, List<Key> keys, List<BucketSetup> buckets, List<Vpc> vpcs,
                  List<Volume> volumes, List<Database> databases, List<Table> tables, List<BackupPlan> plans,
                  List<Scp> scps, List<User> users, List<Change> changes, Faults faults, List<Flaw> flaws,
                  Policy policy, Fleet fleet) {

    /** Regions AWS lists that the organisation has not opted into (describe-regions shows them). */
    static final List<String> NOT_OPTED_IN = List.of("af-south-1", "ap-east-1", "me-south-1");
    /** The region of the one resource that breaks the data-residency rule. */
    static final String STRAY_REGION = "ap-southeast-1";

    /** One account and region, or one account and {@code global}. */
    record Scope(String account, String region) {
        String text() {
            return account + "/" + region;
        }
    }

    /**
     * A deliberate misconfiguration: the check that should FAIL and where.
     *
     * @param resource the ARN the check reports, or {@code account/region} for account-level checks
     */
    record Flaw(String check, String account, String region, String resource, String why) {
    }

    /** A trail and what get-trail-status reports for it at the end of the period. */
    record TrailState(Trail trail, boolean multiRegion, String keyArn, String logGroup, String roleArn,
                      boolean logging, long lastDeliveryMillis, Long stoppedMillis, List<String> dataEventBuckets) {
        String logGroupArn() {
            return "arn:aws:logs:" + trail.region() + ":" + trail.account().id() + ":log-group:" + logGroup + ":*";
        }
    }

    record Key(Account account, String region, String id, String description, boolean rotation, long createdMillis) {
        String arn() {
            return "arn:aws:kms:" + region + ":" + account.id() + ":key/" + id;
        }
    }

    /** What writes into a bucket, which decides the service statements in its policy. */
    enum BucketRole { DATA, CLOUDTRAIL, ACCESS_LOGS, FLOW_LOGS, CONFIG }

    /**
     * An S3 bucket's settings.
     *
     * @param kmsKeyArn       SSE-KMS key, or null for SSE-S3
     * @param tlsOnly         whether the policy denies requests without TLS
     * @param hasPolicy       whether the bucket has a policy at all
     * @param loggingTarget   server access logging target bucket, or null
     * @param replicaArn      replication destination bucket ARN, or null
     * @param objectLock      object lock in compliance mode
     */
    record BucketSetup(String name, Account account, String region, BucketRole role, String kmsKeyArn,
                       boolean tlsOnly, boolean hasPolicy, String loggingTarget, String replicaArn,
                       boolean objectLock, Map<String, String> tags, long createdMillis) {
        String arn() {
            return "arn:aws:s3:::" + name;
        }
    }

    /** An ingress rule: from a CIDR or from another security group. */
    record Ingress(String protocol, int from, int to, String cidr, String sourceGroup, String description) {
    }

    record SecurityGroup(String id, String name, String description, List<Ingress> ingress) {
    }

    record Vpc(Account account, String region, String id, String cidr, String flowLogId, List<SecurityGroup> groups,
               String flowLogBucketArn) {
        String arn() {
            return "arn:aws:ec2:" + region + ":" + account.id() + ":vpc/" + id;
        }
    }

    record Volume(Account account, String region, String id, String name, boolean encrypted, String kmsKeyArn,
                  int sizeGiB, String availabilityZone, long createdMillis) {
        String arn() {
            return "arn:aws:ec2:" + region + ":" + account.id() + ":volume/" + id;
        }
    }

    record Database(Account account, String region, String id, String resourceId, boolean publiclyAccessible,
                    int backupRetentionDays, boolean multiAz, String kmsKeyArn, String vpcId, String securityGroupId,
                    long createdMillis) {
        String arn() {
            return "arn:aws:rds:" + region + ":" + account.id() + ":db:" + id;
        }
    }

    record Table(Account account, String region, String name, String kmsKeyArn, boolean pitr, long createdMillis) {
        String arn() {
            return "arn:aws:dynamodb:" + region + ":" + account.id() + ":table/" + name;
        }
    }

    /** A backup plan with one daily rule; {@code copyRegion} null means no cross-region copy. */
    record BackupPlan(Account account, String region, String id, String name, String versionId, String ruleId,
                      int retentionDays, String copyRegion, String selectionId, long createdMillis) {
        String arn() {
            return "arn:aws:backup:" + region + ":" + account.id() + ":backup-plan:" + id;
        }

        String vault() {
            return account.role() + "-vault";
        }
    }

    /** An SCP, its JSON content and its targets (root id or account ids). */
    record Scp(String id, String name, String description, boolean awsManaged, String content, List<String> targets) {
    }

    /**
     * An IAM user as the credential report and Config see it.
     *
     * @param passwordUsedMillis last console sign-in, or null when never
     * @param keyUsedMillis      last use of the access key, or null when never (or no key)
     */
    record User(Account account, String name, String id, long createdMillis, boolean password, boolean mfa,
                String accessKeyId, Long passwordUsedMillis, Long keyUsedMillis, List<String> managedPolicies) {
        String arn() {
            return "arn:aws:iam::" + account.id() + ":user/" + name;
        }
    }

    /**
     * A change Config recorded: the resource id, the time Config captured the new state (a little after the API
     * call that made it) and what changed, in the words {@link #ingressAdded} and {@link #policyAttached} build.
     */
    record Change(String resourceType, String resourceId, Account account, String region, long timeMillis,
                  String what) {

        static final String POLICY_PUBLIC = "policy-public";
        static final String POLICY_FIXED = "policy-fixed";
        private static final String ATTACH = "attach ";

        static String ingressAdded(Ingress rule) {
            return "ingress " + rule.from() + " from " + rule.cidr();
        }

        static String policyAttached(String policyName) {
            return ATTACH + policyName;
        }

        /** Whether this change added the rule (so the state before it lacks the rule). */
        boolean adds(Ingress rule) {
            return rule.cidr() != null && what.equals(ingressAdded(rule));
        }

        /** The policy name this change attached, or null. */
        String attachedPolicy() {
            return what.startsWith(ATTACH) ? what.substring(ATTACH.length()) : null;
        }
    }

    /**
     * Settings that differ from the good default in one place, plus the one export that failed.
     *
     * @param guardDutySuspended    GuardDuty detector suspended here
     * @param configStopped         Config recorder stopped here (so no snapshot is delivered)
     * @param securityHubOff        Security Hub not enabled here
     * @param accessDenied          where securityhub get-enabled-standards was denied
     * @param rootKeysAccount       account whose root user still has an access key
     * @param rootUsedMillis        last root console sign-in per account (from the root-usage scenario)
     */
    record Faults(Scope guardDutySuspended, Scope configStopped, Scope securityHubOff, Scope accessDenied,
                  String rootKeysAccount, Map<String, Long> rootUsedMillis) {
    }

    /** The organisation's answers written to {@code posture-policy.yaml}. */
    record Policy(String logArchiveAccount, String securityAccount, List<String> enabledRegions,
                  List<String> allowedRegions, List<String> criticalBuckets, String criticalTag,
                  List<String> dataEventBuckets, Map<String, List<String>> expectedScps) {
    }

    /** The first change Config recorded for a resource id during the period, or null. */
    Change firstChange(String resourceId) {
        for (Change c : changes) {
            if (c.resourceId().equals(resourceId)) {
                return c;
            }
        }
        return null;
    }

    /** The last change Config recorded for a resource id during the period, or null. */
    Change lastChange(String resourceId) {
        Change last = null;
        for (Change c : changes) {
            if (c.resourceId().equals(resourceId)) {
                last = c;
            }
        }
        return last;
    }

    Account account(String role) {
        return estate.account(role);
    }

    /** The VPC of an account and region, or null when it has none. */
    Vpc vpc(Account account, String region) {
        for (Vpc v : vpcs) {
            if (v.account().equals(account) && v.region().equals(region)) {
                return v;
            }
        }
        return null;
    }

    /** The fleet placed in its VPCs, with private addresses and security groups resolved. */
    List<Host> hosts() {
        List<Host> out = new ArrayList<>();
        for (Fleet.Instance i : fleet.instances()) {
            Vpc v = vpc(i.account(), i.region());
            List<SecurityGroup> groups = v.groups().stream()
                    .filter(g -> i.groupNames().stream().anyMatch(n -> g.name().equals(i.account().role() + "-" + n)))
                    .toList();
            out.add(new Host(i, v, i.privateIp(v.cidr()), groups));
        }
        return out;
    }

    /**
     * An instance or NAT gateway in its VPC.
     *
     * @param privateIp its primary private address
     * @param groups    its security groups (none for a NAT gateway)
     */
    record Host(Fleet.Instance instance, Vpc vpc, String privateIp, List<SecurityGroup> groups) {

        /** Whether the security groups admit new inbound traffic from {@code source} to {@code port}. */
        boolean admits(String protocol, int port, String source) {
            for (SecurityGroup g : groups) {
                for (Ingress rule : g.ingress()) {
                    if (Fleet.allows(rule, protocol, port, source)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
