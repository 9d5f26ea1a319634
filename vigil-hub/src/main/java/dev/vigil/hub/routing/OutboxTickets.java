package dev.vigil.hub.routing;

import java.util.Optional;

/** The ticket history destinations see, answered from the outbox table. */
record OutboxTickets(Outbox outbox) implements TicketHistory {

    @Override
    public Optional<String> latestTicket(String destination, String findingId) {
        return outbox.latestTicket(destination, findingId);
    }

    @Override
    public boolean earlierPending(OutboxEntry entry) {
        return outbox.earlierPending(entry);
    }
}
