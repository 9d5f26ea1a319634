package dev.vigil.engine.network;

import java.util.BitSet;
import java.util.Set;

/** A set of ports answered in constant time without boxing: the per-flow checks run a million times a second. */
final class PortSet {

    private final BitSet ports = new BitSet(65536);

    PortSet(Set<Integer> members) {
        members.forEach(ports::set);
    }

    private PortSet() {
    }

    static PortSet union(PortSet... sets) {
        PortSet u = new PortSet();
        for (PortSet s : sets) {
            u.ports.or(s.ports);
        }
        return u;
    }

    boolean has(int port) {
        return port >= 0 && port < 65536 && ports.get(port);
    }
}
