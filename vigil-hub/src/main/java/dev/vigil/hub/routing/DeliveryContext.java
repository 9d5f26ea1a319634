package dev.vigil.hub.routing;

import java.time.Clock;
import java.time.Duration;

/** What a destination may use to deliver: HTTP, the clock, the SMTP timeout and the outbox's ticket history. */
record DeliveryContext(HttpCalls http, Clock clock, Duration timeout, TicketHistory tickets) {
}
