package dev.vigil.sim;

import dev.vigil.sim.Estate.Account;
import dev.vigil.sim.Estate.Bucket;
import dev.vigil.sim.Estate.Trail;
import dev.vigil.sim.Estate.Workload;
import dev.vigil.sim.PostureOrg.BackupPlan;
import dev.vigil.sim.PostureOrg.BucketRole;
import dev.vigil.sim.PostureOrg.BucketSetup;
import dev.vigil.sim.PostureOrg.Change;
import dev.vigil.sim.PostureOrg.Database;
import dev.vigil.sim.PostureOrg.Faults;
import dev.vigil.sim.PostureOrg.Flaw;
import dev.vigil.sim.PostureOrg.Ingress;
import dev.vigil.sim.PostureOrg.Key;
import dev.vigil.sim.PostureOrg.Scope;
import dev.vigil.sim.PostureOrg.Scp;
import dev.vigil.sim.PostureOrg.SecurityGroup;
import dev.vigil.sim.PostureOrg.Table;
import dev.vigil.sim.PostureOrg.TrailState;
import dev.vigil.sim.PostureOrg.User;
import dev.vigil.sim.PostureOrg.Volume;
import dev.vigil.sim.PostureOrg.Vpc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.vigil.sim.Json.list;
import static dev.vigil.sim.Json.obj;

/**
 * Decides the simulated organisation's configuration: everything set up well, except a fixed list of deliberate
 * misconfigurations, each recorded as a {@link Flaw} at the moment it is planted so the labels cannot drift from
 * the data. Ids come from the seed; times from the simulated period and the scenario records (the trail the
 * attacker stopped, the security group the approved change opened, the root sign-in), so the posture exports tell
 * the same story as the CloudTrail logs.
 */
final class PostureOrgFactory {

    /** Mixed into the seed so posture ids never repeat the CloudTrail records' ids. */
    private static final long SALT = 0x706f7374757265L;
    private static final long DAY = 86_400_000L;
    static final String CRITICAL_TAG_KEY = "data-classification";
    static final String CRITICAL_TAG_VALUE = "critical";
    /** CloudWatch Logs deliveries older than this fail the trail check (the policy file says the same). */
    static final long TRAIL_DELIVERY_MAX_AGE = DAY;

    private final Estate estate;
    private final Ids ids;
    private final long start;
    private final long end;
    private final List<LabelledRecord> scenario;
    private final List<Flaw> flaws = new ArrayList<>();
    private final String slug;
    private final Fleet fleet;

    private PostureOrgFactory(Estate estate, long seed, long start, long end, List<LabelledRecord> scenario,
                              Fleet fleet) {
        this.fleet = fleet;
        this.estate = estate;
        this.ids = new Ids(Ids.mix(seed, SALT));
        this.start = start;
        this.end = end;
        this.scenario = scenario;
        this.slug = estate.domain().substring(0, estate.domain().indexOf('.'));
    }

    static PostureOrg build(Estate estate, long seed, long startMillis, long endMillis,
                            List<LabelledRecord> scenarioRecords, Fleet fleet) {
        return new PostureOrgFactory(estate, seed, startMillis, endMillis, List.copyOf(scenarioRecords), fleet)
                .build();
    }

    private PostureOrg build() {
        Account management = estate.account("management");
        Account logArchive = estate.account("log-archive");
        Account security = estate.account("security");
        Account prod = estate.account("prod");
        Account dev = estate.account("dev");
        String rootId = "r-" + ids.lowerAlnum(4);

        List<Key> keys = keys(management, security);
        Key trailKey = keys.getFirst();
        List<BucketSetup> buckets = buckets(logArchive, prod, keys);
        List<TrailState> trails = trails(trailKey, keys, buckets);
        List<Vpc> vpcs = vpcs(buckets);
        List<Volume> volumes = volumes();
        List<Database> databases = databases(keys, vpcs);
        List<Table> tables = tables(keys, dev);
        List<BackupPlan> plans = plans();
        List<Scp> scps = scps(rootId, prod);
        List<User> users = users();
        List<Change> changes = changes(vpcs, buckets);
        Faults faults = faults(management, logArchive, prod, dev);
        cloudWatchFlaws(management);

        List<String> critical = buckets.stream()
                .filter(b -> b.account().equals(prod) && (b.name().endsWith("-prod-customer-exports")
                        || b.name().endsWith("-prod-terraform-state")))
                .map(BucketSetup::name).toList();
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put(rootId, List.of("FullAWSAccess", "deny-leave-organization", "region-allow-list"));
        expected.put(prod.id(), List.of("deny-backup-deletion"));
        PostureOrg.Policy policy = new PostureOrg.Policy(logArchive.id(), security.id(), estate.regions(),
                estate.regions(), critical, CRITICAL_TAG_KEY + "=" + CRITICAL_TAG_VALUE,
                List.of(estate.cast().sensitiveBucket().name()), expected);
        return new PostureOrg(estate, start, end, estate.regions(), rootId, trails, keys, buckets, vpcs, volumes,
                databases, tables, plans, scps, users, changes, faults, flaws, policy, fleet);
    }

    private void flaw(String check, String account, String region, String resource, String why) {
        flaws.add(new Flaw(check, account, region, resource, why));
    }

    private long before(int minDays, int maxDays) {
        return start - (minDays + ids.random().nextInt(maxDays - minDays + 1)) * DAY
                - ids.random().nextInt(86_400) * 1000L;
    }

    // ---- KMS -------------------------------------------------------------------------------------------------

    private List<Key> keys(Account management, Account security) {
        List<Key> keys = new ArrayList<>();
        keys.add(new Key(management, Estate.HOME_REGION, ids.uuid(), "organization-trail log file encryption", true,
                before(300, 400)));
        for (Workload w : estate.workloads()) {
            keys.add(new Key(w.account(), w.region(), w.kmsKeyId(), w.name() + " data key", true, before(120, 400)));
        }
        // a key no workload uses: the CloudTrail logs' automatic RotateKey events only ever name workload keys
        Key legacy = new Key(security, Estate.HOME_REGION, ids.uuid(), "findings archive key (legacy)", false,
                before(500, 700));
        keys.add(legacy);
        flaw("kms.key_rotation", security.id(), legacy.region(), legacy.arn(),
                "The legacy findings archive key was created before the rotation standard and never had rotation "
                        + "turned on.");
        return keys;
    }

    private Key keyOf(List<Key> keys, Account account, String workload) {
        return keys.stream().filter(k -> k.account().equals(account) && k.description().equals(workload + " data key"))
                .findFirst().orElseThrow(() -> new IllegalStateException("no key for " + workload));
    }

    // ---- S3 --------------------------------------------------------------------------------------------------

    private List<BucketSetup> buckets(Account logArchive, Account prod, List<Key> keys) {
        Bucket sensitive = estate.cast().sensitiveBucket();
        String trailBucket = estate.trails().getFirst().bucket();
        String accessLogs = estate.cast().accountTrail().bucket();
        String replicaName = sensitive.name() + "-replica";
        String trailDr = slug + "-org-cloudtrail-dr-" + logArchive.id();
        List<BucketSetup> out = new ArrayList<>();
        for (Bucket b : estate.buckets()) {
            BucketRole role = b.name().equals(trailBucket) ? BucketRole.CLOUDTRAIL
                    : b.name().equals(accessLogs) ? BucketRole.ACCESS_LOGS : BucketRole.DATA;
            boolean home = b.region().equals(Estate.HOME_REGION);
            String logging = !home ? null : role == BucketRole.ACCESS_LOGS ? trailBucket : accessLogs;
            String kms = b.sensitive() ? keyOf(keys, prod, "nightly-report").arn() : null;
            boolean noPolicy = b.account().role().equals("dev") && !home;
            Map<String, String> tags = new LinkedHashMap<>();
            String replica = null;
            if (role == BucketRole.CLOUDTRAIL) {
                tags.put(CRITICAL_TAG_KEY, CRITICAL_TAG_VALUE);
                replica = "arn:aws:s3:::" + trailDr;
            } else if (b.sensitive()) {
                tags.put(CRITICAL_TAG_KEY, "restricted");
                replica = "arn:aws:s3:::" + replicaName;
            }
            tags.put("owner", b.account().role());
            BucketSetup setup = new BucketSetup(b.name(), b.account(), b.region(), role, kms, !noPolicy, !noPolicy,
                    logging, replica, role != BucketRole.DATA, tags, before(200, 700));
            out.add(setup);
            if (noPolicy) {
                flaw("s3.tls_only", b.account().id(), b.region(), setup.arn(),
                        "The bucket has no bucket policy, so requests over plain HTTP are not denied.");
            }
            if (b.name().endsWith("-prod-terraform-state")) {
                flaw("s3.critical_bucket_replication", b.account().id(), b.region(), setup.arn(),
                        "The posture policy lists this bucket as critical but it has no replication rule.");
            }
        }
        out.add(new BucketSetup(slug + "-vpc-flow-logs-" + logArchive.id(), logArchive, Estate.HOME_REGION,
                BucketRole.FLOW_LOGS, null, true, true, accessLogs, null, true, Map.of("owner", "log-archive"),
                before(300, 500)));
        out.add(new BucketSetup(slug + "-aws-config-" + logArchive.id(), logArchive, Estate.HOME_REGION,
                BucketRole.CONFIG, null, true, true, accessLogs, null, true, Map.of("owner", "log-archive"),
                before(300, 500)));
        out.add(new BucketSetup(trailDr, logArchive, "eu-west-1", BucketRole.DATA, null, true, true, null, null, true,
                Map.of("owner", "log-archive"), before(200, 300)));
        out.add(new BucketSetup(replicaName, prod, "eu-west-1", BucketRole.DATA, null, true, true, null, null, false,
                Map.of("owner", "prod"), before(100, 200)));
        return out;
    }

    // ---- CloudTrail ------------------------------------------------------------------------------------------

    private List<TrailState> trails(Key trailKey, List<Key> keys, List<BucketSetup> buckets) {
        List<String> dataEvents = List.of(estate.cast().sensitiveBucket().name());
        List<TrailState> out = new ArrayList<>();
        for (Trail t : estate.trails()) {
            String roleArn = "arn:aws:iam::" + t.account().id() + ":role/cloudtrail-to-cloudwatch-logs";
            if (t.organization()) {
                out.add(new TrailState(t, true, trailKey.arn(), "/org/cloudtrail", roleArn, true,
                        end - 2 * 60_000L - ids.random().nextInt(120_000), null, dataEvents));
                continue;
            }
            Optional<LabelledRecord> stop = step(LeakedAccessKeyScenario.ID, "stop-logging");
            long stopped = stop.map(r -> r.record().timeMillis()).orElse(0L);
            long last = stop.isPresent() ? stopped + 60_000L : end - 3 * 60_000L;
            TrailState state = new TrailState(t, false, keyOf(keys, t.account(), "nightly-report").arn(),
                    "/" + t.account().role() + "/cloudtrail-data-events", roleArn, stop.isEmpty(), last,
                    stop.isPresent() ? stopped : null, dataEvents);
            out.add(state);
            if (end - last > TRAIL_DELIVERY_MAX_AGE) {
                flaw("cloudtrail.cloudwatch_logs", t.account().id(), t.region(), t.arn(),
                        "The attacker stopped this trail more than a day before the end, so CloudWatch Logs has "
                                + "received nothing from it since.");
            }
        }
        return out;
    }

    private Optional<LabelledRecord> step(String scenarioId, String stepName) {
        return scenario.stream().filter(r -> r.scenario().equals(scenarioId) && r.step().equals(stepName)).findFirst();
    }

    // ---- VPC -------------------------------------------------------------------------------------------------

    private List<Vpc> vpcs(List<BucketSetup> buckets) {
        String flowBucket = buckets.stream().filter(b -> b.role() == BucketRole.FLOW_LOGS).findFirst().orElseThrow()
                .arn();
        List<Vpc> out = new ArrayList<>();
        int octet = 40;
        for (Account a : workloadAccounts()) {
            Set<String> regions = new LinkedHashSet<>();
            estate.workloadsIn(a).forEach(w -> regions.add(w.region()));
            for (String region : regions) {
                String cidr = "10." + octet++ + ".0.0/16";
                String vpcId = "vpc-" + ids.hex(17);
                List<SecurityGroup> groups = new ArrayList<>();
                String app = "sg-" + ids.hex(17);
                groups.add(new SecurityGroup(app, a.role() + "-app", "Application tier of " + a.role(),
                        List.of(new Ingress("tcp", 443, 443, cidr, null, "HTTPS inside the VPC"))));
                Optional<Workload> orders = estate.workloadsIn(a).stream()
                        .filter(w -> w.name().equals("orders-api") && w.region().equals(region)).findFirst();
                if (orders.isPresent()) {
                    groups.add(new SecurityGroup(dbGroupId(orders.get()), "orders-api-db",
                            "orders-api database", dbIngress(a, app)));
                }
                groups.addAll(fleet.groupsOf(a, region));
                boolean noFlowLog = a.role().equals("dev") && !region.equals(Estate.HOME_REGION);
                Vpc vpc = new Vpc(a, region, vpcId, cidr, noFlowLog ? null : "fl-" + ids.hex(17), groups, flowBucket);
                out.add(vpc);
                if (noFlowLog) {
                    flaw("vpc.flow_logs_enabled", a.id(), region, vpc.arn(),
                            "The " + a.role() + " workload VPC in " + region + " has no flow log.");
                }
            }
        }
        return out;
    }

    /** The same id the approved-change scenario's CloudTrail records use for this group. */
    static String dbGroupId(Workload w) {
        return "sg-" + Payloads.stableHex(w.name() + w.account().id() + "db", 17);
    }

    private List<Ingress> dbIngress(Account a, String appGroup) {
        List<Ingress> rules = new ArrayList<>();
        rules.add(new Ingress("tcp", 5432, 5432, null, appGroup, "from the application tier"));
        if (a.equals(estate.cast().changedWorkload().account())
                && step(ApprovedChangeScenario.ID, "modify-security-group").isPresent()) {
            rules.add(new Ingress("tcp", 5432, 5432, ApprovedChangeScenario.PRIVATE_CIDR, null,
                    estate.cast().changedWorkload().name() + " lambdas to database"));
        }
        if (a.role().equals("dev")) {
            rules.add(new Ingress("tcp", 5432, 5432, estate.corporateIps().getFirst() + "/32", null, "office"));
        }
        return rules;
    }

    // ---- EBS, RDS, DynamoDB, Backup --------------------------------------------------------------------------

    private List<Volume> volumes() {
        List<Volume> out = new ArrayList<>();
        for (Account a : workloadAccounts()) {
            String ebsKey = "arn:aws:kms:" + Estate.HOME_REGION + ":" + a.id() + ":key/" + ids.uuid();
            int hosts = a.role().equals("prod") ? 2 : 1;
            for (int i = 1; i <= hosts; i++) {
                out.add(new Volume(a, Estate.HOME_REGION, "vol-" + ids.hex(17), a.role() + "-cluster-host-" + i, true,
                        ebsKey, 30, Estate.HOME_REGION + (i % 2 == 1 ? "a" : "b"), before(20, 90)));
            }
            if (a.role().equals("dev")) {
                Volume cache = new Volume(a, Estate.HOME_REGION, "vol-" + ids.hex(17), "dev-build-cache", false, null,
                        100, Estate.HOME_REGION + "a", before(400, 600));
                out.add(cache);
                flaw("ebs.volume_encryption", a.id(), cache.region(), cache.arn(),
                        "The build cache volume predates default EBS encryption and was never re-created encrypted.");
            }
        }
        return out;
    }

    private List<Database> databases(List<Key> keys, List<Vpc> vpcs) {
        List<Database> out = new ArrayList<>();
        for (Account a : workloadAccounts()) {
            Workload orders = estate.workloadsIn(a).stream().filter(w -> w.name().equals("orders-api")).findFirst()
                    .orElseThrow();
            Vpc vpc = vpcs.stream().filter(v -> v.account().equals(a) && v.region().equals(orders.region()))
                    .findFirst().orElseThrow();
            boolean dev = a.role().equals("dev");
            Database db = new Database(a, orders.region(), a.role() + "-orders-db", "db-" + ids.upperAlnum(26),
                    dev, dev ? 1 : a.role().equals("prod") ? 14 : 7, !dev, keyOf(keys, a, "orders-api").arn(),
                    vpc.id(), dbGroupId(orders), before(100, 500));
            out.add(db);
            if (dev) {
                flaw("rds.not_publicly_accessible", a.id(), db.region(), db.arn(),
                        "The dev orders database is publicly accessible so developers can reach it from the office.");
                flaw("rds.backup_retention", a.id(), db.region(), db.arn(),
                        "Automated backups of the dev orders database are kept for only 1 day.");
                flaw("rds.multi_az", a.id(), db.region(), db.arn(),
                        "The dev orders database runs in a single Availability Zone.");
            }
        }
        return out;
    }

    private List<Table> tables(List<Key> keys, Account dev) {
        List<Table> out = new ArrayList<>();
        for (Workload w : estate.workloads()) {
            out.add(new Table(w.account(), w.region(), w.table(), keyOf(keys, w.account(), w.name()).arn(), true,
                    before(60, 400)));
        }
        Table stray = new Table(dev, PostureOrg.STRAY_REGION, "dev-latency-probe-table",
                "arn:aws:kms:" + PostureOrg.STRAY_REGION + ":" + dev.id() + ":key/" + ids.uuid(), true, before(5, 15));
        out.add(stray);
        flaw("residency.allowed_regions", dev.id(), stray.region(), stray.arn(),
                "A latency experiment left a table in " + stray.region() + ", outside the allowed regions.");
        return out;
    }

    private List<BackupPlan> plans() {
        List<BackupPlan> out = new ArrayList<>();
        for (Account a : workloadAccounts()) {
            boolean dev = a.role().equals("dev");
            BackupPlan plan = new BackupPlan(a, Estate.HOME_REGION, ids.uuid(), a.role() + "-daily",
                    ids.alnum(32), ids.uuid(), a.role().equals("prod") ? 35 : 14, dev ? null : "eu-west-1",
                    ids.uuid(), before(100, 300));
            out.add(plan);
            if (dev) {
                flaw("backup.plan_rules", a.id(), plan.region(), plan.arn(),
                        "The dev backup plan keeps its recovery points only in " + plan.region()
                                + ": no rule copies them to another region.");
            }
        }
        return out;
    }

    // ---- Organizations, IAM ----------------------------------------------------------------------------------

    private List<Scp> scps(String rootId, Account prod) {
        List<String> regions = estate.regions();
        List<Scp> out = new ArrayList<>();
        out.add(new Scp("p-FullAWSAccess", "FullAWSAccess", "Allows access to every operation", true,
                TreeJson.string(obj("Version", "2012-10-17", "Statement", list(obj("Effect", "Allow", "Action", "*",
                        "Resource", "*")))), List.of(rootId)));
        out.add(new Scp("p-" + ids.lowerAlnum(8), "deny-leave-organization",
                "Member accounts cannot leave the organisation", false,
                TreeJson.string(obj("Version", "2012-10-17", "Statement", list(obj("Sid", "DenyLeave",
                        "Effect", "Deny", "Action", "organizations:LeaveOrganization", "Resource", "*")))),
                List.of(rootId)));
        out.add(new Scp("p-" + ids.lowerAlnum(8), "region-allow-list",
                "Regional services only in the organisation's regions", false,
                TreeJson.string(obj("Version", "2012-10-17", "Statement", list(obj("Sid", "DenyOtherRegions",
                        "Effect", "Deny", "NotAction", list("iam:*", "organizations:*", "sts:*", "support:*",
                                "cloudfront:*", "route53:*", "budgets:*"),
                        "Resource", "*", "Condition", obj("StringNotEquals",
                                obj("aws:RequestedRegion", List.copyOf(regions))))))),
                List.of(rootId)));
        Scp backups = new Scp("p-" + ids.lowerAlnum(8), "deny-backup-deletion",
                "Recovery points and vaults cannot be deleted", false,
                TreeJson.string(obj("Version", "2012-10-17", "Statement", list(obj("Sid", "DenyBackupDeletion",
                        "Effect", "Deny", "Action", list("backup:DeleteRecoveryPoint", "backup:DeleteBackupVault",
                                "backup:DeleteBackupPlan", "backup:UpdateRecoveryPointLifecycle"),
                        "Resource", "*")))), List.of());
        out.add(backups);
        flaw("organizations.expected_scps", prod.id(), "global", prod.id(),
                "The policy expects deny-backup-deletion on the prod account; the SCP exists but is attached nowhere.");
        return out;
    }

    private List<User> users() {
        List<User> out = new ArrayList<>();
        for (Principal p : estate.principals()) {
            if (p.kind() != Principal.Kind.IAM_USER) {
                continue;
            }
            boolean contractor = p == estate.cast().bruteForceTarget();
            Long signedIn = contractor
                    ? step(ConsoleBruteForceScenario.ID, "successful-login").map(r -> r.record().timeMillis()).orElse(null)
                    : Long.valueOf(end - ids.random().nextInt(3_600_000));
            Long keyUsed = p.accessKeyId() == null ? null : Long.valueOf(end - ids.random().nextInt(3_600_000));
            out.add(new User(p.account(), p.name(), p.principalId(), before(200, 900), true, p.mfa(),
                    p.accessKeyId(), signedIn, keyUsed,
                    contractor ? List.of("ReadOnlyAccess") : List.of("AdministratorAccess")));
        }
        Optional<LabelledRecord> created = step(LeakedAccessKeyScenario.ID, "create-user");
        Optional<LabelledRecord> used = scenario.stream()
                .filter(r -> r.scenario().equals(LeakedAccessKeyScenario.ID) && r.step().equals("exfiltration"))
                .reduce((a, b) -> b);
        if (created.isPresent() && used.isPresent() && used.get().record().identity() instanceof Identity.IamUser u) {
            Account account = estate.accounts().stream().filter(a -> a.id().equals(u.accountId())).findFirst()
                    .orElseThrow();
            // the attacker set a console password but only ever used the new key
            out.add(new User(account, u.userName(), u.principalId(), created.get().record().timeMillis(), true, false,
                    u.accessKeyId(), null, used.get().record().timeMillis(), List.of("AdministratorAccess")));
        }
        return out;
    }

    // ---- history, faults, monitoring -------------------------------------------------------------------------

    private List<Change> changes(List<Vpc> vpcs, List<BucketSetup> buckets) {
        List<Change> out = new ArrayList<>();
        Optional<LabelledRecord> opened = step(ApprovedChangeScenario.ID, "modify-security-group");
        if (opened.isPresent()) {
            Workload w = estate.cast().changedWorkload();
            out.add(new Change("AWS::EC2::SecurityGroup", dbGroupId(w), w.account(), w.region(),
                    opened.get().record().timeMillis() + 40_000L, Change.ingressAdded(new Ingress("tcp", 5432, 5432,
                    ApprovedChangeScenario.PRIVATE_CIDR, null, ""))));
        }
        Optional<LabelledRecord> attached = step(ApprovedChangeScenario.ID, "attach-role-policy");
        if (attached.isPresent()) {
            Principal role = estate.cast().changedRole();
            out.add(new Change("AWS::IAM::Role", role.principalId(), role.account(), "global",
                    attached.get().record().timeMillis() + 30_000L, Change.policyAttached(approvedPolicyName())));
        }
        // Config captures each state of the bucket a minute or so after the last call that made it
        String exposed = PublicBucketPolicyScenario.bucket(estate).name();
        BucketSetup state = buckets.stream().filter(b -> b.name().equals(exposed)).findFirst().orElseThrow();
        lastOf(PublicBucketPolicyScenario.ID, PublicBucketPolicyScenario.OPEN).ifPresent(r -> out.add(
                new Change("AWS::S3::Bucket", state.name(), state.account(), state.region(),
                        r.record().timeMillis() + 70_000L, Change.POLICY_PUBLIC)));
        lastOf(PublicBucketPolicyScenario.ID, PublicBucketPolicyScenario.CLOSE).ifPresent(r -> out.add(
                new Change("AWS::S3::Bucket", state.name(), state.account(), state.region(),
                        r.record().timeMillis() + 70_000L, Change.POLICY_FIXED)));
        return out;
    }

    private Optional<LabelledRecord> lastOf(String scenarioId, String stepName) {
        return scenario.stream().filter(r -> r.scenario().equals(scenarioId) && r.step().equals(stepName))
                .reduce((a, b) -> b);
    }

    /** The customer managed policy the approved change attaches (named as in its CloudTrail record). */
    String approvedPolicyName() {
        return estate.cast().changedWorkload().name() + "-dynamodb-read";
    }

    private Faults faults(Account management, Account logArchive, Account prod, Account dev) {
        Scope guardDuty = new Scope(logArchive.id(), "eu-west-1");
        flaw("guardduty.enabled_all_regions", guardDuty.account(), guardDuty.region(), guardDuty.text(),
                "The log-archive detector in eu-west-1 was suspended during a cost review and never resumed.");
        Scope config = new Scope(management.id(), "eu-west-1");
        flaw("config.recorder_all_regions", config.account(), config.region(), config.text(),
                "The Config recorder in the management account's eu-west-1 is stopped.");
        Scope hub = new Scope(dev.id(), "eu-west-1");
        flaw("securityhub.enabled_all_regions", hub.account(), hub.region(), hub.text(),
                "Security Hub was never enabled in the dev account's eu-west-1 (describe-hub: InvalidAccessException).");
        flaw("root.no_access_keys", dev.id(), "global", dev.id() + "/global",
                "The dev account's root user still has an active access key.");
        Map<String, Long> rootUsed = new LinkedHashMap<>();
        step(RootUsageScenario.ID, "console-login").ifPresent(r -> {
            if (r.record().identity() instanceof Identity.Root root) {
                rootUsed.put(root.accountId(), r.record().timeMillis());
                flaw("root.no_recent_use", root.accountId(), "global", root.accountId() + "/global",
                        "The root user signed in to the console during the simulated period (scenario root-usage).");
            }
        });
        return new Faults(guardDuty, config, hub, new Scope(prod.id(), "eu-west-1"), dev.id(), rootUsed);
    }

    /**
     * The organisation trail delivers every account's events to one log group in the management account, so each
     * account's CIS monitoring control is judged on that log group's filters and alarms: a flaw there is a flaw for
     * every account the trail covers.
     */
    private void cloudWatchFlaws(Account management) {
        for (Account covered : estate.accounts()) {
            Scope scope = new Scope(covered.id(), Estate.HOME_REGION);
            String where = covered.id().equals(management.id()) ? "" : " (the organisation trail's log group in the "
                    + "management account serves this account)";
            flaw("cloudwatch.unauthorized_api_calls", scope.account(), scope.region(), scope.text(),
                    "The metric filter joins its two error-code conditions with && instead of ||, so it never matches"
                            + where + ".");
            flaw("cloudwatch.nacl_changes", scope.account(), scope.region(), scope.text(),
                    "There is no metric filter and alarm for network ACL changes" + where + ".");
            flaw("cloudwatch.organizations_changes", scope.account(), scope.region(), scope.text(),
                    "The alarm notifies a topic whose only subscription is still pending confirmation" + where + ".");
        }
    }

    private List<Account> workloadAccounts() {
        return estate.accounts().stream()
                .filter(a -> a.role().equals("prod") || a.role().equals("staging") || a.role().equals("dev"))
                .toList();
    }
}
