package dev.vigil.engine.apithreat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.engine.testing.JsonEvent;

import java.time.Instant;

/** Hand-built CloudTrail records for the API-side tests (documentation addresses, account 111122223333). */
final class Calls {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String ACCOUNT = "111122223333";
    static final String ALICE = "arn:aws:iam::111122223333:user/alice";
    static final String INSTANCE = "i-0abc1234def567890";
    static final String ROLE_SESSION = "arn:aws:sts::111122223333:assumed-role/web-role/" + INSTANCE;

    private Calls() {
    }

    static JsonEvent user(String time, String source, String eventName) {
        ObjectNode r = base(time, source, eventName);
        ObjectNode id = r.putObject("userIdentity");
        id.put("type", "IAMUser");
        id.put("principalId", "AIDAEXAMPLEALICE");
        id.put("arn", ALICE);
        id.put("accountId", ACCOUNT);
        id.put("accessKeyId", "AKIAEXAMPLEALICE");
        id.put("userName", "alice");
        return JsonEvent.of(r, "calls.json#" + time + "/" + source + "/" + eventName, "aws:cloudtrail");
    }

    static JsonEvent instanceRole(String time, String source, String eventName, String accessKey) {
        return role(time, source, eventName, accessKey, "AROAEXAMPLEWEBROLE:" + INSTANCE);
    }

    static JsonEvent role(String time, String source, String eventName, String accessKey, String principalId) {
        ObjectNode r = base(time, source, eventName);
        ObjectNode id = r.putObject("userIdentity");
        id.put("type", "AssumedRole");
        id.put("principalId", principalId);
        id.put("arn", ROLE_SESSION);
        id.put("accountId", ACCOUNT);
        id.put("accessKeyId", accessKey);
        ObjectNode issuer = id.putObject("sessionContext").putObject("sessionIssuer");
        issuer.put("type", "Role");
        issuer.put("arn", "arn:aws:iam::111122223333:role/web-role");
        return JsonEvent.of(r, "calls.json#" + time + "/" + source + "/" + eventName, "aws:cloudtrail");
    }

    private static ObjectNode base(String time, String source, String eventName) {
        ObjectNode r = JSON.createObjectNode();
        r.put("eventVersion", "1.09");
        r.put("eventTime", time);
        r.put("eventSource", eventName.startsWith("ListBuckets") || eventName.startsWith("GetObject")
                ? "s3.amazonaws.com" : "ec2.amazonaws.com");
        r.put("eventName", eventName);
        r.put("awsRegion", "eu-west-1");
        r.put("sourceIPAddress", source);
        r.put("userAgent", "aws-cli/2.15.0 Python/3.11.6 Linux/6.5 exe/x86_64.ubuntu.22");
        r.put("eventID", java.util.UUID.nameUUIDFromBytes((time + source + eventName).getBytes()).toString());
        r.put("eventType", "AwsApiCall");
        r.put("recipientAccountId", ACCOUNT);
        return r;
    }

    static long millis(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }
}
