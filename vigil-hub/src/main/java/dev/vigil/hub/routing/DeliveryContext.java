package dev.vigil.hub.routing;

import java.time.Clock;
import java.time.Duration;
import javax.net.ssl.SSLSocketFactory;

/**
 * What a destination may use to deliver: HTTP, the clock, the SMTP timeout and TLS socket factory (the JDK's
 * default trust store in production), and the outbox's ticket history.
 */
record DeliveryContext(HttpCalls http, Clock clock, Duration timeout, SSLSocketFactory smtpTls,
                       TicketHistory tickets) {
}
