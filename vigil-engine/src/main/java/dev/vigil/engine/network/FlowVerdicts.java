package dev.vigil.engine.network;

import dev.vigil.engine.network.FlowCatalogue.Kind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides, on the merged entries, which of them are findings: thresholds, learning periods and baselines. Every
 * decision reads only merged facts, so it cannot depend on how the flows were split or ordered.
 */
final class FlowVerdicts {

    private final FlowDetectionSettings s;

    FlowVerdicts(FlowDetectionSettings settings) {
        this.s = settings;
    }

    /** An entry judged to be (part of) a finding, with the facts the decision rested on. */
    record Hit(TallyKey key, Tally tally, Map<String, Object> facts) {
    }

    List<dev.vigil.model.Finding> findings(TallyMap merged) {
        long learningMillis = s.learningPeriod().toMillis();
        long volumeWindowMillis = s.volumeWindow().toMillis();
        Map<Owner, Long> firstSeen = new HashMap<>();
        long[] learnedByOwner = new long[merged.owners()];
        for (int o = 0; o < merged.owners(); o++) {
            if (merged.ownerFirst(o) != Long.MAX_VALUE) {
                firstSeen.put(merged.ownerNames(o), merged.ownerFirst(o));
            }
        }
        Map<TallyKey, Tally> judged = new HashMap<>();
        // Volume and beaconing entries are unions of pair entries, and there is about one pair entry per flow to
        // the internet: their totals are summed first in primitive groups, and only the groups that pass their
        // threshold are built as objects.
        int pairKind = Kind.PAIR.ordinal();
        int rows = merged.size();
        // An owner whose egress to the internet adds up to less than volume.min-bytes over the whole input has no
        // window that can pass it, and most instances send far less: only the others' windows are summed.
        long[] ownerBytes = new long[merged.owners()];
        for (int row = 0; row < rows; row++) {
            if (merged.kind(row) == pairKind) {
                int owner = merged.ownerOf(row);
                ownerBytes[owner] = Tally.plus(ownerBytes[owner], merged.value(row, TallyMap.BYTES));
            }
        }
        GroupSums volumes = new GroupSums(); // (owner, peer, volume window) -> bytes
        GroupSums beacons = new GroupSums(); // (owner, peer, 0) -> small outbound connection records
        for (int row = 0; row < rows; row++) {
            if (merged.kind(row) != pairKind) {
                judged.put(merged.key(row), merged.tally(row));
                continue;
            }
            int owner = merged.ownerOf(row);
            long peer = merged.peerOf(row);
            if (merged.value(row, TallyMap.PACKETS) >= s.dosMinPackets()) {
                judged.put(floodKey(merged.key(row)), merged.tally(row));
            }
            if (ownerBytes[owner] >= s.volumeMinBytes()) {
                volumes.add(owner, peer, volumeWindow(merged.window(row)), merged.value(row, TallyMap.BYTES));
            }
            long beaconFlows = merged.value(row, TallyMap.BEACON_FLOWS);
            if (beaconFlows > 0) {
                beacons.add(owner, peer, 0, beaconFlows);
            }
        }
        boolean[] anyPasses = new boolean[1];
        volumes.forEach((owner, peer, window, bytes) -> {
            long first = merged.ownerFirst(owner);
            long windowEnd = (window + 1) * volumeWindowMillis;
            if (first != Long.MAX_VALUE && windowEnd <= first + learningMillis) {
                learnedByOwner[owner] = Math.max(learnedByOwner[owner], bytes);
            }
            // a window's volume is judged against max(min-bytes, factor × learned maximum) ≥ min-bytes
            anyPasses[0] |= bytes >= s.volumeMinBytes();
        });
        beacons.forEach((owner, peer, window, flows) -> anyPasses[0] |= flows >= s.beaconMinConnections());
        if (anyPasses[0]) {
            unions(merged, volumes, beacons, judged);
        }
        Map<Owner, Long> learnedVolume = new HashMap<>();
        for (int o = 0; o < learnedByOwner.length; o++) {
            if (learnedByOwner[o] > 0) {
                learnedVolume.merge(merged.ownerNames(o), learnedByOwner[o], Math::max);
            }
        }
        List<Hit> hits = new ArrayList<>();
        judged.forEach((k, t) -> {
            Kind kind = Kind.of(k.kind());
            long learnedUntil = Long.MAX_VALUE;
            long learnedBytes = 0;
            if (kind == Kind.PORT_UNUSUAL || kind == Kind.VOLUME) { // the only verdicts that read the baseline
                Owner owner = Owner.of(k);
                Long first = firstSeen.get(owner);
                learnedUntil = first == null ? Long.MAX_VALUE : first + learningMillis;
                learnedBytes = learnedVolume.getOrDefault(owner, 0L);
            }
            Map<String, Object> facts = decide(kind, k, t, learnedUntil, learnedBytes);
            if (facts != null) {
                hits.add(new Hit(k, t, facts));
            }
        });
        return new FlowFindings(s).assemble(hits);
    }

    /** A pair entry as its flood kind's entry: the pair's key with the flood kind (kept in the port) as kind. */
    private static TallyKey floodKey(TallyKey k) {
        return new TallyKey(k.port(), k.window(), k.account(), k.region(), k.resource(), k.peer(), -1);
    }

    private long volumeWindow(long scanWindow) {
        return Math.floorDiv(scanWindow * s.scanWindow().toSeconds(), s.volumeWindow().toSeconds());
    }

    /**
     * The volume and beaconing entries whose totals pass their thresholds, each the union of its pair entries: one
     * instance's egress to one host in one scan window and flood kind is part of the volume window containing it
     * and of the pair's beaconing over the whole scan.
     */
    private void unions(TallyMap merged, GroupSums volumes, GroupSums beacons, Map<TallyKey, Tally> judged) {
        Map<TallyKey, Parts> parts = new HashMap<>();
        int pairKind = Kind.PAIR.ordinal();
        for (int row = 0; row < merged.size(); row++) {
            if (merged.kind(row) != pairKind) {
                continue;
            }
            int owner = merged.ownerOf(row);
            long peer = merged.peerOf(row);
            long volumeWindow = volumeWindow(merged.window(row));
            boolean volume = volumes.get(owner, peer, volumeWindow) >= s.volumeMinBytes();
            boolean beacon = merged.value(row, TallyMap.BEACON_FLOWS) > 0
                    && beacons.get(owner, peer, 0) >= s.beaconMinConnections();
            if (!volume && !beacon) {
                continue;
            }
            TallyKey k = merged.key(row);
            Tally t = merged.tally(row);
            if (volume) {
                parts.computeIfAbsent(new TallyKey(Kind.VOLUME.ordinal(), volumeWindow, k.account(), k.region(),
                        k.resource(), k.peer(), -1), x -> new Parts()).add(t);
            }
            if (beacon) {
                parts.computeIfAbsent(new TallyKey(Kind.BEACON.ordinal(), 0, k.account(), k.region(), k.resource(),
                        k.peer(), -1), x -> new Parts()).add(t);
            }
        }
        parts.forEach((k, p) -> judged.put(k, p.union()));
    }

    /** The pair entries of one volume or beaconing entry. */
    private static final class Parts {
        private Tally only;
        private List<Tally> more;

        void add(Tally t) {
            if (only == null) {
                only = t;
            } else {
                if (more == null) {
                    more = new ArrayList<>(2);
                }
                more.add(t);
            }
        }

        /** A new entry holding the union of the parts (never one of them: a part also stands for its flood). */
        Tally union() {
            Tally u = new Tally();
            u.merge(only);
            if (more != null) {
                for (Tally t : more) {
                    u.merge(t);
                }
            }
            return u;
        }
    }

    /** The facts behind a finding, or null when the entry is not one. */
    private Map<String, Object> decide(Kind kind, TallyKey k, Tally t, long learnedUntil, long learnedMaxBytes) {
        // only the baseline and pattern verdicts record facts; the rest share one empty map
        Map<String, Object> facts = switch (kind) {
            case PORT_UNUSUAL, VOLUME, MINING_PORT, BEACON -> new LinkedHashMap<>();
            default -> Map.of();
        };
        boolean hit = switch (kind) {
            case PORTSCAN -> t.distinctCount() >= s.portscanMinPorts();
            case PORT_SWEEP -> t.distinctCount() >= s.portSweepMinHosts();
            case SPAMBOT -> t.distinctCount() >= s.spambotMinHosts();
            case SSH_IN, SSH_OUT, RDP_IN, RDP_OUT -> t.flows >= s.bruteForceMinAttempts();
            case PORT_PROBE -> t.open && t.distinctCount() >= s.portProbeMinHosts();
            case DOS_TCP -> t.packets >= s.dosMinPackets()
                    && t.bytes <= (long) s.dosTcpMaxAvgPacketBytes() * t.packets;
            case DOS_UDP, DOS_ICMP, DOS_DNS, DOS_UDP_ON_TCP, DOS_UNUSUAL -> t.packets >= s.dosMinPackets();
            case PORT_UNUSUAL -> {
                facts.put("learnedUntil", java.time.Instant.ofEpochMilli(learnedUntil).toString());
                yield learnedUntil != Long.MAX_VALUE && t.first >= learnedUntil;
            }
            case VOLUME -> {
                long windowStart = k.window() * s.volumeWindow().toMillis();
                double limit = Math.max(s.volumeMinBytes(), s.volumeFactor() * learnedMaxBytes);
                facts.put("learnedMaxBytesPerWindow", learnedMaxBytes);
                facts.put("learnedUntil", java.time.Instant.ofEpochMilli(learnedUntil).toString());
                yield learnedUntil != Long.MAX_VALUE && windowStart >= learnedUntil && t.bytes >= limit;
            }
            case MINING_PORT -> miningPort(t, facts);
            case BEACON -> beacon(t, facts);
            case MINING_LISTED, C2_LISTED, BLACKHOLE_LISTED, DROP_POINT_LISTED, MALICIOUS_LISTED, TOR_CLIENT_LISTED ->
                    t.flows > 0;
            case TOR_RELAY_LISTED -> t.distinctCount() >= s.torRelayMinRelays();
            case UNAUTHORISED -> t.flows >= s.unauthorisedMinFlows();
            case STORM -> t.flows >= s.rejectedStormMinFlows();
            case PAIR -> false;
        };
        return hit ? facts : null;
    }

    private boolean miningPort(Tally t, Map<String, Object> facts) {
        long span = t.maxEnd - t.minStart;
        double perSecond = span > 0 ? (double) t.bytes / span : Double.MAX_VALUE;
        facts.put("connectionSeconds", span);
        facts.put("bytesPerSecond", Math.round(perSecond * 10) / 10.0);
        facts.put("localPorts", t.distinctCount());
        return span >= s.miningMinDuration().toSeconds() && t.flows >= s.miningMinFlows()
                && perSecond <= s.miningMaxBytesPerSecond() && t.distinctCount() <= s.miningMaxLocalPorts();
    }

    private boolean beacon(Tally t, Map<String, Object> facts) {
        SmallestLongs starts = t.starts;
        int n = starts == null ? 0 : starts.size();
        if (n < s.beaconMinConnections() || t.beaconFlows == 0) {
            return false;
        }
        long span = starts.get(n - 1) - starts.get(0);
        double meanGap = (double) span / (n - 1);
        double gapVariance = 0;
        for (int i = 1; i < n; i++) {
            double d = starts.get(i) - starts.get(i - 1) - meanGap;
            gapVariance += d * d;
        }
        double gapCv = meanGap > 0 ? Math.sqrt(gapVariance / (n - 1)) / meanGap : Double.MAX_VALUE;
        double meanBytes = (double) t.beaconBytes / t.beaconFlows;
        double bytesVariance = Math.max(0, (double) t.sumSquares / t.beaconFlows - meanBytes * meanBytes);
        double bytesCv = meanBytes > 0 ? Math.sqrt(bytesVariance) / meanBytes : 0;
        facts.put("connections", n);
        facts.put("meanIntervalSeconds", Math.round(meanGap));
        facts.put("intervalCv", Math.round(gapCv * 1000) / 1000.0);
        facts.put("meanBytesPerFlow", Math.round(meanBytes));
        facts.put("bytesCv", Math.round(bytesCv * 1000) / 1000.0);
        facts.put("localPorts", t.distinctCount());
        return span >= s.beaconMinSpan().toSeconds()
                && meanGap >= s.beaconMinInterval().toSeconds()
                && gapCv <= s.beaconMaxIntervalCv()
                && bytesCv <= s.beaconMaxBytesCv()
                && t.distinctCount() * 2 >= n; // new connections, not one long-lived connection's records
    }

    /** Whose learning period and baseline an entry is judged against. */
    record Owner(String account, String region, String resource) {
        static Owner of(TallyKey k) {
            return new Owner(k.account(), k.region(), k.resource());
        }
    }
}
