package dev.vigil.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Reads a simulator output directory back the way a scanner would, checking the delivery format as it goes
 * (problems are collected, not thrown, so a test reports them all) and keeping a compact summary of every
 * record. Full JSON is kept only for scenario records, so large outputs fit in the test heap.
 */
final class SimulatedOutput {

    /** The object-key pattern from specs/02-cloudtrail-log-format.md. */
    static final Pattern KEY = Pattern.compile("^(?:(?<prefix>.+)/)?AWSLogs/(?:(?<org>o-[a-z0-9]{10,32})/)?"
            + "(?<acct>\\d{12})/CloudTrail/(?<region>[a-z0-9-]+)/(?<y>\\d{4})/(?<m>\\d{2})/(?<d>\\d{2})/"
            + "\\k<acct>_CloudTrail_\\k<region>_(?<ts>\\d{8}T\\d{4}Z)_(?<uniq>[A-Za-z0-9]{16})\\.json\\.gz$");
    /** The flow-log object key from specs/04-vpc-flow-logs.md (default layout, no prefix). */
    static final Pattern FLOW_LOG_KEY = Pattern.compile("^AWSLogs/(?<acct>\\d{12})/vpcflowlogs/(?<region>[a-z0-9-]+)/"
            + "\\d{4}/\\d{2}/\\d{2}/\\k<acct>_vpcflowlogs_\\k<region>_fl-[0-9a-f]{17}_\\d{8}T\\d{4}Z_[0-9a-f]{8}\\.log\\.gz$");
    private static final Pattern EVENT_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    private static final Pattern EVENT_VERSION = Pattern.compile("1\\.(08|09|10|11)");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ALWAYS = List.of("eventVersion", "userIdentity", "eventTime", "eventSource",
            "eventName", "awsRegion", "sourceIPAddress", "requestParameters", "responseElements", "eventID",
            "eventType", "eventCategory", "recipientAccountId");

    /** What the tests need of one record. */
    record Rec(String eventId, long time, long delivered, String file, String account, String region,
               String source, String name, String errorCode, String errorMessage, String sourceIp, String userAgent,
               String identityType, String arn, String issuerArn, String invokedBy, String accessKeyId,
               String userName, String consoleLogin, String mfaUsed, Boolean readOnly, Boolean managementEvent,
               String eventType, String category) {

        /** The keys a detection might group "one principal" by; bursts must stay under threshold for each. */
        List<String> principalKeys() {
            List<String> keys = new ArrayList<>();
            if (arn != null) {
                keys.add("arn:" + arn);
            }
            if (issuerArn != null) {
                keys.add("issuer:" + issuerArn);
            }
            if (invokedBy != null) {
                keys.add("invokedBy:" + invokedBy);
            }
            if (accessKeyId != null && !accessKeyId.isEmpty()) {
                keys.add("key:" + accessKeyId);
            }
            return keys;
        }
    }

    /** A log file as found. */
    record LogFile(String key, String org, String account, String region, long delivered, int records,
                   boolean sorted) {
    }

    final Path outDir;
    final List<LogFile> files = new ArrayList<>();
    final List<Rec> records = new ArrayList<>();
    final List<String> problems = new ArrayList<>();
    final List<String> otherFiles = new ArrayList<>();
    final List<String> flowLogFiles = new ArrayList<>();
    final Map<String, JsonNode> labelled = new HashMap<>();
    final List<JsonNode> labels = new ArrayList<>();
    final Map<String, String> labelScenario = new HashMap<>();
    final Map<String, String> labelStep = new HashMap<>();
    final JsonNode scenarios;
    final JsonNode estate;

    private SimulatedOutput(Path outDir) throws IOException {
        this.outDir = outDir;
        for (String line : Files.readAllLines(outDir.resolve("labels.jsonl"))) {
            JsonNode label = JSON.readTree(line);
            labels.add(label);
            labelScenario.put(label.path("eventID").asText(), label.path("scenario").asText());
            labelStep.put(label.path("eventID").asText(), label.path("step").asText());
        }
        scenarios = JSON.readTree(outDir.resolve("scenarios.json").toFile());
        estate = JSON.readTree(outDir.resolve("estate.json").toFile());
        Path logs = outDir.resolve("logs");
        List<Path> all;
        try (Stream<Path> walk = Files.walk(logs)) {
            all = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path p : all) {
            readFile(logs, p);
        }
    }

    /** Generates into {@code outDir} and reads the result back. */
    static SimulatedOutput generate(Path outDir, EstateSimulator.Options options) {
        EstateSimulator.write(outDir, options, null);
        return read(outDir);
    }

    static SimulatedOutput read(Path outDir) {
        try {
            return new SimulatedOutput(outDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readFile(Path logs, Path file) throws IOException {
        String key = logs.relativize(file).toString().replace('\\', '/');
        Matcher m = KEY.matcher(key);
        if (!m.matches()) {
            if (FLOW_LOG_KEY.matcher(key).matches()) {
                flowLogFiles.add(key); // read and checked by NetworkSimulationTest
            } else {
                otherFiles.add(key);
            }
            return;
        }
        long delivered = LocalDateTime.parse(m.group("ts"), STAMP).toInstant(ZoneOffset.UTC).toEpochMilli() / 1000;
        String datePath = m.group("y") + m.group("m") + m.group("d");
        if (!m.group("ts").startsWith(datePath)) {
            problems.add(key + ": date path " + datePath + " differs from the delivery time " + m.group("ts"));
        }
        JsonNode root;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            root = JSON.readTree(in);
        } catch (IOException e) {
            problems.add(key + ": not gzip JSON: " + e.getMessage());
            return;
        }
        if (root == null || !root.isObject() || root.size() != 1 || !root.path("Records").isArray()) {
            problems.add(key + ": not a {\"Records\":[…]} object");
            return;
        }
        JsonNode recs = root.get("Records");
        if (recs.isEmpty()) {
            problems.add(key + ": empty Records array");
        }
        long previous = Long.MIN_VALUE;
        boolean sorted = true;
        for (JsonNode r : recs) {
            Rec rec = summarise(key, m, delivered, r);
            if (rec == null) {
                continue;
            }
            if (rec.time() < previous) {
                sorted = false;
            }
            previous = rec.time();
            records.add(rec);
            if (labelScenario.containsKey(rec.eventId())) {
                labelled.put(rec.eventId(), r);
            }
        }
        files.add(new LogFile(key, m.group("org"), m.group("acct"), m.group("region"), delivered, recs.size(), sorted));
    }

    private Rec summarise(String key, Matcher m, long delivered, JsonNode r) {
        String where = key + " record " + r.path("eventID").asText("?");
        for (String field : ALWAYS) {
            if (!r.has(field)) {
                problems.add(where + ": missing " + field);
                return null;
            }
        }
        if (!EVENT_VERSION.matcher(r.path("eventVersion").asText()).matches()) {
            problems.add(where + ": eventVersion " + r.path("eventVersion"));
        }
        String eventTime = r.path("eventTime").asText();
        if (!EVENT_TIME.matcher(eventTime).matches()) {
            problems.add(where + ": eventTime " + eventTime);
            return null;
        }
        long time = Instant.parse(eventTime).getEpochSecond();
        if (delivered < time || delivered > time + 20 * 60) {
            problems.add(where + ": delivered at " + m.group("ts") + " for an event at " + eventTime);
        }
        if (!r.path("recipientAccountId").asText().equals(m.group("acct"))) {
            problems.add(where + ": recipientAccountId " + r.path("recipientAccountId") + " in the folder of "
                    + m.group("acct"));
        }
        if (!r.path("awsRegion").asText().equals(m.group("region"))) {
            problems.add(where + ": awsRegion " + r.path("awsRegion") + " in the folder of " + m.group("region"));
        }
        JsonNode id = r.path("userIdentity");
        JsonNode attributes = id.path("sessionContext").path("attributes");
        if (attributes.has("mfaAuthenticated") && !attributes.get("mfaAuthenticated").isTextual()) {
            problems.add(where + ": mfaAuthenticated must be the string \"true\"/\"false\"");
        }
        for (JsonNode res : r.path("resources")) {
            if (!res.has("ARN") || res.has("arn")) {
                problems.add(where + ": resources entries use the upper-case ARN key");
            }
        }
        if (r.has("readOnly") && !r.get("readOnly").isBoolean()) {
            problems.add(where + ": readOnly is not a boolean");
        }
        return new Rec(r.path("eventID").asText(), time, delivered, key, m.group("acct"), m.group("region"),
                r.path("eventSource").asText(), r.path("eventName").asText(), text(r, "errorCode"),
                text(r, "errorMessage"), r.path("sourceIPAddress").asText(), text(r, "userAgent"),
                text(id, "type"), text(id, "arn"), text(id.path("sessionContext").path("sessionIssuer"), "arn"),
                text(id, "invokedBy"), text(id, "accessKeyId"), text(id, "userName"),
                text(r.path("responseElements"), "ConsoleLogin"), text(r.path("additionalEventData"), "MFAUsed"),
                r.has("readOnly") ? r.get("readOnly").asBoolean() : null,
                r.has("managementEvent") ? r.get("managementEvent").asBoolean() : null,
                r.path("eventType").asText(), r.path("eventCategory").asText());
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    List<Rec> benign() {
        return records.stream().filter(r -> !labelScenario.containsKey(r.eventId())).toList();
    }

    List<Rec> scenario(String id) {
        return records.stream().filter(r -> id.equals(labelScenario.get(r.eventId())))
                .sorted(Comparator.comparingLong(Rec::time)).toList();
    }

    List<Rec> step(String scenario, String step) {
        return scenario(scenario).stream().filter(r -> step.equals(labelStep.get(r.eventId()))).toList();
    }

    JsonNode scenarioJson(String id) {
        for (JsonNode s : scenarios.path("scenarios")) {
            if (s.path("id").asText().equals(id)) {
                return s;
            }
        }
        throw new AssertionError("no scenario " + id + " in scenarios.json");
    }

    /** Largest number of the given records within any window of {@code seconds} (inclusive) of each other. */
    static int maxInWindow(List<Long> times, long seconds) {
        List<Long> sorted = times.stream().sorted().toList();
        int best = 0;
        int lo = 0;
        for (int hi = 0; hi < sorted.size(); hi++) {
            while (sorted.get(hi) - sorted.get(lo) > seconds) {
                lo++;
            }
            best = Math.max(best, hi - lo + 1);
        }
        return best;
    }

    /** Largest number of distinct names within any window of {@code seconds} (inclusive). */
    static int maxDistinctInWindow(List<Rec> recs, long seconds) {
        List<Rec> sorted = recs.stream().sorted(Comparator.comparingLong(Rec::time)).toList();
        Map<String, Integer> counts = new HashMap<>();
        int best = 0;
        int lo = 0;
        for (int hi = 0; hi < sorted.size(); hi++) {
            counts.merge(sorted.get(hi).name(), 1, Integer::sum);
            while (sorted.get(hi).time() - sorted.get(lo).time() > seconds) {
                String name = sorted.get(lo++).name();
                if (counts.merge(name, -1, Integer::sum) == 0) {
                    counts.remove(name);
                }
            }
            best = Math.max(best, counts.size());
        }
        return best;
    }

    static boolean discovery(String eventName) {
        return eventName.startsWith("List") || eventName.startsWith("Describe") || eventName.startsWith("Get");
    }

    static boolean denied(String errorCode) {
        return errorCode != null && (errorCode.equals("AccessDenied") || errorCode.equals("AccessDeniedException")
                || errorCode.equals("Client.UnauthorizedOperation") || errorCode.equals("UnauthorizedOperation"));
    }
}
