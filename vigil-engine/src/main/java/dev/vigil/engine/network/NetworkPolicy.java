package dev.vigil.engine.network;

/**
 * What the network configuration (security groups and network ACLs) says about inbound traffic to an interface.
 * The flow detections use it to tell a port open to the internet from a protected one, and to spot accepted
 * flows the configuration should have stopped.
 *
 * <p>Implementations answer {@link Verdict#UNKNOWN} whenever they cannot decide (an interface the inventory does not
 * hold, a rule that references a prefix list or another group whose members are unknown) — never
 * {@link Verdict#DENIED} on a guess, because a denial turns accepted traffic into a finding. Implementations are
 * immutable and safe to share between threads.
 */
public interface NetworkPolicy {

    /** The answer to "would this inbound connection be allowed?". */
    enum Verdict { ALLOWED, DENIED, UNKNOWN }

    /** No inventory: nothing is known. */
    NetworkPolicy NONE = (interfaceId, instanceId, protocol, localPort, remoteAddress) -> Verdict.UNKNOWN;

    /**
     * Whether a new inbound connection from {@code remoteAddress} to {@code localPort} of the interface passes both
     * the interface's security groups and its subnet's network ACL (inbound rules only: a response to a connection
     * the instance opened is allowed by the security group's state and is not asked about).
     *
     * @param interfaceId   {@code eni-…}, or "" when the flow did not name it
     * @param instanceId    {@code i-…}, or "" when the flow did not name it
     * @param protocol      IANA protocol number (6 TCP, 17 UDP, 1 ICMP…)
     * @param localPort     the destination port on the interface; -1 for protocols without ports
     * @param remoteAddress the connecting address, IPv4 or IPv6 text
     */
    Verdict inbound(String interfaceId, String instanceId, int protocol, int localPort, String remoteAddress);

    /**
     * Whether the interface forwards other hosts' traffic rather than originating its own — a NAT gateway, a load
     * balancer, a transit gateway or endpoint interface. Its flows repeat those of the hosts behind it (already seen
     * on their own interfaces), so the detections count them only towards the rejected-flow storm; otherwise a NAT
     * gateway would appear as the actor of every scan its clients run. Unknown interfaces: false.
     */
    default boolean forwardsTraffic(String interfaceId) {
        return false;
    }

    /**
     * The instance the interface is attached to, or "" when unknown. Version-2 flow records name only the
     * interface; with this a finding names the instance, as GuardDuty's do, whatever the flow log's format.
     */
    default String instanceOf(String interfaceId) {
        return "";
    }

    /** The region of the interface, or "" when unknown: version-2 to -3 flow records carry none. */
    default String regionOf(String interfaceId) {
        return "";
    }
}
