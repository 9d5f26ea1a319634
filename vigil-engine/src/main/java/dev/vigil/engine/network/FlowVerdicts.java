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
        Map<Owner, Long> firstSeen = new HashMap<>();
        Map<TallyKey, Tally> judged = new HashMap<>();
        // Volume and beaconing entries are unions of pair entries. Building every union in full (copying each pair's
        // sets and evidence) cost most of finish; the parts are collected first, and only the unions that can still
        // pass their threshold are merged.
        Map<TallyKey, Parts> volumes = new HashMap<>();
        Map<TallyKey, Parts> beacons = new HashMap<>();
        merged.forEach((k, t) -> {
            if (k.kind() == Kind.FIRST_SEEN.ordinal()) {
                firstSeen.merge(Owner.of(k), t.first, Math::min);
            } else if (k.kind() == Kind.PAIR.ordinal()) {
                expandPair(k, t, judged, volumes, beacons);
            } else {
                judged.put(k, t);
            }
        });
        long learningMillis = s.learningPeriod().toMillis();
        long volumeWindowMillis = s.volumeWindow().toMillis();
        Map<Owner, Long> learnedVolume = new HashMap<>();
        volumes.forEach((k, v) -> {
            Owner owner = Owner.of(k);
            Long first = firstSeen.get(owner);
            long windowEnd = (k.window() + 1) * volumeWindowMillis;
            if (first != null && windowEnd <= first + learningMillis) {
                learnedVolume.merge(owner, v.bytes, Math::max);
            }
        });
        volumes.forEach((k, v) -> {
            // a window's volume is judged against max(min-bytes, factor × learned maximum) ≥ min-bytes
            if (v.bytes >= s.volumeMinBytes()) {
                judged.put(k, v.union());
            }
        });
        beacons.forEach((k, b) -> {
            // every beacon flow adds one start, so a pair has at most that many distinct connection starts
            if (b.beaconFlows >= s.beaconMinConnections()) {
                judged.put(k, b.union());
            }
        });
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

    /**
     * One instance's egress to one host in one scan window and flood kind counts as that flood kind's entry, as
     * part of the volume window containing it, and as part of the pair's beaconing over the whole scan. A flood
     * entry below {@code dos.min-packets} can be no finding, so it is not judged at all.
     */
    private void expandPair(TallyKey k, Tally t, Map<TallyKey, Tally> judged, Map<TallyKey, Parts> volumes,
                            Map<TallyKey, Parts> beacons) {
        if (t.packets >= s.dosMinPackets()) {
            judged.put(new TallyKey(k.port(), k.window(), k.account(), k.region(), k.resource(), k.peer(), -1), t);
        }
        long volumeWindow = Math.floorDiv(k.window() * s.scanWindow().toSeconds(), s.volumeWindow().toSeconds());
        volumes.computeIfAbsent(new TallyKey(Kind.VOLUME.ordinal(), volumeWindow, k.account(), k.region(),
                k.resource(), k.peer(), -1), x -> new Parts()).add(t);
        if (t.beaconFlows > 0) {
            beacons.computeIfAbsent(new TallyKey(Kind.BEACON.ordinal(), 0, k.account(), k.region(), k.resource(),
                    k.peer(), -1), x -> new Parts()).add(t);
        }
    }

    /** The pair entries of one volume or beaconing entry, with the sums that decide whether to merge them. */
    private static final class Parts {
        long bytes;
        long beaconFlows;
        private Tally only;
        private List<Tally> more;

        void add(Tally t) {
            bytes += t.bytes;
            beaconFlows += t.beaconFlows;
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
            case FIRST_SEEN, PAIR -> false;
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
