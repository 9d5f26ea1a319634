package dev.vigil.engine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.engine.testing.Detections;
import dev.vigil.engine.testing.JsonEvent;
import dev.vigil.engine.testing.MapEvent;
import dev.vigil.model.Event;
import dev.vigil.model.Finding;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Log content is hostile: whatever values an event holds, evaluating the built-in pack never throws, and findings
 * carry the values unchanged (escaping is the job of whoever displays them).
 */
class HostileValuesTest {

    private static final DetectionSet PACK = DetectionSet.builtIn();

    /** Every field path the built-in rules read. */
    private static final List<String> PATHS = List.of("eventName", "eventSource", "eventType", "eventCategory",
            "errorCode", "errorMessage", "sourceIPAddress", "recipientAccountId", "awsRegion",
            "userIdentity.type", "userIdentity.arn", "userIdentity.invokedBy", "userIdentity.userName",
            "userIdentity.principalId", "userIdentity.accountId", "responseElements.ConsoleLogin",
            "additionalEventData.MFAUsed", "requestParameters.bucketName", "requestParameters.cidrIp",
            "requestParameters.fromPort", "requestParameters.toPort", "requestParameters.ipProtocol",
            "requestParameters.ipPermissions.items.ipRanges.items.cidrIp",
            "requestParameters.ipPermissions.items.ipv6Ranges.items.cidrIpv6",
            "requestParameters.ipPermissions.items.fromPort", "requestParameters.ipPermissions.items.toPort",
            "requestParameters.ipPermissions.items.ipProtocol", "requestParameters.enable",
            "requestParameters.principal", "requestParameters.userData", "requestParameters.attributeName",
            "requestParameters.valuesToAdd", "requestParameters.createVolumePermission.add.items",
            "requestParameters.launchPermission.add.items", "requestParameters.instanceId",
            "requestParameters.secretId", "requestParameters.groupId", "requestParameters.name");

    private static Object hostile(Random r, int depth) {
        return switch (r.nextInt(depth > 2 ? 11 : 13)) {
            case 0 -> "x".repeat(r.nextInt(200_000));
            case 1 -> "\u0000\u001b[31m\r\n\t\u202e" + "ContinuousLogin";
            case 2 -> "";
            case 3 -> r.nextLong();
            case 4 -> r.nextBoolean() ? Double.NaN : r.nextDouble() * 1e300;
            case 5 -> r.nextBoolean();
            case 6 -> Event.NULL;
            case 7 -> new Event.ObjectValue("{\"a\":\"" + "\\u0000".repeat(r.nextInt(50)) + "\"}");
            case 8 -> new Event.ObjectValue(null);
            case 9 -> new Object();
            case 10 -> Integer.valueOf(22);
            case 11 -> {
                List<Object> list = new ArrayList<>();
                for (int i = r.nextInt(4); i > 0; i--) {
                    list.add(hostile(r, depth + 1));
                }
                yield list;
            }
            default -> new String[] {"StopLogging", "0.0.0.0/0", "*", "-1", "::/0", "Root", "Yes"}[r.nextInt(7)];
        };
    }

    @Test
    void oddJavaValuesNeverThrow() {
        Random r = new Random(42);
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            Map<String, Object> fields = new HashMap<>();
            for (String path : PATHS) {
                if (r.nextInt(3) == 0) {
                    fields.put(path, hostile(r, 0));
                }
            }
            // keep the indexed fields plausible half of the time so pinned rules are reached
            if (r.nextBoolean()) {
                fields.put("eventName", new String[] {"StopLogging", "AuthorizeSecurityGroupIngress", "ConsoleLogin",
                        "UpdateDetector", "AddPermission20150331v2", "GetSecretValue"}[r.nextInt(6)]);
            }
            long time = r.nextBoolean() ? r.nextLong() : Long.MIN_VALUE;
            events.add(new MapEvent(fields, "{\"hostile\":\"\u0000\"}", r.nextInt(5) == 0 ? "" : "id" + i, time));
        }
        List<Finding> findings = Detections.findings(PACK, events);
        assertThat(findings).as("plausible names reach the pinned rules").isNotEmpty();
    }

    @Test
    void oddJsonRecordsNeverThrow() {
        Random r = new Random(7);
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            ObjectNode root = JsonNodeFactory.instance.objectNode();
            for (String path : PATHS) {
                if (r.nextInt(3) != 0) {
                    continue;
                }
                String[] segments = path.split("\\.");
                ObjectNode node = root;
                for (int s = 0; s < segments.length - 1; s++) {
                    if (r.nextInt(6) == 0) {
                        ArrayNode array = node.putArray(segments[s]);
                        node = array.addObject();
                    } else {
                        node = node.has(segments[s]) && node.get(segments[s]).isObject()
                                ? (ObjectNode) node.get(segments[s]) : node.putObject(segments[s]);
                    }
                }
                String leaf = segments[segments.length - 1];
                switch (r.nextInt(6)) {
                    case 0 -> node.put(leaf, "\u0000\u001b]0;pwned\u0007" + "é".repeat(r.nextInt(1000)));
                    case 1 -> node.put(leaf, r.nextLong());
                    case 2 -> node.putNull(leaf);
                    case 3 -> node.putArray(leaf).add(1).add("0.0.0.0/0").addNull().addArray().add(true);
                    case 4 -> node.putObject(leaf).put("nested", "*");
                    default -> node.put(leaf, new String[] {"StopLogging", "0.0.0.0/0", "Root", "AccessDenied",
                            "cloudtrail.amazonaws.com"}[r.nextInt(5)]);
                }
            }
            root.put("eventTime", r.nextBoolean() ? "2024-05-01T10:00:00Z" : "not a time");
            events.add(JsonEvent.of(root, "fuzz#" + i, "aws:cloudtrail"));
        }
        assertThat(Detections.hits(PACK, events)).as("some records do match").isNotEmpty();
        assertThat(Detections.findings(PACK, events)).isNotNull();
    }

    @Test
    void controlCharactersReachFindingsUnchanged() {
        String evilName = "trail\u001b[2J\u0000\r\nX";
        JsonEvent e = JsonEvent.of("""
                {"eventID":"e1","eventTime":"2024-05-01T10:00:00Z","eventSource":"cloudtrail.amazonaws.com",
                 "eventName":"StopLogging","requestParameters":{"name":"%s"},
                 "userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::111122223333:user/a"}}"""
                .formatted("trail\\u001b[2J\\u0000\\r\\nX"));
        Finding f = Detections.findings(PACK, List.of(e)).getFirst();
        assertThat(f.resource()).isEqualTo(evilName);
    }
}
