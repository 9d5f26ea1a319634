package dev.vigil.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The posture exports of the demo organisation: AWS Config's S3 layout and item shape, the supplementary CLI
 * exports' layout and coverage, labels that name contract checks and resources that exist, and the same bytes
 * for the same seed.
 */
class PostureExportTest {

    /** The check ids of the posture contract; a label naming anything else is a typo the e2e test would miss. */
    static final Set<String> CONTRACT_CHECKS = Set.of(
            "cloudtrail.multi_region_trail", "cloudtrail.centralised_archive", "cloudtrail.log_file_validation",
            "cloudtrail.kms_encryption", "cloudtrail.cloudwatch_logs", "cloudtrail.bucket_not_public",
            "cloudtrail.bucket_access_logging", "cloudtrail.bucket_versioning_protection", "cloudtrail.s3_data_events",
            "cloudwatch.unauthorized_api_calls", "cloudwatch.console_signin_without_mfa",
            "cloudwatch.root_account_usage", "cloudwatch.iam_policy_changes", "cloudwatch.cloudtrail_config_changes",
            "cloudwatch.console_auth_failures", "cloudwatch.cmk_disable_or_deletion",
            "cloudwatch.s3_bucket_policy_changes", "cloudwatch.config_changes", "cloudwatch.security_group_changes",
            "cloudwatch.nacl_changes", "cloudwatch.network_gateway_changes", "cloudwatch.route_table_changes",
            "cloudwatch.vpc_changes", "cloudwatch.organizations_changes", "config.recorder_all_regions",
            "config.aggregator", "guardduty.enabled_all_regions", "guardduty.central_administration",
            "guardduty.protection_features", "securityhub.enabled_all_regions", "securityhub.delegated_administrator",
            "securityhub.standards_enabled", "root.mfa_enabled", "root.no_access_keys", "root.no_recent_use",
            "vpc.flow_logs_enabled", "vpc.flow_log_destination", "kms.key_rotation", "kms.no_pending_deletion",
            "kms.no_public_key_policy", "s3.default_encryption", "s3.public_access_block", "s3.tls_only",
            "s3.no_public_access", "s3.critical_bucket_replication", "ebs.volume_encryption", "ebs.default_encryption",
            "ebs.backup_coverage", "rds.storage_encrypted", "rds.not_publicly_accessible", "rds.backup_retention",
            "rds.multi_az", "dynamodb.kms_encryption", "dynamodb.point_in_time_recovery", "backup.plan_rules",
            "organizations.accounts_assessed", "organizations.expected_scps", "residency.allowed_regions");

    /** Calls the contract says the checks may read in every account and enabled region. */
    static final List<String> REGIONAL_CALLS = List.of("cloudtrail.describe-trails", "logs.describe-metric-filters",
            "cloudwatch.describe-alarms", "sns.list-subscriptions", "configservice.describe-configuration-recorders",
            "configservice.describe-configuration-recorder-status", "configservice.describe-configuration-aggregators",
            "guardduty.list-detectors", "securityhub.describe-hub", "securityhub.get-enabled-standards",
            "backup.list-backup-plans", "dlm.get-lifecycle-policies", "ec2.describe-regions",
            "ec2.get-ebs-encryption-by-default", "ec2.describe-flow-logs");
    static final List<String> GLOBAL_CALLS = List.of("iam.get-account-summary", "iam.get-credential-report",
            "s3control.get-public-access-block");

    static final Pattern SNAPSHOT = Pattern.compile("config/AWSLogs/(?<acct>\\d{12})/Config/(?<region>[a-z]{2}-[a-z]+-\\d)/"
            + "(?<y>\\d{4})/(?<m>[1-9]\\d?)/(?<d>[1-9]\\d?)/ConfigSnapshot/\\k<acct>_Config_\\k<region>_ConfigSnapshot_"
            + "(?<ts>\\d{8}T\\d{6}Z)_(?<uuid>[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12})\\.json\\.gz");
    static final Pattern HISTORY = Pattern.compile("config/AWSLogs/(?<acct>\\d{12})/Config/(?<region>[a-z]{2}-[a-z]+-\\d)/"
            + "(?<y>\\d{4})/(?<m>[1-9]\\d?)/(?<d>[1-9]\\d?)/ConfigHistory/\\k<acct>_Config_\\k<region>_ConfigHistory_"
            + "(?<type>AWS::[A-Za-z0-9]+::[A-Za-z0-9]+)_(?<from>\\d{8}T\\d{6}Z)_(?<to>\\d{8}T\\d{6}Z)_1\\.json\\.gz");
    static final Pattern SUPPLEMENT = Pattern.compile("supplementary/(?<acct>\\d{12})/(?<region>global|[a-z]{2}-[a-z]+-\\d)/"
            + "(?<service>[a-z0-9]+)\\.(?<op>[a-z0-9-]+)(?:\\.(?<subject>.+))?\\.json");

    static final EstateSimulator.Options OPTIONS = EstateSimulator.Options.defaults().withEvents(2_000);
    static final ObjectMapper JSON = new ObjectMapper();
    static final java.time.format.DateTimeFormatter STAMP = java.time.format.DateTimeFormatter
            .ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(java.time.ZoneOffset.UTC);

    @TempDir
    static Path dir;
    static Path out;
    static SimulationResult result;
    static List<String> files;
    static final Map<String, JsonNode> snapshotItemsByArnOrId = new HashMap<>();
    static final List<JsonNode> snapshotItems = new ArrayList<>();
    static final List<JsonNode> historyItems = new ArrayList<>();
    static List<JsonNode> labels;

    @BeforeAll
    static void generate() throws IOException {
        out = dir.resolve("out");
        result = EstateSimulator.write(out, OPTIONS, null);
        files = relativeFiles(out);
        for (String f : files) {
            if (SNAPSHOT.matcher(f).matches()) {
                for (JsonNode item : gzipJson(out.resolve(f)).path("configurationItems")) {
                    snapshotItems.add(item);
                    snapshotItemsByArnOrId.put(item.path("ARN").asText(item.path("resourceId").asText()), item);
                }
            } else if (HISTORY.matcher(f).matches()) {
                gzipJson(out.resolve(f)).path("configurationItems").forEach(historyItems::add);
            }
        }
        labels = new ArrayList<>();
        for (String line : Files.readAllLines(result.postureLabelsFile())) {
            labels.add(JSON.readTree(line));
        }
    }

    @Test
    void everyConfigFileSitsAtItsDeliveryKeyWithUnpaddedMonthAndDay() throws IOException {
        List<String> config = files.stream().filter(f -> f.startsWith("config/")).toList();
        assertThat(config).isNotEmpty();
        Instant snapshotAt = OPTIONS.start().plus(OPTIONS.span()).minusMillis(ConfigExport.SNAPSHOT_LEAD_MILLIS);
        String day = snapshotAt.toString().substring(0, 10); // yyyy-MM-dd
        String unpadded = Integer.parseInt(day.substring(0, 4)) + "/" + Integer.parseInt(day.substring(5, 7)) + "/"
                + Integer.parseInt(day.substring(8, 10));
        int snapshots = 0;
        for (String f : config) {
            Matcher s = SNAPSHOT.matcher(f);
            Matcher h = HISTORY.matcher(f);
            assertThat(s.matches() || h.matches()).as(f).isTrue();
            Matcher m = s.matches() ? s : h;
            // a history file is delivered when its window closes: an earlier window's file on that day
            String expected = s.matches() || h.group("to").equals(STAMP.format(snapshotAt)) ? unpadded
                    : Integer.parseInt(h.group("to").substring(0, 4)) + "/"
                    + Integer.parseInt(h.group("to").substring(4, 6)) + "/"
                    + Integer.parseInt(h.group("to").substring(6, 8));
            assertThat(m.group("y") + "/" + m.group("m") + "/" + m.group("d")).as(f).isEqualTo(expected);
            JsonNode body = gzipJson(out.resolve(f));
            assertThat(body.path("fileVersion").asText()).isEqualTo("1.0");
            assertThat(body.path("configurationItems").isArray()).as(f).isTrue();
            if (s.matches()) {
                snapshots++;
                assertThat(body.path("configSnapshotId").asText()).isEqualTo(s.group("uuid"));
                for (JsonNode item : body.path("configurationItems")) {
                    assertThat(item.path("awsAccountId").asText()).isEqualTo(s.group("acct"));
                    String region = item.path("awsRegion").asText();
                    assertThat(region.equals(s.group("region")) || region.equals("global")).as(f).isTrue();
                }
            } else {
                Instant from = STAMP.parse(h.group("from"), Instant::from);
                Instant to = STAMP.parse(h.group("to"), Instant::from);
                for (JsonNode item : body.path("configurationItems")) {
                    assertThat(item.path("resourceType").asText()).isEqualTo(h.group("type"));
                    Instant captured = captured(item);
                    assertThat(captured).as(f).isAfterOrEqualTo(from).isBeforeOrEqualTo(to);
                }
            }
        }
        // every account and enabled region has a snapshot except where the recorder is stopped, plus the stray region
        int accounts = EstateFactory.build(OPTIONS.seed()).accounts().size();
        int regions = EstateFactory.build(OPTIONS.seed()).regions().size();
        assertThat(snapshots).isEqualTo(accounts * regions - 1 + 1);
    }

    @Test
    void itemsHaveConfigsVersion13ShapeWithUpperCaseArnAndObjectConfiguration() {
        assertThat(snapshotItems).hasSizeGreaterThan(50);
        Set<String> types = new TreeSet<>();
        for (JsonNode item : snapshotItems) {
            types.add(item.path("resourceType").asText());
            assertThat(item.path("configurationItemVersion").asText()).isEqualTo("1.3");
            assertThat(item.has("arn")).isFalse();
            assertThat(item.path("configuration").isObject()).as(item.path("resourceId").asText()).isTrue();
            assertThat(item.path("supplementaryConfiguration").isObject()).isTrue();
            assertThat(item.path("configurationStateId").isNumber()).isTrue();
            assertThat(item.path("configurationItemCaptureTime").asText())
                    .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
            assertThat(Instant.parse(item.path("configurationItemCaptureTime").asText()))
                    .isBefore(OPTIONS.start().plus(OPTIONS.span()));
            if (item.has("ARN")) {
                assertThat(item.path("ARN").asText()).startsWith("arn:aws:");
            }
        }
        assertThat(types).contains("AWS::S3::Bucket", "AWS::S3::AccountPublicAccessBlock", "AWS::CloudTrail::Trail",
                "AWS::KMS::Key", "AWS::EC2::VPC", "AWS::EC2::FlowLog", "AWS::EC2::SecurityGroup", "AWS::EC2::Volume",
                "AWS::RDS::DBInstance", "AWS::DynamoDB::Table", "AWS::Backup::BackupPlan",
                "AWS::Backup::BackupSelection", "AWS::IAM::User", "AWS::IAM::Role");
    }

    @Test
    void s3SupplementaryValuesAndIamDocumentsAreEncodedAsConfigWritesThem() throws IOException {
        int buckets = 0;
        int roles = 0;
        for (JsonNode item : snapshotItems) {
            switch (item.path("resourceType").asText()) {
                case "AWS::S3::Bucket" -> {
                    buckets++;
                    JsonNode acl = item.path("supplementaryConfiguration").path("AccessControlList");
                    assertThat(acl.isTextual()).isTrue();
                    assertThat(JSON.readTree(acl.asText()).path("grantList").isArray()).isTrue();
                    JsonNode policy = item.path("supplementaryConfiguration").path("BucketPolicy").path("policyText");
                    if (!policy.isNull()) {
                        assertThat(policy.isTextual()).isTrue();
                        assertThat(JSON.readTree(policy.asText()).path("Statement").isArray()).isTrue();
                    }
                }
                case "AWS::IAM::Role" -> {
                    roles++;
                    String doc = item.path("configuration").path("assumeRolePolicyDocument").asText();
                    assertThat(doc).startsWith("%7B");
                    assertThat(JSON.readTree(URLDecoder.decode(doc, StandardCharsets.UTF_8)).path("Statement").isArray())
                            .isTrue();
                    assertThat(item.path("awsRegion").asText()).isEqualTo("global");
                }
                default -> {
                }
            }
        }
        assertThat(buckets).isGreaterThan(5);
        assertThat(roles).isGreaterThan(5);
    }

    @Test
    void historyShowsTheBucketMadePublicThenFixedAndTheOpenedSecurityGroup() throws IOException {
        Instant start = OPTIONS.start();
        List<JsonNode> bucketStates = itemsOfType("AWS::S3::Bucket");
        assertThat(bucketStates).hasSize(3);
        // the state before the period (captured when the bucket was created), then public, then fixed
        assertThat(captured(bucketStates.get(0))).isBefore(start);
        assertThat(captured(bucketStates.get(1))).isAfter(start);
        String[] policies = bucketStates.stream().map(b -> b.path("supplementaryConfiguration").path("BucketPolicy")
                .path("policyText").asText()).toArray(String[]::new);
        assertThat(policies[0]).contains("DenyInsecureTransport").doesNotContain("TemporaryPublicRead");
        assertThat(policies[1]).contains("TemporaryPublicRead");
        assertThat(policies[2]).isEqualTo(policies[0]);
        JsonNode latest = snapshotItemsByArnOrId.get(bucketStates.get(2).path("ARN").asText());
        assertThat(latest.path("configurationItemCaptureTime")).isEqualTo(bucketStates.get(2)
                .path("configurationItemCaptureTime"));
        List<JsonNode> groups = itemsOfType("AWS::EC2::SecurityGroup");
        assertThat(groups).hasSize(2);
        assertThat(captured(groups.get(0))).isBefore(start);
        assertThat(groups.get(0).toString()).doesNotContain(ApprovedChangeScenario.PRIVATE_CIDR);
        JsonNode group = groups.get(1);
        assertThat(group.toString()).contains(ApprovedChangeScenario.PRIVATE_CIDR);
        Estate estate = EstateFactory.build(OPTIONS.seed());
        List<JsonNode> roles = itemsOfType("AWS::IAM::Role");
        assertThat(roles).hasSize(2);
        assertThat(captured(roles.get(0))).isBefore(start);
        assertThat(roles.get(0).path("configuration").path("attachedManagedPolicies").toString())
                .doesNotContain("-dynamodb-read");
        JsonNode role = roles.get(1);
        assertThat(role.path("resourceName").asText()).isEqualTo(estate.cast().changedRole().name());
        assertThat(role.path("configuration").path("attachedManagedPolicies").toString())
                .contains(estate.cast().changedWorkload().name() + "-dynamodb-read");
        // each changed state is captured within a few minutes after the CloudTrail call that made it
        Map<String, Long> callTimes = new HashMap<>();
        SimulatedOutput.read(out).labelled.values().forEach(r -> callTimes.merge(r.path("eventName").asText(),
                Instant.parse(r.path("eventTime").asText()).toEpochMilli(), Math::max));
        assertThat(captured(group).toEpochMilli() - callTimes.get("AuthorizeSecurityGroupIngress"))
                .isBetween(1L, 5 * 60_000L);
        assertThat(captured(role).toEpochMilli() - callTimes.get("AttachRolePolicy")).isBetween(1L, 5 * 60_000L);
        assertThat(captured(bucketStates.get(2)).toEpochMilli() - callTimes.get("PutBucketPolicy"))
                .isBetween(1L, 5 * 60_000L);
        // the group id is the one the approved-change CloudTrail records name
        String openedInLogs = SimulatedOutput.read(out).labelled.values().stream()
                .filter(r -> r.path("eventName").asText().equals("AuthorizeSecurityGroupIngress"))
                .map(r -> r.path("requestParameters").path("groupId").asText()).findFirst().orElseThrow();
        assertThat(group.path("resourceId").asText()).isEqualTo(openedInLogs);
    }

    private static List<JsonNode> itemsOfType(String type) {
        return historyItems.stream().filter(i -> i.path("resourceType").asText().equals(type))
                .sorted(java.util.Comparator.comparing(PostureExportTest::captured)).toList();
    }

    private static Instant captured(JsonNode item) {
        return Instant.parse(item.path("configurationItemCaptureTime").asText());
    }

    @Test
    void supplementaryExportsFollowTheNamingConventionAndCoverEveryCall() throws IOException {
        List<String> supplementary = files.stream().filter(f -> f.startsWith("supplementary/")).toList();
        Map<String, Set<String>> callsByScope = new HashMap<>();
        for (String f : supplementary) {
            Matcher m = SUPPLEMENT.matcher(f);
            assertThat(m.matches()).as(f).isTrue();
            JsonNode body = JSON.readTree(out.resolve(f).toFile());
            assertThat(body.isObject()).as(f).isTrue();
            callsByScope.computeIfAbsent(m.group("acct") + "/" + m.group("region"), k -> new HashSet<>())
                    .add(m.group("service") + "." + m.group("op"));
        }
        Estate estate = EstateFactory.build(OPTIONS.seed());
        for (Estate.Account a : estate.accounts()) {
            assertThat(callsByScope.get(a.id() + "/global")).as(a.role()).containsAll(GLOBAL_CALLS);
            for (String region : estate.regions()) {
                assertThat(callsByScope.get(a.id() + "/" + region)).as(a.role() + " " + region)
                        .containsAll(REGIONAL_CALLS);
            }
        }
        Estate.Account management = estate.account("management");
        assertThat(callsByScope.get(management.id() + "/global")).contains("organizations.list-accounts",
                "organizations.list-roots", "organizations.list-policies", "organizations.describe-policy",
                "organizations.list-targets-for-policy");
    }

    @Test
    void credentialReportIsBase64CsvAndTrailStatusIsFreshForTheOrganisationTrail() throws IOException {
        Estate estate = EstateFactory.build(OPTIONS.seed());
        Estate.Account management = estate.account("management");
        JsonNode report = JSON.readTree(supplement(management.id(), "global", "iam.get-credential-report.json"));
        String csv = new String(Base64.getDecoder().decode(report.path("Content").asText()), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("user,arn,user_creation_time,password_enabled,password_last_used,");
        assertThat(csv).contains("<root_account>,arn:aws:iam::" + management.id() + ":root,");
        for (Estate.Account a : estate.accounts()) {
            JsonNode r = JSON.readTree(supplement(a.id(), "global", "iam.get-credential-report.json"));
            for (String row : new String(Base64.getDecoder().decode(r.path("Content").asText()), StandardCharsets.UTF_8)
                    .split("\n")) {
                assertThat(row.split(",", -1)).as(row).hasSize(22);
            }
        }
        JsonNode status = JSON.readTree(supplement(management.id(), "us-east-1",
                "cloudtrail.get-trail-status.organization-trail.json"));
        assertThat(status.path("IsLogging").asBoolean()).isTrue();
        Instant delivered = Instant.parse(status.path("LatestCloudWatchLogsDeliveryTime").asText()
                .replace("+00:00", "Z"));
        Instant end = OPTIONS.start().plus(OPTIONS.span());
        assertThat(delivered).isBetween(end.minus(Duration.ofMinutes(10)), end);
    }

    @Test
    void errorExportsRecordWhatFailedWithTheCodeAwsReturns() throws IOException {
        List<String> codes = new ArrayList<>();
        for (String f : files) {
            if (f.startsWith("supplementary/")) {
                JsonNode error = JSON.readTree(out.resolve(f).toFile()).path("Error");
                if (error.isObject()) {
                    codes.add(error.path("Code").asText());
                    assertThat(error.path("Message").asText()).isNotBlank();
                }
            }
        }
        assertThat(codes).containsOnly("InvalidAccessException", "AccessDeniedException");
        assertThat(codes).filteredOn(c -> c.equals("AccessDeniedException")).hasSize(1);
    }

    @Test
    void labelsNameContractChecksInTheExactFormat() {
        // one label per flaw and account it affects (the CloudWatch flaws sit on the organisation trail's log group
        // and so affect every account); 12-25 distinct flaws
        assertThat(labels).hasSizeBetween(12, 60);
        Set<String> checks = new HashSet<>();
        for (JsonNode label : labels) {
            List<String> keys = new ArrayList<>();
            label.fieldNames().forEachRemaining(keys::add);
            assertThat(keys).containsExactly("check", "account", "region", "resource", "why");
            assertThat(CONTRACT_CHECKS).as(label.toString()).contains(label.path("check").asText());
            assertThat(label.path("account").asText()).matches("\\d{12}");
            assertThat(label.path("why").asText()).isNotBlank();
            checks.add(label.path("check").asText());
        }
        assertThat(checks).hasSizeBetween(12, 25);
    }

    @Test
    void everyLabelledResourceExistsInTheSnapshotOrTheExports() throws IOException {
        Estate estate = EstateFactory.build(OPTIONS.seed());
        for (JsonNode label : labels) {
            String account = label.path("account").asText();
            String region = label.path("region").asText();
            String resource = label.path("resource").asText();
            if (resource.startsWith("arn:")) {
                JsonNode item = snapshotItemsByArnOrId.get(resource);
                assertThat(item).as(label.toString()).isNotNull();
                assertThat(item.path("awsAccountId").asText()).isEqualTo(account);
                assertThat(item.path("awsRegion").asText()).isEqualTo(region);
            } else if (resource.equals(account + "/" + region)) {
                assertThat(Files.isDirectory(out.resolve("supplementary").resolve(account).resolve(region)))
                        .as(label.toString()).isTrue();
            } else {
                // an SCP target: the organisation's root or one of its accounts
                assertThat(label.path("check").asText()).isEqualTo("organizations.expected_scps");
                String accounts = supplement(managementAccount(), "global", "organizations.list-accounts.json");
                assertThat(accounts).contains("\"Id\": \"" + resource + "\"");
                assertThat(Files.readString(result.posturePolicyFile())).contains("\"" + resource + "\":");
            }
        }
        assertThat(estate.accounts()).isNotEmpty();
    }

    @Test
    void labelledFlawsAreReallyInTheData() throws IOException {
        for (JsonNode label : labels) {
            String check = label.path("check").asText();
            String account = label.path("account").asText();
            String region = label.path("region").asText();
            JsonNode item = snapshotItemsByArnOrId.get(label.path("resource").asText());
            switch (check) {
                case "ebs.volume_encryption" -> assertThat(item.path("configuration").path("encrypted").asBoolean())
                        .isFalse();
                case "kms.key_rotation" -> {
                    assertThat(item.path("supplementaryConfiguration").path("KeyRotationStatus").asBoolean()).isFalse();
                    JsonNode status = JSON.readTree(supplement(account, region, "kms.get-key-rotation-status."
                            + item.path("resourceId").asText() + ".json"));
                    assertThat(status.path("KeyRotationEnabled").asBoolean()).isFalse();
                }
                case "rds.not_publicly_accessible" -> assertThat(item.path("configuration")
                        .path("publiclyAccessible").asBoolean()).isTrue();
                case "rds.backup_retention" -> assertThat(item.path("configuration").path("backupRetentionPeriod")
                        .asInt()).isLessThan(7);
                case "s3.tls_only" -> assertThat(item.path("supplementaryConfiguration").path("BucketPolicy")
                        .path("policyText").isNull()).isTrue();
                case "s3.critical_bucket_replication" -> assertThat(item.path("supplementaryConfiguration")
                        .has("BucketReplicationConfiguration")).isFalse();
                case "vpc.flow_logs_enabled" -> assertThat(supplement(account, region, "ec2.describe-flow-logs.json"))
                        .doesNotContain(item.path("resourceId").asText());
                case "guardduty.enabled_all_regions" -> {
                    String id = JSON.readTree(supplement(account, region, "guardduty.list-detectors.json"))
                            .path("DetectorIds").get(0).asText();
                    assertThat(JSON.readTree(supplement(account, region, "guardduty.get-detector." + id + ".json"))
                            .path("Status").asText()).isEqualTo("DISABLED");
                }
                case "config.recorder_all_regions" -> assertThat(JSON.readTree(supplement(account, region,
                        "configservice.describe-configuration-recorder-status.json"))
                        .path("ConfigurationRecordersStatus").get(0).path("recording").asBoolean()).isFalse();
                case "securityhub.enabled_all_regions" -> assertThat(supplement(account, region,
                        "securityhub.describe-hub.json")).contains("InvalidAccessException");
                case "root.no_access_keys" -> assertThat(JSON.readTree(supplement(account, "global",
                        "iam.get-account-summary.json")).path("SummaryMap").path("AccountAccessKeysPresent").asInt())
                        .isEqualTo(1);
                case "backup.plan_rules" -> assertThat(item.path("configuration").path("BackupPlan")
                        .path("BackupPlanRule").get(0).path("CopyActions")).isEmpty();
                case "residency.allowed_regions" -> assertThat(Files.readString(result.posturePolicyFile()))
                        .doesNotContain("\"" + region + "\"");
                // the organisation trail's log group, its filters, alarms and topics are in the management account
                case "cloudwatch.nacl_changes" -> assertThat(supplement(managementAccount(), region,
                        "logs.describe-metric-filters.json")).doesNotContain("CreateNetworkAcl");
                case "cloudwatch.organizations_changes" -> assertThat(supplement(managementAccount(), region,
                        "sns.list-subscriptions.json")).contains("PendingConfirmation");
                default -> {
                }
            }
        }
    }

    @Test
    void rootUseIsLabelledForTheAccountTheRootUsageScenarioSignsInTo() throws IOException {
        String managementId = EstateFactory.build(OPTIONS.seed()).account("management").id();
        assertThat(labels).anySatisfy(l -> {
            assertThat(l.path("check").asText()).isEqualTo("root.no_recent_use");
            assertThat(l.path("account").asText()).isEqualTo(managementId);
        });
        assertThat(Files.readString(result.labelsFile())).contains("\"scenario\":\"root-usage\"");
    }

    @Test
    void theSameSeedWritesTheSameBytesAndAnotherSeedDoesNot() throws IOException {
        Path again = dir.resolve("again");
        EstateSimulator.write(again, OPTIONS, null);
        Path other = dir.resolve("other");
        EstateSimulator.write(other, OPTIONS.withSeed(43), null);
        List<String> posture = files.stream().filter(f -> f.startsWith("config/") || f.startsWith("supplementary/")
                || f.startsWith("posture-")).toList();
        assertThat(relativeFiles(again).stream().filter(posture::contains).toList()).isEqualTo(posture);
        for (String f : posture) {
            assertThat(Files.readAllBytes(again.resolve(f))).as(f).isEqualTo(Files.readAllBytes(out.resolve(f)));
        }
        assertThat(Files.readAllBytes(other.resolve("posture-labels.jsonl")))
                .isNotEqualTo(Files.readAllBytes(out.resolve("posture-labels.jsonl")));
    }

    @Test
    void policyFileUsesTheContractsKeys() throws IOException {
        String policy = Files.readString(result.posturePolicyFile());
        for (String key : List.of("log-archive-account:", "security-account:", "enabled-regions:", "allowed-regions:",
                "critical-buckets:", "critical-tag:", "data-event-buckets:", "expected-scps:",
                "trail-delivery-max-age:", "root-use-window:", "min-backup-retention-days:",
                "required-guardduty-features:")) {
            assertThat(policy).contains("\n" + key);
        }
        Estate estate = EstateFactory.build(OPTIONS.seed());
        assertThat(policy).contains("log-archive-account: \"" + estate.account("log-archive").id() + "\"");
    }

    @Test
    void guardDutyFindingsAndDetectorExportsNameTheSameDetector() throws IOException {
        int checked = 0;
        for (String f : files) {
            if (!f.startsWith("guardduty/")) {
                continue;
            }
            String[] parts = f.split("/"); // guardduty/AWSLogs/ACCOUNT/GuardDuty/REGION/…
            String listed = JSON.readTree(supplement(parts[2], parts[4], "guardduty.list-detectors.json"))
                    .path("DetectorIds").get(0).asText();
            try (InputStream in = new GZIPInputStream(Files.newInputStream(out.resolve(f)))) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    assertThat(JSON.readTree(line).path("service").path("detectorId").asText()).isEqualTo(listed);
                    checked++;
                }
            }
        }
        assertThat(checked).isPositive();
    }

    @Test
    void otherSeedsGetTheSameKindsOfFlawOnTheirOwnEstates() throws IOException {
        long start = OPTIONS.start().toEpochMilli();
        long end = OPTIONS.start().plus(OPTIONS.span()).toEpochMilli();
        Set<String> baseline = new TreeSet<>();
        labels.forEach(l -> baseline.add(l.path("check").asText()));
        boolean sawStaging = false;
        boolean sawThirdRegion = false;
        for (long seed = 1; seed <= 8; seed++) {
            Estate estate = EstateFactory.build(seed);
            sawStaging |= estate.accounts().stream().anyMatch(a -> a.role().equals("staging"));
            sawThirdRegion |= estate.regions().size() > 2;
            ScenarioPlanner.Plan plan = ScenarioPlanner.plan(estate, seed, start, end - start);
            Path root = dir.resolve("seed-" + seed);
            PostureExport.Written written = PostureExport.write(root, estate, seed, start, end, plan.records());
            Set<String> arns = new HashSet<>();
            for (Path f : written.configFiles()) {
                gzipJson(f).path("configurationItems").forEach(i -> arns.add(i.path("ARN").asText()));
            }
            Set<String> checks = new TreeSet<>();
            for (String line : Files.readAllLines(written.labelsFile())) {
                JsonNode label = JSON.readTree(line);
                checks.add(label.path("check").asText());
                String resource = label.path("resource").asText();
                if (resource.startsWith("arn:")) {
                    assertThat(arns).as("seed " + seed + ": " + line).contains(resource);
                }
            }
            assertThat(checks).as("seed " + seed).isEqualTo(baseline);
        }
        assertThat(sawStaging).as("some seed has a staging account").isTrue();
        assertThat(sawThirdRegion).as("some seed has a third region").isTrue();
    }

    /** The account whose exports hold the organisation's data: the one with organizations list-accounts. */
    private static String managementAccount() throws IOException {
        try (var accounts = Files.list(out.resolve("supplementary"))) {
            return accounts.filter(a -> Files.exists(a.resolve("global").resolve("organizations.list-accounts.json")))
                    .map(a -> a.getFileName().toString()).findFirst().orElseThrow();
        }
    }

    private static String supplement(String account, String region, String name) throws IOException {
        return Files.readString(out.resolve("supplementary").resolve(account).resolve(region).resolve(name));
    }

    private static JsonNode gzipJson(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return JSON.readTree(in);
        }
    }

    private static List<String> relativeFiles(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
