package dev.vigil.sim;

import dev.vigil.sim.Estate.Account;
import dev.vigil.sim.PostureOrg.Ingress;
import dev.vigil.sim.PostureOrg.SecurityGroup;

import java.util.List;

/**
 * The EC2 side of the simulated organisation: the instances and NAT gateways in the workload VPCs, with stable
 * private and public addresses, and the security groups the fleet adds to the VPCs. Decided from the estate and the
 * seed alone, before the posture model exists, so the CloudTrail scenarios (an instance role's credentials used
 * from the instance's own address) and the flow logs name the same instances.
 *
 * @param instances every instance and NAT gateway, VPC by VPC
 * @param groups    the security groups the fleet adds, per VPC key ({@link #vpcKey})
 */
record Fleet(List<Instance> instances, List<VpcGroups> groups) {

    Fleet {
        instances = List.copyOf(instances);
        groups = List.copyOf(groups);
    }

    /** What a machine does, which decides its traffic and security groups. */
    enum Role {
        /** Public web server: HTTPS and HTTP from the internet. */
        WEB,
        /** Application server: HTTPS from inside the VPC (the VPC's existing app group). */
        APP,
        /** Batch worker: no inbound, talks out through the NAT gateway and to AWS services. */
        WORKER,
        /** SSH jump host, open to the office only. */
        BASTION,
        /** Partner SFTP server, SSH open to the internet. */
        SFTP,
        /** Windows jump host, RDP open to the internet. */
        WINDOWS,
        /** NAT gateway: a requester-managed interface with an Elastic IP, no instance, no security group. */
        NAT
    }

    /**
     * One network interface and, except for NAT gateways, its instance.
     *
     * @param instanceId  {@code i-…}, or null for a NAT gateway
     * @param natId       {@code nat-…} for a NAT gateway, else null
     * @param subnet      0 = public subnet in zone a, 1 = public in b, 2 = private in a, 3 = private in b
     * @param host        last two octets of the private address inside the VPC's /16, as {@code subnet*256+host}
     * @param publicIp    public IPv4 address, or null for private instances
     * @param groupNames  names of its security groups ({@code app} = the VPC's existing application group)
     */
    record Instance(String name, Role role, Account account, String region, String instanceId, String natId,
                    String eniId, int subnet, int host, String publicIp, List<String> groupNames, long launchMillis) {

        Instance {
            groupNames = List.copyOf(groupNames);
        }

        String vpcKey() {
            return Fleet.vpcKey(account, region);
        }

        /** Instance id, or the interface id where there is no instance (NAT gateway). */
        String resourceId() {
            return instanceId != null ? instanceId : eniId;
        }

        /** The private address inside a VPC whose CIDR is {@code 10.X.0.0/16}. */
        String privateIp(String vpcCidr) {
            String prefix = vpcCidr.substring(0, vpcCidr.indexOf(".0.0/"));
            return prefix + "." + (subnet * 32 + host / 256) + "." + (host % 256);
        }

        String arn() {
            return "arn:aws:ec2:" + region + ":" + account.id() + ":instance/" + instanceId;
        }

        /** The IAM role of its instance profile (same name as the profile). */
        String roleName() {
            return account.role() + "-" + role.name().toLowerCase(java.util.Locale.ROOT) + "-instance";
        }

        String zone() {
            return region + (subnet % 2 == 0 ? "a" : "b");
        }
    }

    /** The security groups the fleet adds to one VPC. */
    record VpcGroups(String vpcKey, List<SecurityGroup> groups) {
        VpcGroups {
            groups = List.copyOf(groups);
        }
    }

    static String vpcKey(Account account, String region) {
        return account.id() + "/" + region;
    }

    List<Instance> in(Account account, String region) {
        String key = vpcKey(account, region);
        return instances.stream().filter(i -> i.vpcKey().equals(key)).toList();
    }

    List<SecurityGroup> groupsOf(Account account, String region) {
        String key = vpcKey(account, region);
        return groups.stream().filter(g -> g.vpcKey().equals(key)).findFirst().map(VpcGroups::groups)
                .orElse(List.of());
    }

    /** Whether an ingress rule lets {@code source} reach {@code port} over {@code protocol} (CIDR rules only). */
    static boolean allows(Ingress rule, String protocol, int port, String source) {
        return (rule.protocol().equals("-1") || rule.protocol().equals(protocol))
                && port >= rule.from() && port <= rule.to() && rule.cidr() != null
                && Addresses.inCidr(source, rule.cidr());
    }
}
