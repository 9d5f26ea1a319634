package dev.vigil.posture.input;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.formats.cloudtrail.CloudTrailEvent;
import dev.vigil.formats.cloudtrail.CloudTrailFileReader;
import dev.vigil.formats.cloudtrail.FileKind;
import dev.vigil.formats.input.LogFile;
import dev.vigil.model.Problem;
import dev.vigil.posture.check.RootUse;
import dev.vigil.posture.inventory.history.ApiCall;
import dev.vigil.posture.inventory.history.ApiCallIndex;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * Takes from CloudTrail files only what posture needs, so a year of logs never sits in memory: uses of root users
 * (for the "no recent root use" check) and successful write calls on resources, indexed by the identifiers they
 * name (for attributing configuration changes). Parsing, gzip and broken records are vigil-formats' CloudTrail
 * reader's job.
 */
final class CloudTrailInputReader {

    private static final String[] READ_PREFIXES = {"Get", "List", "Describe", "Head", "Lookup", "Search", "BatchGet"};

    private final CloudTrailFileReader files;
    private final ApiCallIndex calls;
    private final List<RootUse> rootUses;
    private final int maxRootUses;
    private boolean rootUsesCapped;
    private boolean callsCapped;

    CloudTrailInputReader(ReadLimits limits, ApiCallIndex calls, List<RootUse> rootUses) {
        this.files = new CloudTrailFileReader(CloudTrailFileReader.Limits.DEFAULT, new LongAdder());
        this.calls = calls;
        this.rootUses = rootUses;
        this.maxRootUses = limits.maxRootUses();
    }

    /** Reads one file; true when it held CloudTrail records. */
    boolean read(Path path, String display, ReadTally tally) {
        CloudTrailFileReader.Result result = files.read(new LogFile(path, display, 0), this::event,
                problem -> tally.problem(fromFormats(display, problem)));
        tally.cloudTrailRecords(result.records());
        if (calls.refused() > 0 && !callsCapped) {
            callsCapped = true;
            tally.problem(display, "", "api-calls-capped", "more CloudTrail write calls than the " + calls.size()
                    + " kept for change attribution; later changes may show no attribution");
        }
        if (rootUsesCapped) {
            rootUsesCapped = false;
            tally.problem(display, "", "root-uses-capped", "more root uses than the " + maxRootUses
                    + " kept; later ones were not listed");
        }
        return result.kind() == FileKind.CLOUDTRAIL || result.kind() == FileKind.CLOUDTRAIL_INSIGHT;
    }

    private void event(CloudTrailEvent e) {
        if (isRootUse(e)) {
            if (rootUses.size() < maxRootUses) {
                rootUses.add(new RootUse(account(e), Instant.ofEpochMilli(e.timeMillis()), text(e, "eventName"),
                        text(e, "sourceIPAddress")));
            } else {
                rootUsesCapped = true;
            }
        }
        if (isWriteCall(e)) {
            JsonNode record = e.tree();
            calls.add(new ApiCall(account(e), text(e, "awsRegion"), Instant.ofEpochMilli(e.timeMillis()),
                    text(e, "eventSource"), text(e, "eventName"), e.id(), principal(e), text(e, "sourceIPAddress"),
                    text(e, "userAgent")), mentions(record));
        }
    }

    /**
     * A root user's own action: not a service acting on the account's behalf (AwsServiceEvent, or a call invoked
     * by an AWS service) and not a failed sign-in (a wrong password is not a use of the account). Other calls that
     * failed still count: a call refused by an SCP or a policy was signed with working root credentials.
     */
    static boolean isRootUse(CloudTrailEvent e) {
        return "Root".equals(e.field("userIdentity.type"))
                && !"AwsServiceEvent".equals(e.field("eventType"))
                && !(e.field("userIdentity.invokedBy") instanceof String)
                && !isFailedSignIn(e);
    }

    private static boolean isFailedSignIn(CloudTrailEvent e) {
        return "ConsoleLogin".equals(e.field("eventName"))
                && ("Failure".equals(e.field("responseElements.ConsoleLogin"))
                || "Failed authentication".equals(e.field("errorMessage")));
    }

    /**
     * A successful management API call that may change a resource. {@code readOnly} says so when present (it is
     * on every record since 2016); without it, the name prefix of read calls decides.
     */
    static boolean isWriteCall(CloudTrailEvent e) {
        if (e.field("errorCode") instanceof String || Boolean.FALSE.equals(e.field("managementEvent"))) {
            return false;
        }
        Object type = e.field("eventType");
        if (type instanceof String t && !t.equals("AwsApiCall")) {
            return false;
        }
        Object readOnly = e.field("readOnly");
        if (readOnly instanceof Boolean b) {
            return !b;
        }
        String name = text(e, "eventName");
        for (String prefix : READ_PREFIXES) {
            if (name.startsWith(prefix)) {
                return false;
            }
        }
        return !name.isEmpty();
    }

    private static String account(CloudTrailEvent e) {
        String recipient = text(e, "recipientAccountId");
        return recipient.isEmpty() ? text(e, "userIdentity.accountId") : recipient;
    }

    private static String principal(CloudTrailEvent e) {
        String arn = text(e, "userIdentity.arn");
        if (!arn.isEmpty()) {
            return arn;
        }
        String invokedBy = text(e, "userIdentity.invokedBy");
        String type = text(e, "userIdentity.type");
        String id = text(e, "userIdentity.principalId");
        if (!invokedBy.isEmpty()) {
            return type + ":" + invokedBy;
        }
        return id.isEmpty() ? type : type + ":" + id;
    }

    /** Identifier-like text in the parameters, the response and {@code resources[]}, breadth first, bounded. */
    static Set<String> mentions(JsonNode record) {
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode r : record.path("resources")) {
            String arn = r.path("ARN").asText("");
            if (!arn.isEmpty()) {
                out.add(arn);
            }
        }
        Deque<JsonNode> queue = new ArrayDeque<>();
        queue.add(record.path("requestParameters"));
        queue.add(record.path("responseElements"));
        int visited = 0;
        while (!queue.isEmpty() && visited < 2_000 && out.size() < 256) {
            JsonNode n = queue.poll();
            visited++;
            if (n.isTextual()) {
                String t = n.asText();
                if (!t.isBlank() && t.indexOf(' ') < 0 && t.indexOf('\n') < 0) {
                    out.add(t);
                }
            } else if (n.isContainerNode()) {
                n.forEach(queue::add);
            }
        }
        return out;
    }

    private static String text(CloudTrailEvent e, String path) {
        return e.field(path) instanceof String s ? s : "";
    }

    /** vigil-formats names locations {@code file#record N (byte X)}; posture keeps file and position apart. */
    private static InputProblem fromFormats(String display, Problem p) {
        String location = p.location();
        String position = location.startsWith(display) ? location.substring(display.length()) : "";
        position = position.startsWith("#") ? position.substring(1) : position.strip();
        if (position.startsWith("(") && position.endsWith(")")) {
            position = position.substring(1, position.length() - 1);
        }
        return new InputProblem(display, position, p.reason(), p.message());
    }
}
