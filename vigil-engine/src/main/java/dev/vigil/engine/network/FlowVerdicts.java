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
        // the volume entries, noted as expandPair creates them: a pass over all of judged, for the few volume
        // entries, walked millions of entries out of the processor's caches
        List<Map.Entry<TallyKey, Tally>> volumes = new ArrayList<>();
        merged.forEach((k, t) -> {
            if (k.kind() == Kind.FIRST_SEEN.ordinal()) {
                firstSeen.merge(Owner.of(k), t.first, Math::min);
            } else if (k.kind() == Kind.PAIR.ordinal()) {
                expandPair(k, t, judged, volumes);
            } else {
                judged.put(k, t);
            }
        });
        long learningMillis = s.learningPeriod().toMillis();
        long volumeWindowMillis = s.volumeWindow().toMillis();
        Map<Owner, Long> learnedVolume = new HashMap<>();
        for (Map.Entry<TallyKey, Tally> v : volumes) {
            TallyKey k = v.getKey();
            Owner owner = Owner.of(k);
            Long first = firstSeen.get(owner);
            long windowEnd = (k.window() + 1) * volumeWindowMillis;
            if (first != null && windowEnd <= first + learningMillis) {
                learnedVolume.merge(owner, v.getValue().bytes, Math::max);
            }
        }
        List<Hit> hits = new ArrayList<>();
        judged.forEach((k, t) -> {
            Owner owner = Owner.of(k);
            Long first = firstSeen.get(owner);
            long learnedUntil = first == null ? Long.MAX_VALUE : first + learningMillis;
            Map<String, Object> facts = decide(Kind.of(k.kind()), k, t, learnedUntil,
                    learnedVolume.getOrDefault(owner, 0L));
            if (facts != null) {
                hits.add(new Hit(k, t, facts));
            }
        });
        return new FlowFindings(s).assemble(hits);
    }

    /**
     * One instance's egress to one host in one scan window and flood kind counts as that flood kind's entry, as
     * part of the volume window containing it, and as part of the pair's beaconing over the whole scan.
     */
    private void expandPair(TallyKey k, Tally t, Map<TallyKey, Tally> judged,
                            List<Map.Entry<TallyKey, Tally>> volumes) {
        judged.put(new TallyKey(k.port(), k.window(), k.account(), k.region(), k.resource(), k.peer(), -1), t);
        long volumeWindow = Math.floorDiv(k.window() * s.scanWindow().toSeconds(), s.volumeWindow().toSeconds());
        judged.computeIfAbsent(new TallyKey(Kind.VOLUME.ordinal(), volumeWindow, k.account(), k.region(),
                k.resource(), k.peer(), -1), x -> {
            Tally volume = new Tally();
            volumes.add(Map.entry(x, volume));
            return volume;
        }).merge(t);
        if (t.beaconFlows > 0) {
            judged.computeIfAbsent(new TallyKey(Kind.BEACON.ordinal(), 0, k.account(), k.region(), k.resource(),
                    k.peer(), -1), x -> new Tally()).merge(t);
        }
    }

    /** The facts behind a finding, or null when the entry is not one. */
    private Map<String, Object> decide(Kind kind, TallyKey k, Tally t, long learnedUntil, long learnedMaxBytes) {
        Map<String, Object> facts = new LinkedHashMap<>();
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
