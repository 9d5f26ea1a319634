package dev.vigil.sim;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

/**
 * Writes the GuardDuty findings the demo organisation's detectors would have exported for the injected scenarios,
 * as GuardDuty's S3 publishing destination lays them out:
 * {@code guardduty/AWSLogs/ACCOUNT/GuardDuty/REGION/YYYY/MM/DD/UUID.jsonl.gz}, one finding per line.
 *
 * <p>The findings mirror what GuardDuty raises for such activity (anomalous discovery, CloudTrail logging disabled,
 * anomalous persistence, S3 exfiltration, a console sign-in from an unusual place, root credential usage), with the
 * same principals, access keys, addresses and times as the CloudTrail records, so the findings hub can correlate
 * them with Vigil's own detections. Ids come from the simulator's seeded id source: the same options give the same
 * bytes.
 */
final class GuardDutyExport {

    /** Mixed into the seed so the export's ids do not repeat the CloudTrail records' ids. */
    private static final long ID_SALT = 0x6775617264647574L;

    /** The directory under the simulation output that holds the export. */
    static final String DIRECTORY = "guardduty";

    private static final DateTimeFormatter DAY_PATH = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
    private static final JsonFactory JSON = new JsonFactory();
    /** GuardDuty publishes a new finding within about five minutes of the activity. */
    private static final long PUBLISH_DELAY_MILLIS = 5 * 60_000L;

    /** One finding type raised for the records of one scenario step (or several steps). */
    private record Rule(String scenario, List<String> steps, String type, double severity, String title,
                        String description, boolean actorIsTarget) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(LeakedAccessKeyScenario.ID, List.of("discovery"), "Discovery:IAMUser/AnomalousBehavior", 2.0,
                    "Unusual discovery API calls were invoked by %s.",
                    "APIs commonly used to discover resources were invoked by %s in a way that deviates from its"
                            + " established baseline.", false),
            new Rule(LeakedAccessKeyScenario.ID, List.of("stop-logging"), "Stealth:IAMUser/CloudTrailLoggingDisabled",
                    2.0, "AWS CloudTrail trail was disabled by %s.",
                    "The CloudTrail trail was disabled by %s; this can be an attempt to hide activity.", false),
            new Rule(LeakedAccessKeyScenario.ID, List.of("create-user", "attach-admin-policy", "create-access-key",
                    "create-login-profile"), "Persistence:IAMUser/AnomalousBehavior", 5.0,
                    "Unusual persistence API calls were invoked by %s.",
                    "APIs commonly used to keep access to an account were invoked by %s in a way that deviates from"
                            + " its established baseline.", false),
            new Rule(LeakedAccessKeyScenario.ID, List.of("exfiltration"), "Exfiltration:S3/AnomalousBehavior", 8.0,
                    "Anomalous S3 data access by %s.",
                    "%s read an unusually large number of objects from an S3 bucket, in a way that deviates from"
                            + " its established baseline.", true),
            new Rule("console-brute-force", List.of("successful-login"), "UnauthorizedAccess:IAMUser/ConsoleLoginSuccess.B",
                    5.0, "Unusual console login by %s.",
                    "Multiple worldwide successful console logins were observed for %s.", false),
            new Rule("root-usage", List.of("console-login", "api-calls"), "Policy:IAMUser/RootCredentialUsage", 2.0,
                    "API calls were invoked using root credentials.",
                    "APIs were invoked using the root credentials of account %s.", false));

    private GuardDutyExport() {
    }

    /**
     * Writes the export for the planned scenario records.
     *
     * @return the files written, in path order
     */
    static List<Path> write(Path outDir, long seed, List<LabelledRecord> scenarioRecords) {
        Map<String, List<byte[]>> byFile = render(new Names(new Ids(seed ^ ID_SALT)), scenarioRecords);
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, List<byte[]>> file : byFile.entrySet()) {
            Path path = outDir.resolve(DIRECTORY).resolve(file.getKey());
            try {
                Files.createDirectories(path.getParent());
                try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(path))) {
                    for (byte[] line : file.getValue()) {
                        out.write(line);
                        out.write('\n');
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the GuardDuty export " + path, e);
            }
            written.add(path);
        }
        return written;
    }

    /**
     * The detector id the export gives each account and region it has findings for ({@code account/region} →
     * id), so the posture export's {@code guardduty list-detectors} names the same detectors.
     */
    static Map<String, String> detectorIds(long seed, List<LabelledRecord> scenarioRecords) {
        Names names = new Names(new Ids(seed ^ ID_SALT));
        render(names, scenarioRecords);
        return new TreeMap<>(names.detectors());
    }

    /** The findings by file key; draws every id from {@code names} in rule order. */
    private static Map<String, List<byte[]>> render(Names names, List<LabelledRecord> scenarioRecords) {
        Map<String, List<byte[]>> byFile = new TreeMap<>();
        for (Rule rule : RULES) {
            List<LabelledRecord> matched = scenarioRecords.stream()
                    .filter(r -> r.scenario().equals(rule.scenario()) && rule.steps().contains(r.step()))
                    .toList();
            if (matched.isEmpty()) {
                continue;
            }
            TrailRecord first = matched.getFirst().record();
            TrailRecord last = matched.getLast().record();
            String account = first.recipientAccountId();
            String region = first.awsRegion();
            long updated = last.timeMillis() + PUBLISH_DELAY_MILLIS;
            String key = "AWSLogs/" + account + "/GuardDuty/" + region + "/"
                    + DAY_PATH.format(Instant.ofEpochMilli(updated)) + "/" + names.file(account, region) + ".jsonl.gz";
            byFile.computeIfAbsent(key, k -> new ArrayList<>()).add(finding(names, rule, matched));
        }
        return byFile;
    }

    private static byte[] finding(Names names, Rule rule, List<LabelledRecord> records) {
        TrailRecord first = records.getFirst().record();
        TrailRecord last = records.getLast().record();
        // the actor of the last record: for exfiltration that is the backdoor user's new key
        TrailRecord actorRecord = rule.actorIsTarget() ? last : first;
        Actor actor = Actor.of(actorRecord.identity());
        String account = first.recipientAccountId();
        String region = first.awsRegion();
        String detector = names.detector(account, region);
        String id = names.ids.hex(32);
        TimeText time = new TimeText();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(2048);
        try (JsonGenerator g = JSON.createGenerator(bytes)) {
            g.writeStartObject();
            g.writeStringField("schemaVersion", "2.0");
            g.writeStringField("accountId", account);
            g.writeStringField("region", region);
            g.writeStringField("partition", "aws");
            g.writeStringField("id", id);
            g.writeStringField("arn", "arn:aws:guardduty:" + region + ":" + account + ":detector/" + detector
                    + "/finding/" + id);
            g.writeStringField("type", rule.type());
            g.writeObjectFieldStart("resource");
            if (rule.type().contains(":S3/")) {
                g.writeStringField("resourceType", "S3Bucket");
                writeAccessKey(g, actor);
                String bucket = bucketOf(last);
                g.writeArrayFieldStart("s3BucketDetails");
                g.writeStartObject();
                g.writeStringField("arn", "arn:aws:s3:::" + bucket);
                g.writeStringField("name", bucket);
                g.writeStringField("type", "Destination");
                g.writeEndObject();
                g.writeEndArray();
            } else {
                g.writeStringField("resourceType", "AccessKey");
                writeAccessKey(g, actor);
            }
            g.writeEndObject();
            g.writeObjectFieldStart("service");
            g.writeStringField("serviceName", "guardduty");
            g.writeStringField("detectorId", detector);
            g.writeObjectFieldStart("action");
            g.writeStringField("actionType", "AWS_API_CALL");
            g.writeObjectFieldStart("awsApiCallAction");
            g.writeStringField("api", actorRecord.eventName());
            g.writeStringField("serviceName", actorRecord.eventSource());
            g.writeStringField("callerType", "Remote IP");
            if (actorRecord.userAgent() != null) {
                g.writeStringField("userAgent", actorRecord.userAgent());
            }
            if (actorRecord.sourceIp() != null && !actorRecord.sourceIp().isEmpty()
                    && Character.isDigit(actorRecord.sourceIp().charAt(0))) {
                g.writeObjectFieldStart("remoteIpDetails");
                g.writeStringField("ipAddressV4", actorRecord.sourceIp());
                g.writeObjectFieldStart("organization");
                g.writeStringField("asn", "64496");
                g.writeStringField("asnOrg", "Example Hosting");
                g.writeStringField("isp", "Example Hosting");
                g.writeStringField("org", "Example Hosting");
                g.writeEndObject();
                g.writeObjectFieldStart("country");
                g.writeStringField("countryName", "Example");
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeEndObject();
            g.writeStringField("resourceRole", "TARGET");
            g.writeObjectFieldStart("additionalInfo");
            g.writeEndObject();
            g.writeNullField("evidence");
            g.writeStringField("eventFirstSeen", time.iso(first.timeMillis()));
            g.writeStringField("eventLastSeen", time.iso(last.timeMillis()));
            g.writeBooleanField("archived", false);
            g.writeNumberField("count", records.size());
            g.writeEndObject();
            g.writeNumberField("severity", rule.severity());
            g.writeStringField("createdAt", time.iso(first.timeMillis() + PUBLISH_DELAY_MILLIS));
            g.writeStringField("updatedAt", time.iso(last.timeMillis() + PUBLISH_DELAY_MILLIS));
            String who = actor.describe(account);
            g.writeStringField("title", rule.title().formatted(who));
            g.writeStringField("description", rule.description().formatted(who));
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory
        }
        return bytes.toByteArray();
    }

    private static void writeAccessKey(JsonGenerator g, Actor actor) throws IOException {
        g.writeObjectFieldStart("accessKeyDetails");
        g.writeStringField("accessKeyId", actor.accessKeyId());
        g.writeStringField("principalId", actor.principalId());
        g.writeStringField("userName", actor.userName());
        g.writeStringField("userType", actor.userType());
        g.writeEndObject();
    }

    private static String bucketOf(TrailRecord record) {
        for (TrailRecord.Resource r : record.resources() == null ? List.<TrailRecord.Resource>of() : record.resources()) {
            if ("AWS::S3::Bucket".equals(r.type())) {
                return r.arn().substring(r.arn().lastIndexOf(':') + 1);
            }
        }
        throw new IllegalStateException("the exfiltration record names no bucket: " + record.eventId());
    }

    /** The acting identity as GuardDuty's {@code accessKeyDetails} describes it. */
    private record Actor(String accessKeyId, String principalId, String userName, String userType) {
        static Actor of(Identity identity) {
            return switch (identity) {
                case Identity.IamUser u -> new Actor(nonNull(u.accessKeyId()), u.principalId(), u.userName(), "IAMUser");
                case Identity.FailedSignIn f -> new Actor("", nonNull(f.principalId()), f.userName(), "IAMUser");
                case Identity.Root r -> new Actor(nonNull(r.accessKeyId()), r.accountId(), "Root", "Root");
                case Identity.AssumedRole a -> new Actor(nonNull(a.accessKeyId()), a.roleId() + ":" + a.sessionName(),
                        a.roleName(), "AssumedRole");
                default -> throw new IllegalStateException("no GuardDuty actor for " + identity);
            };
        }

        String describe(String account) {
            return "Root".equals(userType) ? account : userType + " : " + userName;
        }

        private static String nonNull(String s) {
            return s == null ? "" : s;
        }
    }

    /**
     * The export's ids, drawn from the simulator's seeded id source in rule order: one detector and one file name
     * per account and region, one id per finding.
     */
    private record Names(Ids ids, Map<String, String> detectors, Map<String, String> files) {
        Names(Ids ids) {
            this(ids, new HashMap<>(), new HashMap<>());
        }

        String detector(String account, String region) {
            return detectors.computeIfAbsent(account + "/" + region, k -> ids.hex(32));
        }

        String file(String account, String region) {
            return files.computeIfAbsent(account + "/" + region, k -> ids.uuid());
        }
    }

    /** For tests: the finding types this export can raise, in order. */
    static List<String> types() {
        Map<String, Boolean> seen = new LinkedHashMap<>();
        RULES.forEach(r -> seen.put(r.type(), true));
        return List.copyOf(seen.keySet());
    }
}
