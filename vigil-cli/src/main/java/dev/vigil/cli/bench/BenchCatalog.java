package dev.vigil.cli.bench;

import dev.vigil.model.DetectionInfo;
import dev.vigil.model.Severity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The vocabulary the benchmark's synthetic findings are drawn from: 20 accounts, 6 regions, 50 Vigil rules, the
 * finding types of GuardDuty, Security Hub's foundational controls and Inspector, principal and resource names.
 * Fixed tables, so the same seed always gives the same store; the values that {@link BenchQueries} filters on
 * (an account, {@code eu-west-1}, {@code admin}, {@code payroll}…) are taken from here.
 */
final class BenchCatalog {

    /** The newest activity in the data set: times spread over the {@value #DAYS} days before it. */
    static final Instant DATA_END = Instant.parse("2026-11-28T00:00:00Z");
    static final int DAYS = 90;

    static final List<String> ACCOUNTS = accounts();
    static final List<String> REGIONS = List.of("us-east-1", "us-west-2", "eu-west-1", "eu-central-1",
            "ap-southeast-2", "ap-northeast-1");
    /** How often each region occurs, in the order of {@link #REGIONS}: most estates lean on one or two. */
    static final double[] REGION_WEIGHTS = {0.38, 0.17, 0.22, 0.10, 0.07, 0.06};

    static final List<DetectionInfo> VIGIL_RULES = vigilRules();

    /** A GuardDuty finding type, its severity band and what kind of resource it is about. */
    record GuardDutyType(String type, Severity severity, ResourceKind resource) {
    }

    enum ResourceKind { ACCESS_KEY, BUCKET, INSTANCE }

    static final List<GuardDutyType> GUARDDUTY_TYPES = List.of(
            new GuardDutyType("Recon:IAMUser/MaliciousIPCaller", Severity.MEDIUM, ResourceKind.ACCESS_KEY),
            new GuardDutyType("Recon:IAMUser/MaliciousIPCaller.Custom", Severity.MEDIUM, ResourceKind.ACCESS_KEY),
            new GuardDutyType("UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS", Severity.HIGH,
                    ResourceKind.ACCESS_KEY),
            new GuardDutyType("UnauthorizedAccess:IAMUser/ConsoleLoginSuccess.B", Severity.MEDIUM,
                    ResourceKind.ACCESS_KEY),
            new GuardDutyType("UnauthorizedAccess:EC2/SSHBruteForce", Severity.LOW, ResourceKind.INSTANCE),
            new GuardDutyType("Recon:EC2/PortProbeUnprotectedPort", Severity.LOW, ResourceKind.INSTANCE),
            new GuardDutyType("CryptoCurrency:EC2/BitcoinTool.B!DNS", Severity.HIGH, ResourceKind.INSTANCE),
            new GuardDutyType("Backdoor:EC2/C&CActivity.B!DNS", Severity.HIGH, ResourceKind.INSTANCE),
            new GuardDutyType("Trojan:EC2/DNSDataExfiltration", Severity.HIGH, ResourceKind.INSTANCE),
            new GuardDutyType("Discovery:S3/AnomalousBehavior", Severity.LOW, ResourceKind.BUCKET),
            new GuardDutyType("Exfiltration:S3/AnomalousBehavior", Severity.HIGH, ResourceKind.BUCKET),
            new GuardDutyType("Impact:S3/AnomalousBehavior.Delete", Severity.HIGH, ResourceKind.BUCKET),
            new GuardDutyType("Policy:IAMUser/RootCredentialUsage", Severity.LOW, ResourceKind.ACCESS_KEY),
            new GuardDutyType("Stealth:IAMUser/CloudTrailLoggingDisabled", Severity.LOW, ResourceKind.ACCESS_KEY),
            new GuardDutyType("PenTest:IAMUser/KaliLinux", Severity.MEDIUM, ResourceKind.ACCESS_KEY),
            new GuardDutyType("Persistence:IAMUser/AnomalousBehavior", Severity.MEDIUM, ResourceKind.ACCESS_KEY),
            new GuardDutyType("CredentialAccess:IAMUser/AnomalousBehavior", Severity.MEDIUM,
                    ResourceKind.ACCESS_KEY),
            new GuardDutyType("DefenseEvasion:IAMUser/AnomalousBehavior", Severity.MEDIUM, ResourceKind.ACCESS_KEY));

    /** Security Hub foundational controls: control id, title, severity, resource kind. */
    record Control(String id, String title, Severity severity, ResourceKind resource) {
    }

    static final String FSBP_TYPE =
            "Software and Configuration Checks/Industry and Regulatory Standards/AWS-Foundational-Security-Best-Practices";
    static final String CVE_TYPE = "Software and Configuration Checks/Vulnerabilities/CVE";

    static final List<Control> CONTROLS = List.of(
            new Control("S3.1", "S3 general purpose buckets should have block public access settings enabled",
                    Severity.MEDIUM, ResourceKind.BUCKET),
            new Control("S3.5", "S3 general purpose buckets should require requests to use SSL", Severity.MEDIUM,
                    ResourceKind.BUCKET),
            new Control("S3.8", "S3 general purpose buckets should block public access", Severity.HIGH,
                    ResourceKind.BUCKET),
            new Control("S3.9", "S3 general purpose bucket server access logging should be enabled", Severity.MEDIUM,
                    ResourceKind.BUCKET),
            new Control("EC2.8", "EC2 instances should use Instance Metadata Service Version 2 (IMDSv2)",
                    Severity.HIGH, ResourceKind.INSTANCE),
            new Control("EC2.9", "Amazon EC2 instances should not have a public IPv4 address", Severity.HIGH,
                    ResourceKind.INSTANCE),
            new Control("SSM.1", "Amazon EC2 instances should be managed by AWS Systems Manager", Severity.MEDIUM,
                    ResourceKind.INSTANCE),
            new Control("EC2.17", "Amazon EC2 instances should not use multiple ENIs", Severity.LOW,
                    ResourceKind.INSTANCE));

    static final List<String> PACKAGES = List.of("openssl", "glibc", "curl", "log4j-core", "openssh", "zlib",
            "python3", "nginx", "sudo", "libxml2");

    static final List<String> USER_NAMES = List.of("alice", "bob", "carol", "dave", "erin", "frank", "grace",
            "heidi", "ivan", "judy", "mallory", "niaj", "olivia", "peggy", "rupert", "sybil", "trent", "victor",
            "walter", "admin");
    static final List<String> ROLE_NAMES = List.of("OrganizationAccountAccessRole", "AdminRole", "ci-deploy",
            "DataPipelineRole", "ReadOnlyAuditor", "lambda-exec-orders", "eks-node-role", "BreakGlassAdmin",
            "SecurityScanner", "backup-operator");
    static final List<String> BUCKET_PURPOSES = List.of("logs", "data", "backups", "web-assets", "ml-datasets",
            "payroll-exports", "terraform-state", "cloudtrail", "artifacts", "customer-uploads");

    private BenchCatalog() {
    }

    private static List<String> accounts() {
        List<String> out = new ArrayList<>(20);
        for (int i = 0; i < 20; i++) {
            out.add(String.format("%012d", 111_122_220_000L + 1_013L * i));
        }
        return List.copyOf(out);
    }

    /**
     * Ten themes of five variants each. Severities are assigned so that a uniform pick of rule gives the skew
     * real detections have: 10 % informational, 40 % low, 30 % medium, 16 % high, 4 % critical.
     */
    private static List<DetectionInfo> vigilRules() {
        record Theme(String id, String title, String typePrefix, String attack) {
        }
        List<Theme> themes = List.of(
                new Theme("cloudtrail-tampering", "CloudTrail logging changed", "TTPs/Defense Evasion/", "T1562.008"),
                new Theme("iam-discovery", "IAM enumeration burst", "TTPs/Discovery/", "T1087.004"),
                new Theme("s3-bulk-download", "Bulk S3 download", "Effects/Data Exfiltration/", "T1530"),
                new Theme("console-login", "Unusual console login", "Unusual Behaviors/User/", "T1078.004"),
                new Theme("access-key", "Access key created for another user", "TTPs/Persistence/", "T1098.001"),
                new Theme("s3-policy", "Bucket made public", "Effects/Data Exposure/", "T1537"),
                new Theme("ec2-discovery", "EC2 discovery from a new principal", "TTPs/Discovery/", "T1580"),
                new Theme("kms-disable", "KMS key scheduled for deletion", "Effects/Resource Consumption/", "T1485"),
                new Theme("guardduty-disable", "GuardDuty detector disabled", "TTPs/Defense Evasion/", "T1562.001"),
                new Theme("secrets-access", "Secrets read in bulk", "TTPs/Credential Access/", "T1555.006"));
        Severity[] bySlot = new Severity[50];
        int slot = 0;
        int[] counts = {5, 20, 15, 8, 2};
        Severity[] order = {Severity.INFORMATIONAL, Severity.LOW, Severity.MEDIUM, Severity.HIGH, Severity.CRITICAL};
        for (int s = 0; s < order.length; s++) {
            for (int k = 0; k < counts[s]; k++) {
                bySlot[slot++] = order[s];
            }
        }
        List<DetectionInfo> rules = new ArrayList<>(50);
        for (int v = 0; v < 5; v++) {
            for (int t = 0; t < themes.size(); t++) {
                Theme th = themes.get(t);
                // interleave so each theme gets a mix of severities
                Severity severity = bySlot[(t * 5 + v * 11) % 50];
                String id = "vigil-" + th.id() + "-" + (v + 1);
                rules.add(new DetectionInfo(id, th.title() + " (variant " + (v + 1) + ")",
                        "Synthetic benchmark rule: " + th.title().toLowerCase(java.util.Locale.ROOT)
                                + ". Review the principal's recent activity and revert the change if it was not"
                                + " planned.", severity, List.of(th.attack()),
                        List.of(th.typePrefix() + th.id())));
            }
        }
        return List.copyOf(rules);
    }
}
