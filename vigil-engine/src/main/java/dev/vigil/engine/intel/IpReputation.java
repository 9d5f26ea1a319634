package dev.vigil.engine.intel;

import dev.vigil.model.AddressScreen;

/**
 * Looks addresses up in the loaded indicator sets. Implementations are immutable and safe to share between
 * threads, except the views {@link #forOneThread()} returns; a lookup costs O(log n) or better in the number of
 * indicators.
 */
public interface IpReputation {

    /** No sets loaded: nothing matches. */
    IpReputation NONE = new IpReputation() {
        private final AddressScreen nothing = new AddressScreen("no indicators", address -> false);

        @Override
        public AddressScreen ipv4Screen() {
            return nothing;
        }

        @Override
        public IntelMatch lookup(CharSequence address, long epochSeconds) {
            return null;
        }

        @Override
        public IntelMatch lookupIpv4(long address, long epochSeconds) {
            IpText.checkIpv4(address);
            return null;
        }
    };

    /**
     * The strongest match for an address (highest confidence; ties broken by set name so the answer never depends
     * on load order) among indicators valid at the given time, or null.
     *
     * @param address      IPv4 or IPv6 text as logs write it; anything else (a host name, "-", garbage) gives null
     * @param epochSeconds when the address was seen; indicators outside their validity (a set's expiry, STIX
     *                     valid_from/valid_until) do not match
     */
    IntelMatch lookup(CharSequence address, long epochSeconds);

    /**
     * {@link #lookup(CharSequence, long)} for an IPv4 address the caller has already parsed (the network detections
     * parse both peers of every flow to a number anyway), so the text is not parsed a second time. The default
     * formats the address and calls {@code lookup}; the loaded indices take the number directly.
     *
     * @param address the address as an unsigned 32-bit value, {@code 0} to {@code 0xFFFFFFFF}
     *                ({@code 198.51.100.7} is {@code 0xC6336407L})
     * @throws IllegalArgumentException for a value outside that range (such as the -1 parsers return for "not
     *                                  IPv4": such an address is IPv6 or no address, and goes to the text lookup)
     */
    default IntelMatch lookupIpv4(long address, long epochSeconds) {
        IpText.checkIpv4(address);
        return lookup(IpText.ipv4(address), epochSeconds);
    }

    /**
     * A view for one thread that may cache; not thread-safe. Give each reader thread (each partial detection state)
     * its own and look up through it: flow peers repeat heavily (a fleet talks to a few thousand hosts), and a view
     * may remember where in the index a repeated address fell instead of searching the index again. The answers are
     * exactly those of this object at every time: what is cached does not depend on the time (see
     * docs/threat-intel.md, "Performance").
     *
     * <p>The default returns this object itself, for implementations with nothing worth caching. Calling it on a
     * view gives a new view for another thread.
     */
    default IpReputation forOneThread() {
        return this;
    }

    /**
     * A screen for flow-log readers to run once per distinct IPv4 address ({@link AddressScreen}): false only for an
     * address no indicator covers at any time, so that a record whose reader ran it can skip the lookup
     * ({@link dev.vigil.model.FlowRecord#screenedOut}). Views return their index's screen. The default, null, means
     * none: readers screen nothing and every lookup is made.
     */
    default AddressScreen ipv4Screen() {
        return null;
    }
}
