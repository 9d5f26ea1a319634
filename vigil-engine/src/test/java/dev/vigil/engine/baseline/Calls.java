package dev.vigil.engine.baseline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.engine.testing.JsonEvent;

import java.time.Duration;
import java.time.Instant;

/** Hand-written CloudTrail records for the baseline tests, built field by field and read as the engine reads them. */
final class Calls {

    static final String ALICE = "arn:aws:iam::111122223333:user/alice";
    static final String BOB = "arn:aws:iam::111122223333:user/bob";
    /** 2026-10-01 00:00 UTC. */
    static final Instant DAY_0 = Instant.parse("2026-10-01T00:00:00Z");

    private static final ObjectMapper JSON = new ObjectMapper();

    private Calls() {
    }

    static Call call(String arn) {
        return new Call(arn);
    }

    /** A builder with a usual principal's defaults: eu-west-1, 198.51.100.0/24, aws-cli, iam:ListUsers. */
    static final class Call {
        private String arn;
        private String type = "IAMUser";
        private String principalId = "AIDAEXAMPLE";
        private Instant time = DAY_0;
        private String source = "iam.amazonaws.com";
        private String name = "ListUsers";
        private String region = "eu-west-1";
        private String ip = "198.51.100.7";
        private String agent = "aws-cli/2.15.30 Python/3.11.8 Linux/6.1 exe/x86_64";
        private Boolean readOnly = true;
        private long bytesOut = -1;
        private String account = "111122223333";
        private String eventType = "AwsApiCall";
        private String origin;
        private String roleArn;

        private Call(String arn) {
            this.arn = arn;
        }

        Call at(Instant t) {
            time = t;
            return this;
        }

        Call at(Duration sinceDay0) {
            time = DAY_0.plus(sinceDay0);
            return this;
        }

        Call api(String eventSource, String eventName, boolean isReadOnly) {
            source = eventSource;
            name = eventName;
            readOnly = isReadOnly;
            return this;
        }

        Call region(String r) {
            region = r;
            return this;
        }

        Call ip(String address) {
            ip = address;
            return this;
        }

        Call agent(String ua) {
            agent = ua;
            return this;
        }

        Call type(String t, String id) {
            type = t;
            principalId = id;
            return this;
        }

        Call bytesOut(long b) {
            bytesOut = b;
            return this;
        }

        /** An assumed-role session of that role, its ARN naming the session. */
        Call session(String role, String sessionName) {
            type = "AssumedRole";
            roleArn = role;
            arn = role.replace(":iam::", ":sts::").replace(":role/", ":assumed-role/") + "/" + sessionName;
            principalId = "AROAEXAMPLE:" + sessionName;
            return this;
        }

        Call account(String a) {
            account = a;
            return this;
        }

        Call eventType(String t) {
            eventType = t;
            return this;
        }

        Call origin(String o) {
            origin = o;
            return this;
        }

        JsonEvent event() {
            ObjectNode r = JSON.createObjectNode();
            r.put("eventVersion", "1.09");
            ObjectNode id = r.putObject("userIdentity");
            id.put("type", type);
            id.put("principalId", principalId);
            if (arn != null) {
                id.put("arn", arn);
            }
            id.put("accountId", account);
            if (roleArn != null) {
                ObjectNode issuer = id.putObject("sessionContext").putObject("sessionIssuer");
                issuer.put("type", "Role");
                issuer.put("arn", roleArn);
            }
            r.put("eventTime", time.toString());
            r.put("eventSource", source);
            r.put("eventName", name);
            r.put("awsRegion", region);
            r.put("sourceIPAddress", ip);
            r.put("userAgent", agent);
            if (bytesOut >= 0) {
                r.putObject("additionalEventData").put("bytesTransferredOut", bytesOut);
            }
            if (readOnly != null) {
                r.put("readOnly", readOnly);
            }
            r.put("eventType", eventType);
            r.put("recipientAccountId", account);
            String key = arn + "|" + time + "|" + source + "|" + name + "|" + ip + "|" + agent + "|" + region + "|"
                    + bytesOut;
            String eventId = String.format("%016x", StableHash.of(key, 7));
            r.put("eventID", eventId);
            return JsonEvent.of(r, origin != null ? origin : "test.json#" + eventId, "aws:cloudtrail");
        }
    }
}
