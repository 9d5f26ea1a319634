package dev.vigil.posture.inventory.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.posture.inventory.Inventory;
import dev.vigil.posture.inventory.Resource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigHistoryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCT = "111122223333";
    private static final Instant T1 = Instant.parse("2026-03-01T08:00:00Z");
    private static final Instant T2 = Instant.parse("2026-03-02T10:05:00Z");
    private static final Instant T3 = Instant.parse("2026-03-03T00:00:00Z");
    private static final Instant T4 = Instant.parse("2026-03-04T16:30:00Z");

    private static Resource sg(Instant at, String status, int... ports) {
        StringBuilder perms = new StringBuilder();
        for (int p : ports) {
            perms.append(perms.isEmpty() ? "" : ",").append("{\"ipProtocol\":\"tcp\",\"fromPort\":").append(p)
                    .append(",\"toPort\":").append(p).append(",\"ipv4Ranges\":[{\"cidrIp\":\"0.0.0.0/0\"}]}");
        }
        JsonNode config = status.startsWith("ResourceDeleted") ? null
                : json("{\"groupId\":\"sg-0a1\",\"groupName\":\"web\",\"ipPermissions\":[" + perms + "]}");
        return new Resource("AWS::EC2::SecurityGroup", "sg-0a1", "web",
                "arn:aws:ec2:us-east-2:" + ACCT + ":security-group/sg-0a1", ACCT, "us-east-2", status, at,
                Map.of("team", "web"), config, json("{}"), List.of(), "test#" + at);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Created with 443, 22 opened at T2, the same state re-captured at T3, deleted at T4. */
    private static ConfigHistory lifeOfAGroup(ApiCallIndex calls) {
        return ConfigHistory.builder()
                .add(sg(T4, "ResourceDeleted"), "4")
                .add(sg(T2, "OK", 443, 22), "2")
                .add(sg(T1, "ResourceDiscovered", 443), "1")
                .add(sg(T3, "OK", 443, 22), "3")
                .calls(calls)
                .build();
    }

    private static final ResourceKey KEY = new ResourceKey(ACCT, "us-east-2", "AWS::EC2::SecurityGroup", "sg-0a1");

    @Test
    void itemsAreOrderedByCaptureTimeAndRepeatedStatesCollapse() {
        ConfigHistory h = lifeOfAGroup(ApiCallIndex.empty());

        assertThat(h.items(KEY)).extracting(Resource::captureTime).containsExactly(T1, T2, T4);
        assertThat(h.resources()).containsExactly(KEY);
    }

    @Test
    void theSameStateFromTwoSnapshotsIsKeptOnceAtItsEarliestCapture() {
        Resource first = sg(T1, "OK", 443);
        Resource again = sg(T3, "OK", 443);
        ConfigHistory h = ConfigHistory.builder().add(again, "1700").add(first, "1700").build();

        assertThat(h.items(KEY)).containsExactly(first);
        assertThat(h.itemCount()).isEqualTo(1);
    }

    @Test
    void stateAtGivesTheLatestCaptureAtOrBeforeTheTime() {
        ConfigHistory h = lifeOfAGroup(ApiCallIndex.empty());

        assertThat(h.stateAt(T1.minusSeconds(1)).isEmpty()).isTrue();
        Inventory atT1 = h.stateAt(T1);
        assertThat(atT1.byId("AWS::EC2::SecurityGroup", "sg-0a1").orElseThrow().config("ipPermissions").size())
                .isEqualTo(1);
        Inventory midway = h.stateAt(T3);
        assertThat(midway.byId("AWS::EC2::SecurityGroup", "sg-0a1").orElseThrow().captureTime()).isEqualTo(T2);
        Inventory after = h.stateAt(T4.plusSeconds(60));
        assertThat(after.byId("AWS::EC2::SecurityGroup", "sg-0a1").orElseThrow().deleted()).isTrue();
        assertThat(after.live()).isEmpty();
    }

    @Test
    void diffNamesTheChangedPathsWithBeforeAndAfter() {
        ConfigHistory h = lifeOfAGroup(ApiCallIndex.empty());

        List<ResourceChange> changes = h.diff(T1, T3);

        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(ChangeType.UPDATED);
            assertThat(c.time()).isEqualTo(T2);
            assertThat(c.before().orElseThrow().captureTime()).isEqualTo(T1);
            assertThat(c.changes()).extracting(PathChange::path).containsExactly(
                    "status", "configuration.ipPermissions[1]");
            assertThat(c.changes().get(0).before().asText()).isEqualTo("ResourceDiscovered");
            PathChange rule = c.changes().get(1);
            assertThat(rule.before().isMissingNode()).as("an added rule").isTrue();
            assertThat(rule.after().path("fromPort").asInt()).isEqualTo(22);
            assertThat(c.attribution()).isEmpty();
        });
    }

    @Test
    void diffReportsCreationsAndDeletions() {
        ConfigHistory h = lifeOfAGroup(ApiCallIndex.empty());

        assertThat(h.diff(T1.minusSeconds(1), T2)).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(ChangeType.CREATED);
            assertThat(c.before()).isEmpty();
            assertThat(c.time()).as("dated when it appeared").isEqualTo(T1);
            assertThat(c.after().captureTime()).as("the state at the end of the window").isEqualTo(T2);
        });
        assertThat(h.diff(T2, T4)).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(ChangeType.DELETED);
            assertThat(c.after().deleted()).isTrue();
            assertThat(c.before().orElseThrow().captureTime()).isEqualTo(T2);
        });
        assertThat(h.diff(T2, T3)).isEmpty();
        assertThatThrownBy(() -> h.diff(T3, T1)).hasMessageContaining("swap --from and --to");
    }

    @Test
    void timelineListsEveryChangeOldestFirst() {
        ConfigHistory h = lifeOfAGroup(ApiCallIndex.empty());

        assertThat(h.timeline(KEY)).extracting(ResourceChange::type, ResourceChange::time).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ChangeType.CREATED, T1),
                org.assertj.core.groups.Tuple.tuple(ChangeType.UPDATED, T2),
                org.assertj.core.groups.Tuple.tuple(ChangeType.DELETED, T4));
        assertThat(h.find("sg-0a1")).containsExactly(KEY);
        assertThat(h.find("web")).containsExactly(KEY);
        assertThat(h.find("sg-other")).isEmpty();
    }

    @Test
    void aChangeIsAttributedToTheLatestMatchingWriteCallInTheWindow() {
        ApiCallIndex calls = new ApiCallIndex(100, 10);
        calls.add(call("e-early", T2.minus(Duration.ofHours(2)), ACCT, "us-east-2", "bob"), List.of("sg-0a1"));
        calls.add(call("e-right", T2.minus(Duration.ofMinutes(3)), ACCT, "us-east-2", "alice"), List.of("sg-0a1"));
        calls.add(call("e-older", T2.minus(Duration.ofMinutes(9)), ACCT, "us-east-2", "carol"), List.of("sg-0a1"));
        calls.add(call("e-other-acct", T2.minus(Duration.ofMinutes(1)), "999999999999", "us-east-2", "eve"),
                List.of("sg-0a1"));
        calls.add(call("e-other-region", T2.minus(Duration.ofMinutes(1)), ACCT, "eu-west-1", "eve"), List.of("sg-0a1"));
        calls.add(call("e-other-sg", T2.minus(Duration.ofMinutes(1)), ACCT, "us-east-2", "eve"), List.of("sg-0ff"));
        calls.add(call("e-after", T2.plus(Duration.ofMinutes(5)), ACCT, "us-east-2", "eve"), List.of("sg-0a1"));

        ConfigHistory h = lifeOfAGroup(calls);
        ResourceChange update = h.timeline(KEY).get(1);

        Attribution a = update.attribution().orElseThrow();
        assertThat(a.eventId()).isEqualTo("e-right");
        assertThat(a.principal()).isEqualTo("arn:aws:iam::" + ACCT + ":user/alice");
        assertThat(a.eventName()).isEqualTo("AuthorizeSecurityGroupIngress");
        assertThat(a.sourceIp()).isEqualTo("192.0.2.44");
        assertThat(a.userAgent()).isEqualTo("console.ec2.amazonaws.com");
        assertThat(a.eventTime()).isEqualTo(T2.minus(Duration.ofMinutes(3)));

        assertThat(h.withAttributionWindow(Duration.ofMinutes(1)).timeline(KEY).get(1).attribution())
                .as("nothing within a minute before the capture").isEmpty();
        assertThat(h.timeline(KEY).get(0).attribution()).as("no call near the creation").isEmpty();
    }

    @Test
    void globalResourcesMatchCallsLoggedInAnyRegionAndByArn() {
        String arn = "arn:aws:iam::" + ACCT + ":role/audit";
        Resource v1 = new Resource("AWS::IAM::Role", "AROA1", "audit", arn, ACCT, "global", "OK", T1, Map.of(),
                json("{\"roleName\":\"audit\",\"assumeRolePolicyDocument\":\"%7B%22Statement%22%3A%5B%7B%22Principal%22%3A%7B%22AWS%22%3A%22111122223333%22%7D%7D%5D%7D\"}"),
                json("{}"), List.of(), "");
        Resource v2 = new Resource("AWS::IAM::Role", "AROA1", "audit", arn, ACCT, "global", "OK", T2, Map.of(),
                json("{\"roleName\":\"audit\",\"assumeRolePolicyDocument\":\"%7B%22Statement%22%3A%5B%7B%22Principal%22%3A%7B%22AWS%22%3A%22*%22%7D%7D%5D%7D\"}"),
                json("{}"), List.of(), "");
        ApiCallIndex calls = new ApiCallIndex(10, 10);
        calls.add(new ApiCall(ACCT, "us-east-1", T2.minusSeconds(30), "iam.amazonaws.com", "UpdateAssumeRolePolicy",
                "e-trust", "arn:aws:iam::" + ACCT + ":user/mallory", "203.0.113.5", "aws-cli/2"), List.of(arn));

        ConfigHistory h = ConfigHistory.builder().add(v1, "").add(v2, "").calls(calls).build();
        ResourceChange change = h.diff(T1, T2).get(0);

        assertThat(change.attribution().orElseThrow().eventId()).isEqualTo("e-trust");
        assertThat(change.changes()).singleElement().satisfies(p -> {
            assertThat(p.path()).as("URL-encoded policy compared as a document")
                    .isEqualTo("configuration.assumeRolePolicyDocument.Statement[0].Principal.AWS");
            assertThat(p.before().asText()).isEqualTo(ACCT);
            assertThat(p.after().asText()).isEqualTo("*");
        });
    }

    @Test
    void aCallNamingTheIdIsPreferredToALaterOneThatOnlySharesTheName() {
        ApiCallIndex calls = new ApiCallIndex(10, 10);
        calls.add(call("e-by-id", T2.minus(Duration.ofMinutes(5)), ACCT, "us-east-2", "alice"), List.of("sg-0a1"));
        calls.add(call("e-by-name", T2.minus(Duration.ofMinutes(1)), ACCT, "us-east-2", "bob"), List.of("web"));

        assertThat(lifeOfAGroup(calls).timeline(KEY).get(1).attribution().orElseThrow().eventId())
                .isEqualTo("e-by-id");

        ApiCallIndex nameOnly = new ApiCallIndex(10, 10);
        nameOnly.add(call("e-by-name", T2.minus(Duration.ofMinutes(1)), ACCT, "us-east-2", "bob"), List.of("web"));
        assertThat(lifeOfAGroup(nameOnly).timeline(KEY).get(1).attribution().orElseThrow().eventId())
                .as("the name is the fallback").isEqualTo("e-by-name");
    }

    @Test
    void theCallIndexRefusesCallsOnceFull() {
        ApiCallIndex calls = new ApiCallIndex(1, 2);
        assertThat(calls.add(call("a", T1, ACCT, "us-east-2", "x"), List.of("sg-1", "sg-2", "sg-3"))).isTrue();
        assertThat(calls.add(call("b", T1, ACCT, "us-east-2", "x"), List.of("sg-1"))).isFalse();

        assertThat(calls.size()).isEqualTo(1);
        assertThat(calls.refused()).isEqualTo(1);
        assertThat(calls.mentioning("sg-3")).as("only the first two identifiers are kept").isEmpty();
        assertThat(calls.mentioning("sg-2")).extracting(ApiCall::eventId).containsExactly("a");
    }

    private static ApiCall call(String id, Instant at, String account, String region, String user) {
        return new ApiCall(account, region, at, "ec2.amazonaws.com", "AuthorizeSecurityGroupIngress", id,
                "arn:aws:iam::" + account + ":user/" + user, "192.0.2.44", "console.ec2.amazonaws.com");
    }
}
