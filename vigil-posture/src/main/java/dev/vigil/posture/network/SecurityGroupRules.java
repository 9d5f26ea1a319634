package dev.vigil.posture.network;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.engine.network.NetworkPolicy.Verdict;
import dev.vigil.posture.inventory.Resource;

import java.util.ArrayList;
import java.util.List;

/**
 * The inbound permissions of one security group (AWS::EC2::SecurityGroup {@code ipPermissions}). Security groups
 * only allow; traffic no permission of any attached group allows is denied. A permission whose source is another
 * group or a prefix list cannot be resolved from flow addresses, so where one could apply the answer is
 * {@link Verdict#UNKNOWN}.
 */
final class SecurityGroupRules {

    private record Permission(RuleProtocol protocol, List<CidrBlock> sources, boolean unresolvedSources) {
    }

    private final List<Permission> permissions;

    private SecurityGroupRules(List<Permission> permissions) {
        this.permissions = permissions;
    }

    static SecurityGroupRules of(Resource group) {
        List<Permission> out = new ArrayList<>();
        for (JsonNode p : group.config("ipPermissions")) {
            RuleProtocol protocol = RuleProtocol.of(p.path("ipProtocol").asText(""), p.path("fromPort"),
                    p.path("toPort"));
            List<CidrBlock> sources = new ArrayList<>();
            boolean unresolved = false;
            for (JsonNode r : p.path("ipv4Ranges")) {
                unresolved |= !add(sources, r.path("cidrIp").asText(null));
            }
            for (JsonNode r : p.path("ipRanges")) {
                unresolved |= !add(sources, r.isTextual() ? r.asText() : r.path("cidrIp").asText(null));
            }
            for (JsonNode r : p.path("ipv6Ranges")) {
                unresolved |= !add(sources, r.path("cidrIpv6").asText(null));
            }
            unresolved |= !p.path("prefixListIds").isEmpty() || !p.path("userIdGroupPairs").isEmpty();
            out.add(new Permission(protocol, sources, unresolved));
        }
        return new SecurityGroupRules(out);
    }

    private static boolean add(List<CidrBlock> sources, String cidr) {
        CidrBlock b = CidrBlock.parse(cidr);
        if (b != null) {
            sources.add(b);
        }
        return b != null;
    }

    /** ALLOWED when a permission covers the connection, UNKNOWN when one might, else DENIED. */
    Verdict inbound(int protocol, int localPort, IpAddress remote) {
        boolean maybe = false;
        for (Permission p : permissions) {
            if (!p.protocol().covers(protocol, localPort)) {
                continue;
            }
            for (CidrBlock b : p.sources()) {
                if (b.contains(remote)) {
                    return Verdict.ALLOWED;
                }
            }
            maybe |= p.unresolvedSources();
        }
        return maybe ? Verdict.UNKNOWN : Verdict.DENIED;
    }
}
