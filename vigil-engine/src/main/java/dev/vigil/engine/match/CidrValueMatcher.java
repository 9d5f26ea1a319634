package dev.vigil.engine.match;

import dev.vigil.engine.sigma.SigmaCidr;

/** {@code cidr}: a string holding an IP address inside the network; anything else does not match. */
final class CidrValueMatcher extends ScalarValueMatcher {

    private final SigmaCidr network;

    CidrValueMatcher(SigmaCidr network) {
        this.network = network;
    }

    @Override
    boolean testScalar(Object value) {
        return value instanceof String s && network.contains(s);
    }
}
