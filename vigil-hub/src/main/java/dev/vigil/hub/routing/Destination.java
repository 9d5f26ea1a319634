package dev.vigil.hub.routing;

/**
 * A place the user configured to receive notifications. Each kind is one small class; a destination only ever
 * contacts the URL or mail server written in its configuration.
 */
sealed interface Destination
        permits WebhookDestination, SlackDestination, JiraDestination, ServiceNowDestination, EmailDestination {

    /** The name the configuration gives it; routes refer to it, outbox rows record it. */
    String name();

    /**
     * Delivers one change. Must be safe to repeat after a crash: either the receiver can tell a repeat by the
     * idempotency key, or the destination looks for what an earlier attempt left before creating anything.
     */
    DeliveryReceipt deliver(OutboxEntry entry, DeliveryContext context) throws DeliveryException;
}
