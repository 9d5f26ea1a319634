package dev.vigil.engine.apithreat;

import dev.vigil.model.Event;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One EC2 instance-role session (one temporary access key) and the public addresses it was used from, each with its
 * calls. At most {@value #MAX_ADDRESSES} addresses are tracked per session (the lowest by text; a session used from
 * more is already odd, and the tracked ones still raise).
 */
final class InstanceSession {

    static final int MAX_ADDRESSES = 16;

    final String instanceId;
    final TreeMap<String, CallAggregate> byAddress = new TreeMap<>();

    InstanceSession(String instanceId) {
        this.instanceId = instanceId;
    }

    void add(String address, Event e, String region, String accessKey, int evidenceCap, boolean withText,
             TextBudget budget) {
        CallAggregate a = byAddress.get(address);
        if (a == null) {
            if (byAddress.size() == MAX_ADDRESSES && address.compareTo(byAddress.lastKey()) > 0) {
                return;
            }
            a = new CallAggregate(evidenceCap, withText);
            byAddress.put(address, a);
            if (byAddress.size() > MAX_ADDRESSES) {
                byAddress.pollLastEntry();
            }
        }
        a.add(e, region, accessKey, address, budget);
    }

    void merge(InstanceSession o) {
        for (Map.Entry<String, CallAggregate> e : o.byAddress.entrySet()) {
            CallAggregate mine = byAddress.get(e.getKey());
            if (mine == null) {
                byAddress.put(e.getKey(), e.getValue());
            } else {
                mine.merge(e.getValue());
            }
        }
        while (byAddress.size() > MAX_ADDRESSES) {
            byAddress.pollLastEntry();
        }
    }

    /**
     * Without AWS's address list: the address the session is presumed to belong to. A known address of the
     * instance that the session used (the earliest used) wins; else the address with the most calls (ties: the
     * earlier first call, then the lower text).
     */
    String anchor(InstanceAddresses instances) {
        Comparator<Map.Entry<String, CallAggregate>> earliest = Comparator
                .comparingLong((Map.Entry<String, CallAggregate> e) -> e.getValue().firstMillis)
                .thenComparing(Map.Entry::getKey);
        List<Map.Entry<String, CallAggregate>> own = new ArrayList<>();
        for (Map.Entry<String, CallAggregate> e : byAddress.entrySet()) {
            if (instances.owns(instanceId, e.getKey())) {
                own.add(e);
            }
        }
        if (!own.isEmpty()) {
            return own.stream().min(earliest).orElseThrow().getKey();
        }
        return byAddress.entrySet().stream()
                .min(Comparator.comparingLong((Map.Entry<String, CallAggregate> e) -> -e.getValue().count)
                        .thenComparing(earliest))
                .map(Map.Entry::getKey).orElse(null);
    }
}
