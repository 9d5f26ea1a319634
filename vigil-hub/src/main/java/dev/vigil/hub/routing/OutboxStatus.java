package dev.vigil.hub.routing;

/**
 * Where an outbox row is: waiting to be (re)tried, being delivered by a dispatcher that claimed it (until its
 * lease ends), delivered, or given up on after too many failures.
 */
public enum OutboxStatus {
    PENDING, SENDING, DELIVERED, DEAD
}
