package dev.vigil.hub.routing;

/** Where an outbox row is: waiting to be (re)tried, delivered, or given up on after too many failures. */
public enum OutboxStatus {
    PENDING, DELIVERED, DEAD
}
