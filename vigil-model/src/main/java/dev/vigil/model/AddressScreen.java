package dev.vigil.model;

import java.util.Objects;
import java.util.function.LongPredicate;

/**
 * A cheap, conservative first test of IPv4 addresses — "can this address match at all?" — that a flow-log reader
 * runs once per distinct address it reads, not once per record: the reader keeps the answer beside the address in
 * the cache it already looks every address up in, and the record carries it ({@link FlowRecord#screenedOut}).
 * A detection that would otherwise ask an expensive question of every record (a threat-intel lookup in an index of
 * millions of indicators, whose memory a stream of log text keeps pushing out of the processor's caches) skips the
 * addresses its screen turned away.
 *
 * <p>Conservative means: {@link #mayMatch} may say yes to an address that will not match (the expensive check
 * decides), but must never say no to one that can, at any time — the reader's cache outlives a record's time.
 *
 * <p>Records tell screens apart by identity: a record read through one screen says nothing about another, and a
 * consumer asks with the screen it handed the reader.
 */
public final class AddressScreen {

    private final String name;
    private final LongPredicate mayMatch;

    /**
     * @param name     what the screen stands for, for messages ("threat intel, 1,000,000 indicators")
     * @param mayMatch false only for an IPv4 address (an unsigned 32-bit value) that surely cannot match
     */
    public AddressScreen(String name, LongPredicate mayMatch) {
        this.name = Objects.requireNonNull(name, "name");
        this.mayMatch = Objects.requireNonNull(mayMatch, "mayMatch");
    }

    /** False only when the IPv4 address (an unsigned 32-bit value) surely cannot match. */
    public boolean mayMatch(long ipv4) {
        return mayMatch.test(ipv4);
    }

    @Override
    public String toString() {
        return "AddressScreen[" + name + "]";
    }
}
