package dev.vigil.engine.apithreat;

/**
 * The addresses an EC2 instance is known to own (its private and public IPv4 addresses, its IPv6 addresses), for
 * telling an instance role's credentials used by the instance from the same credentials used elsewhere.
 * Implementations are immutable and thread-safe; {@code dev.vigil.posture.network.InstanceAddressesFromInventory}
 * builds one from AWS Config items.
 */
public interface InstanceAddresses {

    /** Nothing known about any instance. */
    InstanceAddresses NONE = (instanceId, address) -> false;

    /**
     * True when the address was one of the instance's at some point in the inventory.
     *
     * @param instanceId an instance id, {@code i-…}
     * @param address    an address in canonical form ({@link dev.vigil.engine.intel.IpAddresses#canonical})
     */
    boolean owns(String instanceId, String address);
}
