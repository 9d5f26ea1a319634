package dev.vigil.hub.routing;

import java.util.Optional;

/**
 * What the outbox knows about a finding's tickets at one destination, so that a RESOLVED change can find the
 * ticket an earlier CREATED or REOPENED change opened.
 */
interface TicketHistory {

    /** The ticket of the most recent delivered change of this finding to this destination that has one. */
    Optional<String> latestTicket(String destination, String findingId);

    /**
     * Whether a change of this finding to this destination enqueued before {@code entry} is still waiting to be
     * delivered: a ticket it would open does not exist yet.
     */
    boolean earlierPending(OutboxEntry entry);
}
