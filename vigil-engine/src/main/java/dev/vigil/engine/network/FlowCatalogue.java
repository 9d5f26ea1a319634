package dev.vigil.engine.network;

import dev.vigil.model.DetectionInfo;
import dev.vigil.model.Severity;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** The detections {@link FlowDetections} raises: what each one is and what to do about it. */
final class FlowCatalogue {

    private FlowCatalogue() {
    }

    static final DetectionInfo PORTSCAN = info("vigil-net-portscan", "Instance scanning ports",
            "An instance sent short connection attempts to many different ports of one or more hosts in one window, "
                    + "as a port scanner does. Find the process that opened the connections (on Linux, audit or "
                    + "process accounting around the window); if no one ran an authorised scan, isolate the "
                    + "instance and look for how it was compromised.",
            Severity.MEDIUM, List.of("T1046"), "Recon:EC2/Portscan");
    static final DetectionInfo PORT_SWEEP = info("vigil-net-port-sweep", "Instance sweeping one port across hosts",
            "An instance probed the same port on many different hosts in one window, as worms and scanners looking "
                    + "for one service do. Unless an authorised scanner runs there, isolate the instance and "
                    + "investigate the process behind the connections.",
            Severity.HIGH, List.of("T1046"), "Impact:EC2/PortSweep");
    static final DetectionInfo SSH_BRUTE_FORCE_IN = info("vigil-net-ssh-brute-force-inbound",
            "SSH brute force against an instance",
            "An internet host made many short SSH connections to the instance in one window: password guessing. "
                    + "Restrict port 22 in the security group to known addresses (or use Session Manager), "
                    + "disable password authentication, and check the instance's auth log for a success.",
            Severity.LOW, List.of("T1110", "T1021.004"), "UnauthorizedAccess:EC2/SSHBruteForce");
    static final DetectionInfo SSH_BRUTE_FORCE_OUT = info("vigil-net-ssh-brute-force-outbound",
            "Instance brute forcing SSH on a remote host",
            "The instance made many short SSH connections to one host in one window: it is guessing passwords, "
                    + "which usually means it is compromised. Isolate it, find the process, and rotate credentials "
                    + "it holds.",
            Severity.HIGH, List.of("T1110", "T1021.004"), "UnauthorizedAccess:EC2/SSHBruteForce");
    static final DetectionInfo RDP_BRUTE_FORCE_IN = info("vigil-net-rdp-brute-force-inbound",
            "RDP brute force against an instance",
            "An internet host made many short RDP connections to the instance in one window: password guessing. "
                    + "Restrict port 3389 to known addresses or a bastion, enforce Network Level Authentication and "
                    + "account lockout, and check the Windows security log for a successful logon.",
            Severity.LOW, List.of("T1110", "T1021.001"), "UnauthorizedAccess:EC2/RDPBruteForce");
    static final DetectionInfo RDP_BRUTE_FORCE_OUT = info("vigil-net-rdp-brute-force-outbound",
            "Instance brute forcing RDP on a remote host",
            "The instance made many short RDP connections to one host in one window: it is guessing passwords, "
                    + "which usually means it is compromised. Isolate it, find the process, and rotate credentials "
                    + "it holds.",
            Severity.HIGH, List.of("T1110", "T1021.001"), "UnauthorizedAccess:EC2/RDPBruteForce");
    static final DetectionInfo PORT_PROBE = info("vigil-net-port-probe-unprotected-port",
            "Internet hosts probing an open port",
            "Several internet hosts probed a port of the instance that is reachable from the internet. If the port "
                    + "need not be public, remove the security-group rule that opens it; otherwise make sure the "
                    + "service behind it is patched and authenticated.",
            Severity.LOW, List.of("T1595"), "Recon:EC2/PortProbeUnprotectedPort");
    static final DetectionInfo DOS_TCP = dos("tcp", "TCP", "Backdoor:EC2/DenialOfService.Tcp");
    static final DetectionInfo DOS_UDP = dos("udp", "UDP", "Backdoor:EC2/DenialOfService.Udp");
    static final DetectionInfo DOS_ICMP = dos("icmp", "ICMP", "Backdoor:EC2/DenialOfService.Icmp");
    static final DetectionInfo DOS_DNS = dos("dns", "DNS", "Backdoor:EC2/DenialOfService.Dns");
    static final DetectionInfo DOS_UDP_ON_TCP = dos("udp-on-tcp-ports", "UDP to TCP service ports",
            "Backdoor:EC2/DenialOfService.UdpOnTcpPorts");
    static final DetectionInfo DOS_UNUSUAL = dos("unusual-protocol", "an unusual IP protocol",
            "Backdoor:EC2/DenialOfService.UnusualProtocol");
    static final DetectionInfo SPAMBOT = info("vigil-net-spambot", "Instance sending mail to many servers",
            "The instance connected to many different mail servers (SMTP ports) in one window, as spam bots do. "
                    + "If it is not a mail server, isolate it and find the process; AWS also throttles port 25 "
                    + "unless the account asked to lift the limit.",
            Severity.MEDIUM, List.of("T1071.003"), "Backdoor:EC2/Spambot");
    static final DetectionInfo PORT_UNUSUAL = info("vigil-net-network-port-unusual",
            "Instance using a remote port it never used",
            "After its learning period, the instance connected to a remote port it had never used before. Confirm "
                    + "with the owner that new software explains it; otherwise treat it as possible "
                    + "command-and-control or exfiltration over a non-standard port.",
            Severity.MEDIUM, List.of("T1571"), "Behavior:EC2/NetworkPortUnusual");
    static final DetectionInfo VOLUME_UNUSUAL = info("vigil-net-traffic-volume-unusual",
            "Unusual outbound volume to one host",
            "After its learning period, the instance sent far more bytes to one remote host in one window than it "
                    + "sent to any host per window while learning: possible exfiltration. Identify what was sent "
                    + "(the process, the data it reads) and who owns the remote address.",
            Severity.MEDIUM, List.of("T1048", "T1030"), "Behavior:EC2/TrafficVolumeUnusual");
    static final DetectionInfo CRYPTO_MINING = info("vigil-net-crypto-mining", "Instance talking to a mining pool",
            "The instance exchanged traffic with a listed cryptocurrency mining pool, or kept a long-lived, low-volume "
                    + "connection to a well-known mining (stratum) port. Unless mining is sanctioned, stop the "
                    + "instance, find how the miner got there, and check the account for other abuse.",
            Severity.HIGH, List.of("T1496"), "CryptoCurrency:EC2/BitcoinTool.B");
    static final DetectionInfo COMMAND_AND_CONTROL = info("vigil-net-command-and-control",
            "Instance contacting a command-and-control server",
            "The instance exchanged traffic with an address listed as a command-and-control server. Isolate the "
                    + "instance, capture its memory and disk for forensics, and look for the same address in other "
                    + "instances' flows.",
            Severity.HIGH, List.of("T1071"), "Backdoor:EC2/C&CActivity.B");
    static final DetectionInfo BEACONING = info("vigil-net-beaconing", "Instance beaconing to one host",
            "The instance opened new connections to one internet host at regular intervals with small, similar "
                    + "amounts of data for hours, as malware calling home does. Check what the remote host is; if "
                    + "no known agent or health check explains it, isolate the instance.",
            Severity.MEDIUM, List.of("T1071", "T1029"), "Backdoor:EC2/C&CActivity.B");
    static final DetectionInfo BLACKHOLE = info("vigil-net-blackhole-traffic", "Instance contacting a black hole",
            "The instance tried to reach an address listed as black-holed or sinkholed, typically a taken-down "
                    + "malware domain. Find the process that did, and treat the instance as possibly infected.",
            Severity.MEDIUM, List.of("T1071"), "Trojan:EC2/BlackholeTraffic");
    static final DetectionInfo DROP_POINT = info("vigil-net-drop-point", "Instance contacting a drop point",
            "The instance exchanged traffic with an address listed as a drop point for stolen data or credentials. "
                    + "Isolate it, find what was sent and rotate the credentials it held.",
            Severity.MEDIUM, List.of("T1041"), "Trojan:EC2/DropPoint");
    static final DetectionInfo TOR_CLIENT = info("vigil-net-tor-client", "Instance connecting to Tor",
            "The instance connected to Tor relays or exit nodes. Unless Tor is sanctioned there, find the process; "
                    + "Tor is used to hide command-and-control and exfiltration.",
            Severity.HIGH, List.of("T1090.003"), "UnauthorizedAccess:EC2/TorClient");
    static final DetectionInfo TOR_RELAY = info("vigil-net-tor-relay", "Instance acting as a Tor relay",
            "Many Tor relays connected to the instance in one window: it is serving as a Tor relay. Unless that is "
                    + "sanctioned, stop the relay software and find how it got there.",
            Severity.HIGH, List.of("T1090.003"), "UnauthorizedAccess:EC2/TorRelay");
    static final DetectionInfo MALICIOUS_IP = info("vigil-net-malicious-ip-caller",
            "Instance communicating with a listed address",
            "The instance exchanged traffic with an address on a threat list. Check the list entry and the flows; "
                    + "if the traffic was not expected, isolate the instance and investigate the process behind it.",
            Severity.MEDIUM, List.of("T1071"), "UnauthorizedAccess:EC2/MaliciousIPCaller.Custom");
    static final DetectionInfo UNAUTHORISED_PORT = info("vigil-net-unauthorised-port-access",
            "Accepted traffic on a port the configuration denies",
            "Inbound connections were accepted on a port that the interface's security groups and network ACLs, "
                    + "as the inventory shows them, do not allow. The inventory is stale, a rule was changed and "
                    + "changed back, or the flows came another way: compare the current rules with the inventory, "
                    + "and check CloudTrail for security-group changes around the window.",
            Severity.MEDIUM, List.of("T1133"), "Policy:EC2/AcceptedPortNotAllowed");
    static final DetectionInfo REJECTED_STORM = info("vigil-net-rejected-storm", "Storm of rejected flows",
            "An unusual number of flows to or from one interface were rejected in one window: a scan or flood "
                    + "hitting closed ports, or a misconfigured client retrying. Look at the remote addresses in "
                    + "the evidence; block them at the network ACL if they keep coming.",
            Severity.LOW, List.of("T1595", "T1498"), "Unusual Behaviors/Network Flow");

    /** Every detection, in catalogue order. */
    static List<DetectionInfo> all() {
        return Arrays.stream(Kind.values()).map(Kind::info).filter(Objects::nonNull).distinct().toList();
    }

    private static DetectionInfo info(String id, String title, String description, Severity severity,
                                      List<String> attack, String type) {
        return new DetectionInfo(id, title, description, severity, attack, List.of(type));
    }

    private static DetectionInfo dos(String suffix, String what, String type) {
        return info("vigil-net-dos-" + suffix, "Instance flooding a host with " + what,
                "The instance sent a flood of " + what + " packets to one host in one window, as a denial-of-service "
                        + "bot does. Isolate the instance and find the process; the target may complain to AWS "
                        + "abuse.",
                Severity.HIGH, List.of("T1498"), type);
    }

    /**
     * What one partial-state entry counts. Several kinds can raise the same detection (a mining pool from a
     * list, or from the stratum-port heuristic); findings are merged by detection and keys.
     */
    enum Kind {
        PORTSCAN(FlowCatalogue.PORTSCAN),
        PORT_SWEEP(FlowCatalogue.PORT_SWEEP),
        SSH_IN(SSH_BRUTE_FORCE_IN),
        SSH_OUT(SSH_BRUTE_FORCE_OUT),
        RDP_IN(RDP_BRUTE_FORCE_IN),
        RDP_OUT(RDP_BRUTE_FORCE_OUT),
        PORT_PROBE(FlowCatalogue.PORT_PROBE),
        DOS_TCP(FlowCatalogue.DOS_TCP),
        DOS_UDP(FlowCatalogue.DOS_UDP),
        DOS_ICMP(FlowCatalogue.DOS_ICMP),
        DOS_DNS(FlowCatalogue.DOS_DNS),
        DOS_UDP_ON_TCP(FlowCatalogue.DOS_UDP_ON_TCP),
        DOS_UNUSUAL(FlowCatalogue.DOS_UNUSUAL),
        SPAMBOT(FlowCatalogue.SPAMBOT),
        PORT_UNUSUAL(FlowCatalogue.PORT_UNUSUAL),
        VOLUME(VOLUME_UNUSUAL),
        MINING_LISTED(CRYPTO_MINING),
        MINING_PORT(CRYPTO_MINING),
        C2_LISTED(COMMAND_AND_CONTROL),
        BEACON(BEACONING),
        BLACKHOLE_LISTED(BLACKHOLE),
        DROP_POINT_LISTED(DROP_POINT),
        TOR_CLIENT_LISTED(TOR_CLIENT),
        TOR_RELAY_LISTED(TOR_RELAY),
        MALICIOUS_LISTED(MALICIOUS_IP),
        UNAUTHORISED(UNAUTHORISED_PORT),
        STORM(REJECTED_STORM),
        /**
         * Not a detection: egress traffic of one instance to one internet host in one scan window and of one flood
         * kind ({@code port} = the DOS_* ordinal). Floods are judged on it directly, traffic volume on its sums per
         * volume window, beaconing on its union over the whole scan: one entry per flow instead of three.
         */
        PAIR(null);

        private static final Kind[] VALUES = values();

        private final DetectionInfo info;

        Kind(DetectionInfo info) {
            this.info = info;
        }

        DetectionInfo info() {
            return info;
        }

        static Kind of(int ordinal) {
            return VALUES[ordinal];
        }
    }
}
