package dev.vigil.engine.intel;

/**
 * Looks addresses up in the loaded indicator sets. Implementations are immutable and safe to share between
 * threads; a lookup costs O(log n) or better in the number of indicators.
 */
public interface IpReputation {

    /** No sets loaded: nothing matches. */
    IpReputation NONE = (address, epochSeconds) -> null;

    /**
     * The strongest match for an address (highest confidence; ties broken by set name so the answer never depends
     * on load order) among indicators valid at the given time, or null.
     *
     * @param address      IPv4 or IPv6 text as logs write it; anything else (a host name, "-", garbage) gives null
     * @param epochSeconds when the address was seen; indicators outside their validity (a set's expiry, STIX
     *                     valid_from/valid_until) do not match
     */
    IntelMatch lookup(CharSequence address, long epochSeconds);
}
