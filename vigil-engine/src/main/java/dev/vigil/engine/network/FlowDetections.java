package dev.vigil.engine.network;

import dev.vigil.engine.StatefulDetector;
import dev.vigil.engine.intel.IntelMatch;
import dev.vigil.engine.intel.IpReputation;
import dev.vigil.engine.network.FlowCatalogue.Kind;
import dev.vigil.model.AddressScreen;
import dev.vigil.model.DetectionInfo;
import dev.vigil.model.Finding;
import dev.vigil.model.FlowRecord;

import java.util.HashMap;
import java.util.List;
import java.util.Objects;

/**
 * GuardDuty-style detections over VPC Flow Logs: scans, sweeps, brute force, probes of open ports, floods, spam,
 * unusual ports and volumes, mining, command-and-control (listed and beaconing), black holes, drop points, Tor,
 * listed addresses, accepted traffic the configuration denies, and storms of rejected flows. docs/network-detections.md
 * describes each detection, its thresholds ({@link FlowDetectionSettings}) and its false positives.
 *
 * <p>{@link #accept} decides which side of the flow is the instance (the {@code flow-direction} field when the
 * record has it, else the private address against the public one), then adds the flow to the partial-state entries
 * it counts towards. Everything an entry keeps merges without regard to order, so {@link #finish} gives the same
 * findings however the flows were split among readers.
 */
public final class FlowDetections implements StatefulDetector<FlowRecord, FlowDetections.State> {

    /** Classic DNS over UDP keeps messages within 512 bytes; queries are far smaller. */
    static final long DNS_PACKET_BYTES = 512;

    private final FlowDetectionSettings settings;
    private final IpReputation intel;
    private final NetworkPolicy policy;
    private final long scanWindowSeconds;
    private final long volumeWindowSeconds;
    private final PortSet ssh;
    private final PortSet rdp;
    private final PortSet smtp;
    private final PortSet mining;
    private final PortSet tcpServices;
    /** Ports that mark the server side of a connection whatever the other port is. */
    private final PortSet servicePorts;

    public FlowDetections(FlowDetectionSettings settings, IpReputation intel, NetworkPolicy policy) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.intel = Objects.requireNonNull(intel, "intel");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.scanWindowSeconds = settings.scanWindow().toSeconds();
        this.volumeWindowSeconds = settings.volumeWindow().toSeconds();
        this.ssh = new PortSet(settings.sshPorts());
        this.rdp = new PortSet(settings.rdpPorts());
        this.smtp = new PortSet(settings.spambotPorts());
        this.mining = new PortSet(settings.miningPorts());
        this.tcpServices = new PortSet(settings.dosTcpServicePorts());
        this.servicePorts = PortSet.union(ssh, rdp, smtp, mining, tcpServices, new PortSet(java.util.Set.of(9001)));
    }

    /**
     * The screen flow-log readers should run for these detections (null: none): whether any loaded indicator covers
     * an address at any time, asked once per distinct address by the reader instead of once per flow here. Records
     * read without it are looked up in full, so it only ever saves work.
     */
    public AddressScreen addressScreen() {
        return intel.ipv4Screen();
    }

    /** Names a state keeps one copy of; beyond that (a hostile input inventing names) it uses the record's. */
    private static final int MAX_NAMES = 1 << 16;

    /** Slots of the owner cache (a power of two). */
    private static final int OWNER_SLOTS = 1024;

    /** One reader's partial state. Not thread-safe. */
    public static final class State {
        final TallyMap entries;
        /** The last interface asked about and whether it forwards traffic: a file holds one interface's records. */
        private String forwardingAsked;
        private boolean forwarding;
        /** The last interface whose instance and region were asked about, and the answers. */
        private String attachmentAsked;
        private String instance;
        private String region;
        /**
         * The owner numbers of recent (account, region, resource) triples, by a hash of account and resource: every
         * flow needs one, and a file can hold many interfaces' records, so a single "last owner" missed on most
         * flows. The names are this state's copies ({@link #canonical}), compared by identity first.
         */
        private final String[] ownerAccount = new String[OWNER_SLOTS];
        private final String[] ownerRegion = new String[OWNER_SLOTS];
        private final String[] ownerResource = new String[OWNER_SLOTS];
        private final int[] ownerId = new int[OWNER_SLOTS];
        /** The flow being added, reused: one per record was a large share of the allocations. */
        private Flow flow;
        /**
         * One copy of each account, region and resource name (at most {@link #MAX_NAMES}): every record brings its
         * own strings, and keys holding the same copy compare by identity instead of by their characters, which
         * in a map of a million entries are mostly outside the processor's caches.
         */
        private final HashMap<String, String> names = new HashMap<>();

        private String canonical(String name) {
            String known = names.get(name);
            if (known != null) {
                return known;
            }
            if (names.size() < MAX_NAMES) {
                names.put(name, name);
            }
            return name;
        }

        /** This reader's view of the indicator sets (it may cache: see {@link IpReputation#forOneThread()}). */
        private final IpReputation intel;

        /** The screen whose answers the records may carry; a record read through another is looked up in full. */
        private final AddressScreen screen;

        State(FlowDetectionSettings settings, IpReputation intel) {
            entries = new TallyMap(settings.maxKeys(), settings.evidenceFlows(), settings.evidenceText());
            this.intel = intel.forOneThread();
            this.screen = intel.ipv4Screen();
        }

        private int owner(String account, String region, String resource) {
            int slot = (resource.hashCode() * 31 + account.hashCode()) & (OWNER_SLOTS - 1);
            String a = ownerAccount[slot];
            if (a != null && same(a, account) && same(ownerResource[slot], resource)
                    && same(ownerRegion[slot], region)) {
                return ownerId[slot];
            }
            int id = entries.owner(account, region, resource);
            ownerAccount[slot] = account;
            ownerRegion[slot] = region;
            ownerResource[slot] = resource;
            ownerId[slot] = id;
            return id;
        }

        private static boolean same(String a, String b) {
            return a == b || a.equals(b);
        }

        private Flow flow(FlowDetections detections) {
            if (flow == null) {
                flow = detections.new Flow(this);
            }
            return flow;
        }

        private long unusable;

        /** Entries this state holds (at most {@code limits.max-keys}). */
        public int entryCount() {
            return entries.size();
        }

        /** Entries this state left out because {@code limits.max-keys} was reached (0 in normal operation). */
        public long droppedEntries() {
            return entries.dropped();
        }

        /**
         * Traffic records (log-status OK) this state could not use: no time, or an address that is none. The
         * reader reports malformed lines; this counts well-formed records with nothing to judge.
         */
        public long unusableFlows() {
            return unusable;
        }
    }

    @Override
    public List<DetectionInfo> detections() {
        return FlowCatalogue.all();
    }

    @Override
    public State newState() {
        return new State(settings, intel);
    }

    @Override
    public void accept(State state, FlowRecord r) {
        if (r.logStatus() != FlowRecord.LogStatus.OK) {
            return;
        }
        long timeMillis = r.timeMillis();
        if (timeMillis == Long.MIN_VALUE) {
            state.unusable++;
            return;
        }
        long seconds = Math.floorDiv(timeMillis, 1000);
        if (forwards(state, r.interfaceId())) {
            countRejected(state, r, seconds);
            return;
        }
        String src = r.srcAddr();
        String dst = r.dstAddr();
        long srcV4 = r.srcIpv4(); // parsed once per distinct address by the reader
        long dstV4 = r.dstIpv4();
        int srcClass = srcV4 >= 0 ? Addresses.classifyV4(srcV4) : Addresses.classifyV6(src);
        int dstClass = dstV4 >= 0 ? Addresses.classifyV4(dstV4) : Addresses.classifyV6(dst);
        boolean ingress;
        switch (r.flowDirection()) {
            case "ingress" -> ingress = true;
            case "egress" -> ingress = false;
            default -> {
                if (srcClass == Addresses.PRIVATE && dstClass == Addresses.PUBLIC) {
                    ingress = false;
                } else if (srcClass == Addresses.PUBLIC && dstClass == Addresses.PRIVATE) {
                    ingress = true;
                } else {
                    // Which address is the interface's is unknown: only the interface-level count applies.
                    if (srcClass == Addresses.INVALID || dstClass == Addresses.INVALID) {
                        state.unusable++;
                    }
                    countRejected(state, r, seconds);
                    return;
                }
            }
        }
        String local = ingress ? dst : src;
        String remote = ingress ? src : dst;
        int remoteClass = ingress ? srcClass : dstClass;
        String resource = state.canonical(resource(state, r, local));
        if (resource.isEmpty() || remoteClass == Addresses.INVALID) {
            state.unusable++;
            return;
        }
        long remoteV4 = ingress ? srcV4 : dstV4;
        Flow f = state.flow(this).set(r, timeMillis, seconds, resource, remote, Addresses.hostId(remote, remoteV4),
                remoteV4);
        f.remoteScreenedOut = r.screenedOut(state.screen, ingress);
        evaluate(f, r, ingress, remoteClass == Addresses.PUBLIC);
    }

    private boolean forwards(State state, String interfaceId) {
        if (interfaceId.isEmpty()) {
            return false;
        }
        if (!interfaceId.equals(state.forwardingAsked)) {
            state.forwardingAsked = interfaceId;
            state.forwarding = policy.forwardsTraffic(interfaceId);
        }
        return state.forwarding;
    }

    /** The one count that needs no instance side: rejected flows of the interface. */
    private void countRejected(State state, FlowRecord r, long seconds) {
        if (!r.interfaceId().isEmpty() && r.action() == FlowRecord.Action.REJECT) {
            Flow f = state.flow(this).set(r, r.timeMillis(), seconds, state.canonical(resource(state, r, "")), "", -1,
                    -1);
            f.add(Kind.STORM, window(seconds, scanWindowSeconds), false, -1);
        }
    }

    /** The instance (from the record, else the inventory), else the interface, else the local address. */
    private String resource(State state, FlowRecord r, String local) {
        if (!r.instanceId().isEmpty()) {
            return r.instanceId();
        }
        String eni = r.interfaceId();
        if (eni.isEmpty()) {
            return local;
        }
        askAttachment(state, eni);
        return state.instance.isEmpty() ? eni : state.instance;
    }

    /** The record's region, else the inventory's for its interface, else "". */
    private String region(State state, FlowRecord r) {
        if (!r.region().isEmpty() || r.interfaceId().isEmpty()) {
            return r.region();
        }
        askAttachment(state, r.interfaceId());
        return state.region;
    }

    private void askAttachment(State state, String eni) {
        if (!eni.equals(state.attachmentAsked)) {
            state.attachmentAsked = eni;
            state.instance = policy.instanceOf(eni);
            state.region = policy.regionOf(eni);
        }
    }

    private static long window(long seconds, long length) {
        return Math.floorDiv(seconds, length);
    }

    private void evaluate(Flow f, FlowRecord r, boolean ingress, boolean remotePublic) {
        long scanWindow = window(f.seconds, scanWindowSeconds);
        boolean rejected = r.action() == FlowRecord.Action.REJECT;
        boolean accepted = r.action() == FlowRecord.Action.ACCEPT;
        int proto = r.protocol();
        int localPort = ingress ? r.dstPort() : r.srcPort();
        int remotePort = ingress ? r.srcPort() : r.dstPort();
        boolean ported = (proto == FlowRecord.TCP || proto == FlowRecord.UDP) && localPort >= 0 && remotePort >= 0;
        boolean srcIsClient = !ported || srcIsClient(r.srcPort(), r.dstPort());
        boolean outbound = srcIsClient && !ingress;
        boolean inbound = srcIsClient && ingress;
        boolean probe = rejected || (r.packets() >= 0 && r.packets() <= settings.probeMaxPackets());
        boolean attempt = proto == FlowRecord.TCP && r.packets() >= 0 && r.packets() <= settings.bruteForceMaxPackets();

        if (rejected) {
            f.add(Kind.STORM, scanWindow, false, -1);
        }
        f.first();
        if (remotePublic) {
            listed(f, r, accepted, outbound, inbound);
        }
        if (outbound && ported) {
            outboundConnection(f, r, scanWindow, proto, remotePort, localPort, probe, attempt, accepted, remotePublic);
        }
        if (!ingress && remotePublic && proto >= 0) {
            int pair = f.add(Kind.PAIR, scanWindow, true, floodKind(r, remotePort).ordinal());
            if (pair >= 0 && outbound && ported && r.bytes() >= 0 && r.bytes() <= settings.beaconMaxFlowBytes()) {
                TallyMap entries = f.state.entries;
                entries.distinct(pair, localPort, settings.maxDistinct());
                entries.start(pair, r.start() != FlowRecord.ABSENT ? r.start() : f.seconds,
                        settings.beaconMaxSamples());
                entries.beacon(pair, r.bytes());
            }
        }
        if (inbound) {
            inboundConnection(f, r, scanWindow, proto, localPort, ported, probe, attempt, accepted, remotePublic);
        }
    }

    private void outboundConnection(Flow f, FlowRecord r, long scanWindow, int proto, int remotePort, int localPort,
                                    boolean probe, boolean attempt, boolean accepted, boolean remotePublic) {
        if (probe) {
            f.distinct(Kind.PORTSCAN, scanWindow, false, -1, remotePort);
            f.distinct(Kind.PORT_SWEEP, scanWindow, false, remotePort, f.remoteHost);
        }
        if (attempt && ssh.has(remotePort)) {
            f.add(Kind.SSH_OUT, scanWindow, true, remotePort);
        }
        if (attempt && rdp.has(remotePort)) {
            f.add(Kind.RDP_OUT, scanWindow, true, remotePort);
        }
        if (!remotePublic) {
            return;
        }
        if (proto == FlowRecord.TCP && smtp.has(remotePort)) {
            f.distinct(Kind.SPAMBOT, scanWindow, false, -1, f.remoteHost);
        }
        if (accepted && !probe) { // a conversation, not a probe: a scan would otherwise raise one per port
            f.add(Kind.PORT_UNUSUAL, 0, false, proto << 16 | remotePort);
        }
        if (accepted && mining.has(remotePort)) {
            f.distinct(Kind.MINING_PORT, 0, true, remotePort, localPort);
        }
    }

    private void inboundConnection(Flow f, FlowRecord r, long scanWindow, int proto, int localPort, boolean ported,
                                   boolean probe, boolean attempt, boolean accepted, boolean remotePublic) {
        if (attempt && ported && ssh.has(localPort)) {
            f.add(Kind.SSH_IN, scanWindow, true, localPort);
        }
        if (attempt && ported && rdp.has(localPort)) {
            f.add(Kind.RDP_IN, scanWindow, true, localPort);
        }
        // Without ports (ICMP…) a request cannot be told from the reply to the instance's own request, which the
        // security group's state admits; with equal ports (NTP 123 to 123) neither can it.
        if (!ported || r.srcPort() == r.dstPort() || (!probe && !accepted)) {
            return;
        }
        // As GuardDuty's finding, only probes by known malicious hosts count: an open port is touched all day by
        // clients whose short exchanges (an HTTP redirect, a health check) look exactly like probes.
        IntelMatch prober = remotePublic && probe ? f.intel() : null;
        NetworkPolicy.Verdict verdict = policy.inbound(r.interfaceId(), r.instanceId(), proto, localPort, f.remote);
        int portKey = proto << 16 | localPort;
        if (prober != null) {
            int t = f.distinct(Kind.PORT_PROBE, scanWindow, false, portKey, f.remoteHost);
            if (t >= 0) {
                if (verdict == NetworkPolicy.Verdict.ALLOWED || (verdict == NetworkPolicy.Verdict.UNKNOWN && accepted)) {
                    f.state.entries.open(t);
                }
                f.state.entries.match(t, prober);
            }
        }
        if (accepted && verdict == NetworkPolicy.Verdict.DENIED) {
            f.add(Kind.UNAUTHORISED, 0, false, portKey);
        }
    }

    private void listed(Flow f, FlowRecord r, boolean accepted, boolean outbound, boolean inbound) {
        if (!accepted && !outbound) {
            return; // rejected inbound traffic from a listed address is background noise the network stopped
        }
        IntelMatch m = f.intel();
        if (m == null) {
            return;
        }
        int t = switch (m.category()) {
            // One finding per instance listing the hosts, as GuardDuty groups it: a listed /28 probing the
            // instance is one event, not one per address.
            case MALICIOUS -> f.distinct(Kind.MALICIOUS_LISTED, 0, false, -1, f.remoteHost);
            case MINING_POOL -> f.add(Kind.MINING_LISTED, 0, true, -1);
            case COMMAND_AND_CONTROL -> f.add(Kind.C2_LISTED, 0, true, -1);
            case BLACKHOLE -> f.add(Kind.BLACKHOLE_LISTED, 0, true, -1);
            case DROP_POINT -> f.add(Kind.DROP_POINT_LISTED, 0, true, -1);
            case TOR_EXIT -> outbound ? f.distinct(Kind.TOR_CLIENT_LISTED, 0, false, -1, f.remoteHost) : -1;
            case TOR_RELAY -> outbound ? f.distinct(Kind.TOR_CLIENT_LISTED, 0, false, -1, f.remoteHost)
                    : inbound && accepted ? f.distinct(Kind.TOR_RELAY_LISTED,
                    window(f.seconds, volumeWindowSeconds), false, -1, f.remoteHost) : -1;
        };
        if (t >= 0) {
            f.state.entries.match(t, m);
        }
    }

    /**
     * Which end opened the connection, from the ports alone (flow logs have no connection state): a configured
     * service port marks the server; otherwise the lower port is the server's, as ephemeral client ports are high.
     */
    boolean srcIsClient(int srcPort, int dstPort) {
        boolean srcService = servicePorts.has(srcPort);
        boolean dstService = servicePorts.has(dstPort);
        if (srcService != dstService) {
            return dstService;
        }
        return dstPort <= srcPort;
    }

    /**
     * The flood kind egress traffic would be: DOS_TCP … DOS_UNUSUAL. DNS means the instance answering from port 53
     * (a resolver used for reflection) or sending DNS-sized packets (at most {@link #DNS_PACKET_BYTES} on average)
     * to port 53; large packets aimed at port 53 are a plain UDP or TCP flood using a port firewalls let through.
     */
    private Kind floodKind(FlowRecord r, int remotePort) {
        int proto = r.protocol();
        boolean dns = r.srcPort() == 53
                || (r.dstPort() == 53 && r.packets() > 0 && r.bytes() <= DNS_PACKET_BYTES * r.packets());
        if (proto == FlowRecord.TCP) {
            return dns ? Kind.DOS_DNS : Kind.DOS_TCP;
        }
        if (proto == FlowRecord.UDP) {
            if (dns) {
                return Kind.DOS_DNS;
            }
            return tcpServices.has(remotePort) ? Kind.DOS_UDP_ON_TCP : Kind.DOS_UDP;
        }
        if (proto == FlowRecord.ICMP || proto == FlowRecord.ICMPV6) {
            return Kind.DOS_ICMP;
        }
        return Kind.DOS_UNUSUAL;
    }

    @Override
    public List<Finding> finish(List<State> states) {
        // The largest state's entries become the merged ones (the states are not used again, as the contract says):
        // copying them into a new map first was most of finish's time. Merging into an empty map adopts every
        // entry of the first map unchanged, so the result is the same.
        State largest = null;
        for (State s : states) {
            if (largest == null || s.entries.size() > largest.entries.size()) {
                largest = s;
            }
        }
        TallyMap merged = largest == null ? newState().entries : largest.entries;
        for (State s : states) {
            if (s != largest) {
                merged.mergeFrom(s.entries);
            }
        }
        return new FlowVerdicts(settings).findings(merged);
    }

    /** One flow's resolved facts while it is added to entries; one per state, set anew for each record. */
    private final class Flow {
        final State state;
        FlowRecord record;
        long timeMillis;
        long seconds;
        int owner;
        String remote;
        long remoteHost;
        /** The remote address as an entry's peer ({@link TallyMap#peer}); resolved on first use. */
        private long peer;
        private long remoteV4;
        private boolean peerKnown;
        private IntelMatch match;
        private boolean intelKnown;
        /**
         * The reader ran this state's intel screen on the remote address and it said no indicator can cover it:
         * the flow needs no lookup (see {@link FlowDetections#addressScreen()}).
         */
        boolean remoteScreenedOut;

        Flow(State state) {
            this.state = state;
        }

        Flow set(FlowRecord record, long timeMillis, long seconds, String resource, String remote, long remoteHost,
                 long remoteV4) {
            this.record = record;
            this.timeMillis = timeMillis;
            this.seconds = seconds;
            this.owner = state.owner(state.canonical(record.accountId()), state.canonical(region(state, record)),
                    resource);
            this.remote = remote;
            this.remoteHost = remoteHost;
            this.remoteV4 = remoteV4;
            this.peerKnown = false;
            this.intelKnown = false;
            this.remoteScreenedOut = false;
            return this;
        }

        /**
         * The strongest indicator match of the remote address at the flow's time, by its number when IPv4; looked
         * up once per flow (an accepted inbound probe asks twice: is the host listed, and is the prober malicious).
         */
        IntelMatch intel() {
            if (!intelKnown) {
                match = remoteScreenedOut ? null
                        : remoteV4 >= 0 ? state.intel.lookupIpv4(remoteV4, seconds) : state.intel.lookup(remote, seconds);
                intelKnown = true;
            }
            return match;
        }

        private long peer() {
            if (!peerKnown) {
                peer = state.entries.peer(remote, remoteV4);
                peerKnown = true;
            }
            return peer;
        }

        /** Adds the flow to an entry; returns its row, or -1 when the entry is not kept (over the cap). */
        int add(Kind kind, long window, boolean byPeer, int port) {
            int row = state.entries.get(kind.ordinal(), window, owner, byPeer ? peer() : TallyMap.NO_PEER, port);
            if (row >= 0) {
                state.entries.add(row, record, timeMillis);
            }
            return row;
        }

        int distinct(Kind kind, long window, boolean byPeer, int port, long value) {
            int row = add(kind, window, byPeer, port);
            if (row >= 0) {
                state.entries.distinct(row, value, settings.maxDistinct());
            }
            return row;
        }

        /** When the resource was first and last seen, for learning periods. */
        void first() {
            if (owner >= 0) {
                state.entries.seen(owner, timeMillis);
            }
        }
    }
}
