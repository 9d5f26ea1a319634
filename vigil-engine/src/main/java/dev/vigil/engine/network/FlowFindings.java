package dev.vigil.engine.network;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.engine.intel.IntelMatch;
import dev.vigil.engine.network.FlowCatalogue.Kind;
import dev.vigil.model.DetectionInfo;
import dev.vigil.model.Evidence;
import dev.vigil.model.Finding;
import dev.vigil.model.FlowRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the entries judged to be findings into {@link Finding}s: entries of the same detection and identity (the
 * same activity in several windows, or a listed pool also caught by the port heuristic) become one finding, keyed
 * without time so a re-scan updates it. Evidence starts with a summary of the facts, then the earliest flows.
 */
final class FlowFindings {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Ports or hosts listed by name in a summary; the count is always given. */
    private static final int MAX_LISTED = 50;

    private final FlowDetectionSettings s;

    FlowFindings(FlowDetectionSettings settings) {
        this.s = settings;
    }

    List<Finding> assemble(List<FlowVerdicts.Hit> hits) {
        Map<String, List<FlowVerdicts.Hit>> byFinding = new TreeMap<>();
        for (FlowVerdicts.Hit h : hits) {
            Kind kind = Kind.of(h.key().kind());
            byFinding.computeIfAbsent(Finding.idFor(kind.info().id(), keys(kind, h.key())), id -> new ArrayList<>())
                    .add(h);
        }
        List<Finding> out = new ArrayList<>();
        byFinding.forEach((id, group) -> out.add(finding(id, group)));
        return out;
    }

    private Finding finding(String id, List<FlowVerdicts.Hit> group) {
        group.sort(Comparator.comparingLong((FlowVerdicts.Hit h) -> h.key().window())
                .thenComparingInt(h -> h.key().kind())
                .thenComparingInt(h -> h.key().port())
                .thenComparing(h -> h.key().peer()));
        FlowVerdicts.Hit head = group.get(0);
        Kind kind = Kind.of(head.key().kind());
        DetectionInfo info = kind.info();
        Tally total = new Tally();
        for (FlowVerdicts.Hit h : group) {
            total.merge(h.tally());
        }
        Instant first = Instant.ofEpochMilli(total.first);
        Instant last = Instant.ofEpochMilli(total.last);
        Map<String, String> keys = keys(kind, head.key());
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(new Evidence("summary", first, "summary", summary(info, keys, group, total)));
        if (total.evidence != null) {
            for (EarliestFlows.Kept k : total.evidence.flows()) {
                evidence.add(new Evidence("", Instant.ofEpochMilli(k.timeMillis()), k.origin(),
                        k.flow() == null ? "" : k.flow().rawJson()));
            }
        }
        TallyKey k = head.key();
        return new Finding(id, info, keys, k.account(), k.region(), "", k.resource(), first, last, total.flows,
                evidence);
    }

    /** Identity facts only — never a time — so the same activity found again gets the same id. */
    static Map<String, String> keys(Kind kind, TallyKey k) {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("account", k.account());
        keys.put("region", k.region());
        keys.put("resource", k.resource());
        switch (kind) {
            case PORT_SWEEP -> keys.put("port", Integer.toString(k.port()));
            case SSH_IN, SSH_OUT, RDP_IN, RDP_OUT -> {
                keys.put("peer", k.peer());
                keys.put("port", Integer.toString(k.port()));
            }
            case PORT_UNUSUAL, UNAUTHORISED -> {
                keys.put("protocol", Integer.toString(k.port() >>> 16));
                keys.put("port", Integer.toString(port(k.port())));
            }
            // Probes: one finding per instance naming the probed ports, as GuardDuty lists them in one finding.
            case PORTSCAN, SPAMBOT, STORM, PORT_PROBE, TOR_CLIENT_LISTED, TOR_RELAY_LISTED, MALICIOUS_LISTED,
                 PAIR -> {
            }
            default -> keys.put("peer", k.peer());
        }
        return keys;
    }

    private static String protocolName(int protocol) {
        return switch (protocol) {
            case FlowRecord.TCP -> "tcp";
            case FlowRecord.UDP -> "udp";
            default -> Integer.toString(protocol);
        };
    }

    private static int port(int protocolAndPort) {
        int p = protocolAndPort & 0xffff;
        return p == 0xffff ? -1 : p;
    }

    private long windowMillis(Kind kind) {
        return switch (kind) {
            case VOLUME, TOR_RELAY_LISTED -> s.volumeWindow().toMillis();
            case PORT_UNUSUAL, MINING_LISTED, MINING_PORT, C2_LISTED, BEACON, BLACKHOLE_LISTED, DROP_POINT_LISTED,
                 MALICIOUS_LISTED, TOR_CLIENT_LISTED, UNAUTHORISED, PAIR -> 0;
            default -> s.scanWindow().toMillis();
        };
    }

    private String summary(DetectionInfo info, Map<String, String> keys, List<FlowVerdicts.Hit> group, Tally total) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("detection", info.id());
        f.put("type", info.types().get(0));
        keys.forEach(f::put);
        Kind kind = Kind.of(group.get(0).key().kind());
        long length = windowMillis(kind);
        if (length > 0) {
            f.put("windowStart", Instant.ofEpochMilli(group.get(0).key().window() * length).toString());
            f.put("windowEnd", Instant.ofEpochMilli((group.get(group.size() - 1).key().window() + 1) * length)
                    .toString());
            f.put("windows", group.stream().mapToLong(h -> h.key().window()).distinct().count());
        } else {
            f.put("windowStart", Instant.ofEpochMilli(total.first).toString());
            f.put("windowEnd", Instant.ofEpochMilli(total.last).toString());
        }
        f.put("flows", total.flows);
        f.put("acceptedFlows", total.accepted);
        f.put("packets", total.packets);
        f.put("bytes", total.bytes);
        distinct(kind, total, f);
        if (kind == Kind.PORT_PROBE) {
            f.put("probedPorts", group.stream().mapToInt(h -> h.key().port()).distinct().sorted()
                    .mapToObj(p -> protocolName(p >>> 16) + "/" + port(p)).toList());
        }
        IntelMatch m = total.match;
        if (m != null) {
            f.put("set", m.setName());
            f.put("category", m.category().name());
            f.put("confidence", m.confidence());
            f.put("indicator", m.indicator());
            f.put("custom", m.custom());
        }
        f.putAll(group.get(0).facts());
        try {
            return JSON.writeValueAsString(f);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings and numbers always renders as JSON", e);
        }
    }

    private static void distinct(Kind kind, Tally t, Map<String, Object> f) {
        SmallestLongs d = t.distinct;
        if (d == null) {
            return;
        }
        String name = switch (kind) {
            case PORTSCAN -> "ports";
            case PORT_SWEEP, SPAMBOT, PORT_PROBE, TOR_CLIENT_LISTED, TOR_RELAY_LISTED, MALICIOUS_LISTED -> "hosts";
            default -> null;
        };
        if (name == null) {
            return;
        }
        f.put("distinct" + Character.toUpperCase(name.charAt(0)) + name.substring(1), d.size());
        if (d.saturated()) {
            f.put("distinctIsAtLeast", true);
        }
        List<Object> listed = new ArrayList<>();
        for (int i = 0; i < d.size() && listed.size() < MAX_LISTED; i++) {
            if (name.equals("ports")) {
                listed.add(d.get(i));
            } else {
                String host = Addresses.text(d.get(i));
                if (!host.isEmpty()) {
                    listed.add(host);
                }
            }
        }
        f.put(name, listed);
    }
}
