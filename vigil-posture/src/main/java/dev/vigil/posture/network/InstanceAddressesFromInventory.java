package dev.vigil.posture.network;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.engine.apithreat.InstanceAddresses;
import dev.vigil.engine.intel.IpAddresses;
import dev.vigil.posture.inventory.Inventory;
import dev.vigil.posture.inventory.Resource;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The addresses each EC2 instance had according to AWS Config: from {@code AWS::EC2::Instance} items (private and
 * public IPv4, every interface's private addresses with their associated public IPs, IPv6 addresses), from
 * {@code AWS::EC2::NetworkInterface} items attached to an instance, and from {@code AWS::EC2::EIP} items associated
 * with one. Every capture handed in counts, so feeding a resource's history covers an instance whose public address
 * changed when it was stopped and started. Immutable once built.
 */
public final class InstanceAddressesFromInventory implements InstanceAddresses {

    private final Map<String, Set<String>> byInstance;

    private InstanceAddressesFromInventory(Map<String, Set<String>> byInstance) {
        this.byInstance = byInstance;
    }

    /** From the inventory's captures (live and deleted). */
    public static InstanceAddressesFromInventory of(Inventory inventory) {
        return of(inventory.all());
    }

    /** From any captures, e.g. a resource history. */
    public static InstanceAddressesFromInventory of(Iterable<Resource> captures) {
        Map<String, Set<String>> out = new HashMap<>();
        for (Resource r : captures) {
            switch (r.type()) {
                case "AWS::EC2::Instance" -> instance(r.id(), r.configuration(), out);
                case "AWS::EC2::NetworkInterface" -> {
                    String id = r.config("attachment.instanceId").asText("");
                    if (!id.isEmpty()) {
                        networkInterface(id, r.configuration(), out);
                    }
                }
                case "AWS::EC2::EIP" -> {
                    String id = r.config("instanceId").asText("");
                    if (!id.isEmpty()) {
                        add(out, id, r.config("publicIp"));
                    }
                }
                default -> {
                    // other resources own no instance addresses
                }
            }
        }
        Map<String, Set<String>> frozen = new HashMap<>();
        out.forEach((k, v) -> frozen.put(k, Set.copyOf(v)));
        return new InstanceAddressesFromInventory(Map.copyOf(frozen));
    }

    private static void instance(String id, JsonNode c, Map<String, Set<String>> out) {
        add(out, id, c.path("privateIpAddress"));
        add(out, id, c.path("publicIpAddress"));
        for (JsonNode eni : c.path("networkInterfaces")) {
            networkInterface(id, eni, out);
        }
    }

    private static void networkInterface(String id, JsonNode eni, Map<String, Set<String>> out) {
        add(out, id, eni.path("privateIpAddress"));
        add(out, id, eni.path("association").path("publicIp"));
        for (JsonNode p : eni.path("privateIpAddresses")) {
            add(out, id, p.path("privateIpAddress"));
            add(out, id, p.path("association").path("publicIp"));
        }
        for (JsonNode v6 : eni.path("ipv6Addresses")) {
            add(out, id, v6.path("ipv6Address"));
        }
    }

    private static void add(Map<String, Set<String>> out, String instanceId, JsonNode value) {
        String address = value.isTextual() ? IpAddresses.canonical(value.asText()) : null;
        if (address != null) {
            out.computeIfAbsent(instanceId, k -> new HashSet<>()).add(address);
        }
    }

    @Override
    public boolean owns(String instanceId, String address) {
        Set<String> known = byInstance.get(instanceId);
        String canonical = known == null ? null : IpAddresses.canonical(address);
        return canonical != null && known.contains(canonical);
    }

    /** Instances with at least one known address. */
    public int instances() {
        return byInstance.size();
    }
}
