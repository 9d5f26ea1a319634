package dev.vigil.hub.routing;

/**
 * What a successful delivery leaves behind: the ticket it created or found (a Jira issue key, a ServiceNow
 * sys_id), or null for a message; and a note for the outbox row when something worth knowing happened
 * (e.g. "found existing issue SEC-12, not created again").
 */
record DeliveryReceipt(String ticketRef, String note) {

    static DeliveryReceipt sent() {
        return new DeliveryReceipt(null, null);
    }
}
