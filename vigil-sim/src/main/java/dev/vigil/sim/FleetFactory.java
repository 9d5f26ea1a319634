package dev.vigil.sim;

import dev.vigil.sim.Estate.Account;
import dev.vigil.sim.Fleet.Instance;
import dev.vigil.sim.Fleet.Role;
import dev.vigil.sim.Fleet.VpcGroups;
import dev.vigil.sim.PostureOrg.Ingress;
import dev.vigil.sim.PostureOrg.SecurityGroup;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides the fleet: in every workload VPC two public web servers, an application server, three private workers
 * and a NAT gateway; in the home region also prod's SSH bastion (office only), staging's partner SFTP server (SSH
 * open to the internet) and dev's Windows jump host (RDP open to the internet). Ids and addresses come from the
 * seed with their own salt, so the fleet never shifts the ids of anything else.
 */
final class FleetFactory {

    private static final long SALT = 0x666c656574L;
    private static final long DAY = 86_400_000L;
    static final String WEB = "web";
    static final String APP = "app";
    static final String BASTION = "bastion";
    static final String SFTP = "sftp";
    static final String RDP = "rdp";

    private final Estate estate;
    private final Ids ids;
    private final long start;
    private final Set<String> publicIps = new HashSet<>();

    private FleetFactory(Estate estate, long seed, long start) {
        this.estate = estate;
        this.ids = new Ids(Ids.mix(seed, SALT));
        this.start = start;
    }

    static Fleet build(Estate estate, long seed, long startMillis) {
        return new FleetFactory(estate, seed, startMillis).build();
    }

    private Fleet build() {
        List<Instance> instances = new ArrayList<>();
        List<VpcGroups> groups = new ArrayList<>();
        for (Account a : estate.accounts()) {
            if (!a.role().equals("prod") && !a.role().equals("staging") && !a.role().equals("dev")) {
                continue;
            }
            Set<String> regions = new LinkedHashSet<>();
            estate.workloadsIn(a).forEach(w -> regions.add(w.region()));
            for (String region : regions) {
                List<SecurityGroup> added = new ArrayList<>();
                added.add(new SecurityGroup("sg-" + ids.hex(17), a.role() + "-" + WEB, "Public web tier of " + a.role(),
                        List.of(new Ingress("tcp", 443, 443, "0.0.0.0/0", null, "HTTPS from anywhere"),
                                new Ingress("tcp", 80, 80, "0.0.0.0/0", null, "HTTP redirect to HTTPS"))));
                int r = estate.regions().indexOf(region);
                int host = 10;
                instances.add(instance("web-1", Role.WEB, a, region, 0, host++, true, WEB));
                instances.add(instance("web-2", Role.WEB, a, region, 1, host++, true, WEB));
                instances.add(instance("app-1", Role.APP, a, region, 2, host++, false, APP));
                instances.add(instance("worker-1", Role.WORKER, a, region, 2, host++, false, APP));
                instances.add(instance("worker-2", Role.WORKER, a, region, 3, host++, false, APP));
                instances.add(instance("worker-3", Role.WORKER, a, region, 3, host++, false, APP));
                instances.add(new Instance("nat", Role.NAT, a, region, null, "nat-" + ids.hex(17), "eni-" + ids.hex(17),
                        0, 5, publicIp(r), List.of(), start - (200 + ids.random().nextInt(300)) * DAY));
                if (region.equals(Estate.HOME_REGION)) {
                    switch (a.role()) {
                        case "prod" -> {
                            List<Ingress> office = new ArrayList<>();
                            for (String ip : estate.corporateIps()) {
                                office.add(new Ingress("tcp", 22, 22, ip + "/32", null, "SSH from the office"));
                            }
                            added.add(new SecurityGroup("sg-" + ids.hex(17), "prod-" + BASTION,
                                    "SSH jump host, office only", office));
                            instances.add(instance("bastion", Role.BASTION, a, region, 0, host, true, BASTION));
                        }
                        case "staging" -> {
                            added.add(new SecurityGroup("sg-" + ids.hex(17), "staging-" + SFTP,
                                    "Partner SFTP uploads", List.of(new Ingress("tcp", 22, 22, "0.0.0.0/0", null,
                                    "partners upload from changing addresses"))));
                            instances.add(instance("sftp", Role.SFTP, a, region, 0, host, true, SFTP));
                        }
                        default -> {
                            added.add(new SecurityGroup("sg-" + ids.hex(17), "dev-" + RDP,
                                    "Windows jump host for contractors", List.of(new Ingress("tcp", 3389, 3389,
                                    "0.0.0.0/0", null, "RDP for contractors"))));
                            instances.add(instance("win-jump", Role.WINDOWS, a, region, 0, host, true, RDP));
                        }
                    }
                }
                groups.add(new VpcGroups(Fleet.vpcKey(a, region), added));
            }
        }
        return new Fleet(instances, groups);
    }

    private Instance instance(String name, Role role, Account a, String region, int subnet, int host,
                              boolean isPublic, String group) {
        String instanceId = "i-" + ids.hex(17);
        String eni = "eni-" + ids.hex(17);
        String ip = isPublic ? publicIp(estate.regions().indexOf(region)) : null;
        long launched = start - (3 + ids.random().nextInt(60)) * DAY - ids.random().nextInt(86_400) * 1000L;
        return new Instance(name, role, a, region, instanceId, null, eni, subnet, host, ip, List.of(group), launched);
    }

    /** A fresh address in the region's EC2 prefix ({@link AwsIpRanges#ec2Prefix}). */
    private String publicIp(int regionIndex) {
        String ip;
        do {
            ip = "3." + (80 + regionIndex) + "." + ids.random().nextInt(256) + "." + (1 + ids.random().nextInt(254));
        } while (!publicIps.add(ip));
        return ip;
    }
}
