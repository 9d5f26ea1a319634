package dev.vigil.hub.routing;

/**
 * A test hook: called after a destination accepted a delivery and before the outbox row is marked delivered,
 * the very window in which a crash would leave a delivered change PENDING. A test makes it throw to simulate the
 * crash; production code uses {@link #NONE}.
 */
interface DispatchFaults {

    DispatchFaults NONE = entry -> { };

    void afterRemoteAccepted(OutboxEntry entry);
}
