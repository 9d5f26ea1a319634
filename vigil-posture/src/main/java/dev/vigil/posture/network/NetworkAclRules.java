package dev.vigil.posture.network;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.engine.network.NetworkPolicy.Verdict;
import dev.vigil.posture.inventory.Resource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The inbound entries of one network ACL (AWS::EC2::NetworkAcl {@code entries} with {@code egress: false}),
 * evaluated as AWS does: by ascending rule number, the first entry that matches decides; nothing matching is a
 * denial (the {@code *} rule). ACLs are stateless, which is why the detections only ask about new inbound
 * connections, never about responses.
 */
final class NetworkAclRules {

    /** {@code block} null: an entry this reader cannot interpret, which might be the one that decides. */
    private record Entry(int number, RuleProtocol protocol, CidrBlock block, boolean allow) {
    }

    private final List<Entry> inbound;

    private NetworkAclRules(List<Entry> inbound) {
        this.inbound = inbound;
    }

    static NetworkAclRules of(Resource acl) {
        List<Entry> entries = new ArrayList<>();
        for (JsonNode e : acl.config("entries")) {
            if (e.path("egress").asBoolean(false)) {
                continue;
            }
            String cidr = e.hasNonNull("cidrBlock") ? e.path("cidrBlock").asText() : e.path("ipv6CidrBlock").asText(null);
            CidrBlock block = CidrBlock.parse(cidr);
            JsonNode range = e.path("portRange");
            RuleProtocol protocol = RuleProtocol.of(e.path("protocol").asText(""), range.path("from"),
                    range.path("to"));
            if (protocol.protocol() == RuleProtocol.INVALID) {
                block = null;
            }
            entries.add(new Entry(e.path("ruleNumber").asInt(32767), protocol, block,
                    "allow".equalsIgnoreCase(e.path("ruleAction").asText(""))));
        }
        entries.sort(Comparator.comparingInt(Entry::number));
        return new NetworkAclRules(List.copyOf(entries));
    }

    Verdict inbound(int protocol, int localPort, IpAddress remote) {
        for (Entry e : inbound) {
            if (e.block() == null) {
                return Verdict.UNKNOWN;
            }
            if (e.protocol().covers(protocol, localPort) && e.block().contains(remote)) {
                return e.allow() ? Verdict.ALLOWED : Verdict.DENIED;
            }
        }
        return inbound.isEmpty() ? Verdict.UNKNOWN : Verdict.DENIED;
    }
}
