package dev.vigil.cli.bench;

import dev.vigil.cli.bench.BenchCatalog.Control;
import dev.vigil.cli.bench.BenchCatalog.GuardDutyType;
import dev.vigil.cli.bench.BenchCatalog.ResourceKind;
import dev.vigil.model.DetectionInfo;
import dev.vigil.model.Evidence;
import dev.vigil.model.Finding;
import dev.vigil.model.FindingOrigin;
import dev.vigil.model.ImportedFinding;
import dev.vigil.model.RecordState;
import dev.vigil.model.Severity;
import dev.vigil.model.Workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Generates the benchmark's findings. Finding {@code i} depends only on the seed and {@code i} (its own random
 * stream), so a store populated in batches of any size is the same store, and {@code i} is part of every id, so
 * {@code n} findings are {@code n} distinct ids.
 *
 * <p>The mix: 60 % Vigil detections (50 rules, one evidence record each), 24 % GuardDuty, 10 % Security Hub
 * foundational controls, 6 % Inspector CVEs, each imported finding with a raw original shaped like its product's
 * JSON. Accounts, principals and resources are skewed so a few are hot and many are rare, as in real estates.
 */
final class SyntheticFindings {

    private static final long DAY_MS = Duration.ofDays(1).toMillis();
    private static final HexFormat HEX = HexFormat.of();

    private final long seed;

    SyntheticFindings(long seed) {
        this.seed = seed;
    }

    SyntheticFinding finding(long index) {
        if (index < 0) {
            throw new IllegalArgumentException("a finding index must not be negative, was " + index);
        }
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        Place p = place(r);
        double kind = r.nextDouble();
        Finding f;
        FindingOrigin origin;
        if (kind < 0.60) {
            f = vigil(r, p, index);
            origin = FindingOrigin.vigil(f);
        } else if (kind < 0.84) {
            ImportedFinding imp = guardDuty(r, p, index);
            f = imp.finding();
            origin = imp.origin();
        } else if (kind < 0.94) {
            ImportedFinding imp = securityHub(r, p, index);
            f = imp.finding();
            origin = imp.origin();
        } else {
            ImportedFinding imp = inspector(r, p, index);
            f = imp.finding();
            origin = imp.origin();
        }
        return new SyntheticFinding(f, origin, workflow(r), r.nextDouble() < 0.05 ? RecordState.ARCHIVED
                : RecordState.ACTIVE, risk(r, f));
    }

    /** Where and when: account, region, activity window and count. */
    private record Place(String account, String region, Instant firstSeen, Instant lastSeen, long count) {
    }

    private static Place place(SplittableRandom r) {
        String account = BenchCatalog.ACCOUNTS.get(skewed(r, BenchCatalog.ACCOUNTS.size(), 1.6));
        String region = BenchCatalog.REGIONS.get(weighted(r, BenchCatalog.REGION_WEIGHTS));
        long end = BenchCatalog.DATA_END.toEpochMilli();
        long first = end - (long) (r.nextDouble() * BenchCatalog.DAYS * DAY_MS);
        long span = r.nextDouble() < 0.6 ? r.nextLong(3_600_000L) : r.nextLong(3 * DAY_MS);
        long last = Math.min(end, first + span);
        long count = r.nextDouble() < 0.5 ? 1 : 1 + (long) Math.min(5_000, -Math.log(1 - r.nextDouble()) * 40);
        return new Place(account, region, Instant.ofEpochMilli(first), Instant.ofEpochMilli(last), count);
    }

    private static Finding vigil(SplittableRandom r, Place p, long index) {
        DetectionInfo rule = BenchCatalog.VIGIL_RULES.get(r.nextInt(BenchCatalog.VIGIL_RULES.size()));
        String principal = r.nextDouble() < 0.9 ? principal(r, p.account()) : "";
        double rk = r.nextDouble();
        String resource = rk < 0.5 ? bucket(r, p.account()) : rk < 0.8 ? instance(r, p) : "";
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("recipientAccountId", p.account());
        keys.put("awsRegion", p.region());
        keys.put("userIdentity.arn", principal);
        keys.put("resource", resource);
        keys.put("bench.seq", Long.toString(index));
        String eventId = uuid(r);
        Evidence evidence = new Evidence(eventId, p.lastSeen(), "s3://org-cloudtrail/AWSLogs/" + p.account()
                + "/CloudTrail/" + p.region() + "/" + p.lastSeen().toString().substring(0, 10).replace('-', '/')
                + "/trail.json.gz#record " + (1 + r.nextInt(300)), cloudTrailRecord(r, p, principal, eventId));
        return new Finding(Finding.idFor(rule.id(), keys), rule, keys, p.account(), p.region(), principal,
                resource, p.firstSeen(), p.lastSeen(), p.count(), List.of(evidence));
    }

    private static ImportedFinding guardDuty(SplittableRandom r, Place p, long index) {
        GuardDutyType t = BenchCatalog.GUARDDUTY_TYPES.get(r.nextInt(BenchCatalog.GUARDDUTY_TYPES.size()));
        String id = hex(r, index);
        String principal = t.resource() == ResourceKind.INSTANCE ? "" : principal(r, p.account());
        String resource = switch (t.resource()) {
            case ACCESS_KEY -> "ASIA" + HEX.toHexDigits(r.nextLong()).toUpperCase(java.util.Locale.ROOT);
            case BUCKET -> bucket(r, p.account());
            case INSTANCE -> instance(r, p);
        };
        String title = "GuardDuty finding " + t.type().substring(0, t.type().indexOf(':'));
        DetectionInfo rule = new DetectionInfo(t.type(), title, "Synthetic GuardDuty finding of type " + t.type()
                + " for the benchmark.", t.severity(), List.of(), List.of(t.type()));
        Finding f = new Finding(ImportedFinding.idFor("GuardDuty", id), rule, Map.of("productFindingId", id),
                p.account(), p.region(), principal, resource, p.firstSeen(), p.lastSeen(), p.count(), List.of());
        String raw = "{\"schemaVersion\":\"2.0\",\"accountId\":\"" + p.account() + "\",\"region\":\"" + p.region()
                + "\",\"partition\":\"aws\",\"id\":\"" + id + "\",\"arn\":\"arn:aws:guardduty:" + p.region() + ":"
                + p.account() + ":detector/" + p.account() + "/finding/" + id + "\",\"type\":\"" + t.type()
                + "\",\"resource\":{\"resourceType\":\"" + resourceType(t.resource()) + "\",\"id\":\"" + resource
                + "\",\"principal\":\"" + principal + "\"},\"service\":{\"serviceName\":\"guardduty\",\"count\":"
                + p.count() + ",\"eventFirstSeen\":\"" + p.firstSeen() + "\",\"eventLastSeen\":\"" + p.lastSeen()
                + "\",\"archived\":false},\"severity\":" + gdSeverity(t.severity()) + ",\"createdAt\":\""
                + p.firstSeen() + "\",\"updatedAt\":\"" + p.lastSeen() + "\",\"title\":\"" + title
                + "\",\"description\":\"" + rule.description() + "\"}";
        return new ImportedFinding(f, new FindingOrigin("GuardDuty", id, "guardduty", "guardduty-export/"
                + p.account() + "/" + p.region() + ".jsonl.gz#line " + (1 + index % 5000), raw,
                50 + r.nextInt(51)));
    }

    private static ImportedFinding securityHub(SplittableRandom r, Place p, long index) {
        Control c = BenchCatalog.CONTROLS.get(r.nextInt(BenchCatalog.CONTROLS.size()));
        String resource = c.resource() == ResourceKind.BUCKET ? bucket(r, p.account()) : instance(r, p);
        String id = "arn:aws:securityhub:" + p.region() + ":" + p.account() + ":security-control/" + c.id()
                + "/finding/" + uuidOf(index, r);
        DetectionInfo rule = new DetectionInfo(BenchCatalog.FSBP_TYPE, c.id() + " " + c.title(),
                "This control checks that " + c.title().toLowerCase(java.util.Locale.ROOT) + ".", c.severity(),
                List.of(), List.of(BenchCatalog.FSBP_TYPE));
        return asff("Security Hub", "securityhub", "security-control/" + c.id(), id, rule, p, "", resource);
    }

    private static ImportedFinding inspector(SplittableRandom r, Place p, long index) {
        String pkg = BenchCatalog.PACKAGES.get(r.nextInt(BenchCatalog.PACKAGES.size()));
        String cve = "CVE-202" + (3 + r.nextInt(3)) + "-" + (10_000 + r.nextInt(40_000));
        String id = "arn:aws:inspector2:" + p.region() + ":" + p.account() + ":finding/" + hex(r, index);
        Severity severity = switch (weighted(r, new double[]{0.30, 0.45, 0.20, 0.05})) {
            case 0 -> Severity.LOW;
            case 1 -> Severity.MEDIUM;
            case 2 -> Severity.HIGH;
            default -> Severity.CRITICAL;
        };
        DetectionInfo rule = new DetectionInfo(BenchCatalog.CVE_TYPE, cve + " - " + pkg,
                "A vulnerable version of " + pkg + " is installed (" + cve + "). Update the package.", severity,
                List.of(), List.of(BenchCatalog.CVE_TYPE));
        return asff("Inspector", "inspector", "AWSInspector", id, rule, p, "", instance(r, p));
    }

    /** An imported ASFF finding, its raw original a compact ASFF object with the required attributes. */
    private static ImportedFinding asff(String product, String productId, String generator, String id,
                                        DetectionInfo rule, Place p, String principal, String resource) {
        Finding f = new Finding(ImportedFinding.idFor(product, id), rule, Map.of("productFindingId", id),
                p.account(), p.region(), principal, resource, p.firstSeen(), p.lastSeen(), p.count(), List.of());
        String raw = "{\"SchemaVersion\":\"2018-10-08\",\"Id\":\"" + id + "\",\"ProductArn\":\"arn:aws:securityhub:"
                + p.region() + "::product/aws/" + productId + "\",\"ProductName\":\"" + product
                + "\",\"CompanyName\":\"AWS\",\"GeneratorId\":\"" + generator + "\",\"AwsAccountId\":\""
                + p.account() + "\",\"Region\":\"" + p.region() + "\",\"Types\":[\"" + rule.types().get(0)
                + "\"],\"FirstObservedAt\":\"" + p.firstSeen() + "\",\"LastObservedAt\":\"" + p.lastSeen()
                + "\",\"CreatedAt\":\"" + p.firstSeen() + "\",\"UpdatedAt\":\"" + p.lastSeen()
                + "\",\"Severity\":{\"Label\":\"" + rule.severity().name() + "\"},\"Title\":\"" + rule.title()
                + "\",\"Description\":\"" + rule.description() + "\",\"Resources\":[{\"Type\":\""
                + (resource.startsWith("arn:aws:s3") ? "AwsS3Bucket" : "AwsEc2Instance") + "\",\"Id\":\"" + resource
                + "\",\"Partition\":\"aws\",\"Region\":\"" + p.region() + "\"}],\"Workflow\":{\"Status\":\"NEW\"},"
                + "\"RecordState\":\"ACTIVE\"}";
        return new ImportedFinding(f, new FindingOrigin(product, id, "asff", "securityhub-export/" + p.account()
                + ".json#record " + (1 + (id.hashCode() & 0xfff)), raw, FindingOrigin.UNKNOWN_CONFIDENCE));
    }

    /** 60 % NEW, 18 % NOTIFIED, 14 % RESOLVED, 8 % SUPPRESSED. */
    private static Workflow workflow(SplittableRandom r) {
        double u = r.nextDouble();
        return u < 0.60 ? Workflow.NEW : u < 0.78 ? Workflow.NOTIFIED : u < 0.92 ? Workflow.RESOLVED
                : Workflow.SUPPRESSED;
    }

    private static int risk(SplittableRandom r, Finding f) {
        int base = switch (f.severity()) {
            case INFORMATIONAL -> 5;
            case LOW -> 15;
            case MEDIUM -> 35;
            case HIGH -> 55;
            case CRITICAL -> 75;
        };
        return Math.min(100, base + r.nextInt(21) + (f.count() > 10 ? 5 : 0));
    }

    /** An IAM user or assumed-role session of the account; low numbers are far more frequent (shared principals). */
    private static String principal(SplittableRandom r, String account) {
        if (r.nextDouble() < 0.55) {
            int k = skewed(r, 120, 2.0);
            String name = BenchCatalog.USER_NAMES.get(k % BenchCatalog.USER_NAMES.size());
            return "arn:aws:iam::" + account + ":user/" + name + (k < BenchCatalog.USER_NAMES.size() ? "" : "." + k);
        }
        int k = skewed(r, 30, 2.0);
        String role = BenchCatalog.ROLE_NAMES.get(k % BenchCatalog.ROLE_NAMES.size());
        return "arn:aws:sts::" + account + ":assumed-role/" + role + "/session-" + (k * 7 + r.nextInt(3));
    }

    private static String bucket(SplittableRandom r, String account) {
        int k = skewed(r, 60, 1.8);
        return "arn:aws:s3:::acme-" + account.substring(8) + "-"
                + BenchCatalog.BUCKET_PURPOSES.get(k % BenchCatalog.BUCKET_PURPOSES.size()) + "-" + (k / 10);
    }

    private static String instance(SplittableRandom r, Place p) {
        int k = skewed(r, 400, 1.5);
        return "arn:aws:ec2:" + p.region() + ":" + p.account() + ":instance/i-0"
                + HEX.toHexDigits((p.account().hashCode() * 31L + k) * 0x9E3779B97F4A7C15L).substring(0, 16);
    }

    private static String cloudTrailRecord(SplittableRandom r, Place p, String principal, String eventId) {
        return "{\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":\""
                + (principal.contains(":user/") ? "IAMUser" : "AssumedRole") + "\",\"arn\":\"" + principal
                + "\",\"accountId\":\"" + p.account() + "\"},\"eventTime\":\"" + p.lastSeen()
                + "\",\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\"ListUsers\",\"awsRegion\":\"" + p.region()
                + "\",\"sourceIPAddress\":\"203.0.113." + r.nextInt(1, 255) + "\",\"userAgent\":\"aws-cli/2.15.0\","
                + "\"requestParameters\":null,\"responseElements\":null,\"eventID\":\"" + eventId
                + "\",\"readOnly\":true,\"eventType\":\"AwsApiCall\",\"recipientAccountId\":\"" + p.account() + "\"}";
    }

    private static String resourceType(ResourceKind kind) {
        return switch (kind) {
            case ACCESS_KEY -> "AccessKey";
            case BUCKET -> "S3Bucket";
            case INSTANCE -> "Instance";
        };
    }

    private static double gdSeverity(Severity s) {
        return switch (s) {
            case CRITICAL -> 9.0;
            case HIGH -> 8.0;
            case MEDIUM -> 5.0;
            default -> 2.0;
        };
    }

    /** 0 ≤ result < n, low values more likely the larger the exponent (1 = uniform). */
    private static int skewed(SplittableRandom r, int n, double exponent) {
        return Math.min(n - 1, (int) (n * Math.pow(r.nextDouble(), exponent)));
    }

    private static int weighted(SplittableRandom r, double[] weights) {
        double u = r.nextDouble();
        for (int i = 0; i < weights.length - 1; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** 32 hex digits, unique per index: the first half is the index times an odd constant, a bijection. */
    private static String hex(SplittableRandom r, long index) {
        return HEX.toHexDigits(index * 0x9E3779B97F4A7C15L) + HEX.toHexDigits(r.nextLong());
    }

    private static String uuidOf(long index, SplittableRandom r) {
        return new UUID(index * 0x9E3779B97F4A7C15L, r.nextLong()).toString();
    }

    private static String uuid(SplittableRandom r) {
        return new UUID(r.nextLong(), r.nextLong()).toString();
    }
}
