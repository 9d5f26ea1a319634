package dev.vigil.hub.routing;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import javax.net.ssl.SSLSocketFactory;

/**
 * Delivers due outbox rows. Each {@link #runOnce} takes up to {@value #BATCH} PENDING rows whose time has come,
 * oldest change first, and for each:
 * <ul>
 *   <li>delivered: the row becomes DELIVERED (with the ticket it created or found);</li>
 *   <li>failed temporarily (5xx, 408, 429, timeout, connection failure, SMTP 4xx): attempts + 1 and the next
 *       attempt after the backoff ({@link Backoff}) or the server's Retry-After (at most the policy's
 *       {@code maxRetryAfter});</li>
 *   <li>failed permanently (other 4xx, SMTP 5xx, a damaged row, a destination no longer configured), or
 *       temporarily for the {@code maxAttempts}-th time: DEAD, keeping the last error.</li>
 * </ul>
 * Delivery is at least once: a crash between the destination accepting and the row being marked leaves the row
 * PENDING, and the next run delivers it again with the same idempotency key. Jira and ServiceNow destinations
 * look for the ticket that key already made before creating one, so tickets are not duplicated; webhook
 * receivers de-duplicate by the {@code X-Vigil-Delivery} header.
 *
 * <p>Only destinations in the configuration are contacted, only at their configured URL or mail server; HTTP
 * redirects are not followed. One dispatcher per database at a time.
 */
public final class Dispatcher implements AutoCloseable {

    /** The most rows one {@link #runOnce} tries. */
    public static final int BATCH = 100;
    private static final int MAX_ERROR_CHARS = 2000;

    private final Outbox outbox;
    private final RoutingConfig config;
    private final HttpClient http;
    private final boolean ownsHttp;
    private final SSLSocketFactory smtpTls;
    private final Backoff backoff;
    private final DispatchFaults faults;

    /**
     * @param random the source of backoff jitter (seed it in tests)
     */
    public Dispatcher(Outbox outbox, RoutingConfig config, Random random) {
        this(outbox, config, newHttpClient(config.policy().timeout()), true,
                (SSLSocketFactory) SSLSocketFactory.getDefault(), random, DispatchFaults.NONE);
    }

    Dispatcher(Outbox outbox, RoutingConfig config, HttpClient http, boolean ownsHttp, SSLSocketFactory smtpTls,
               Random random, DispatchFaults faults) {
        this.outbox = outbox;
        this.config = config;
        this.http = http;
        this.ownsHttp = ownsHttp;
        this.smtpTls = smtpTls;
        this.backoff = new Backoff(config.policy().initialBackoff(), config.policy().maxBackoff(), random);
        this.faults = faults;
    }

    static HttpClient newHttpClient(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Delivers the rows due at the clock's current time. */
    public DispatchReport runOnce(Clock clock) {
        DeliveryPolicy policy = config.policy();
        DeliveryContext context = new DeliveryContext(new HttpCalls(http, policy.timeout(), clock), clock,
                policy.timeout(), smtpTls, new OutboxTickets(outbox));
        int delivered = 0;
        int retried = 0;
        int dead = 0;
        for (Outbox.DueRow row : outbox.due(clock.instant(), BATCH)) {
            OutboxEntry entry;
            try {
                entry = row.entry();
            } catch (IllegalArgumentException e) {
                outbox.markDead(row.key(), "the stored notification is damaged: " + e.getMessage(), clock.instant());
                dead++;
                continue;
            }
            Optional<Destination> destination = config.destination(entry.destination());
            if (destination.isEmpty()) {
                outbox.markDead(row.key(), "destination '" + entry.destination() + "' is no longer in the routing"
                        + " configuration; nothing was sent", clock.instant());
                dead++;
                continue;
            }
            DeliveryReceipt receipt;
            try {
                receipt = destination.get().deliver(entry, context);
            } catch (DeliveryException e) {
                int failures = entry.attempts() + 1;
                String error = shorten(e.getMessage());
                if (!e.retryable() || failures >= policy.maxAttempts()) {
                    outbox.markDead(row.key(), error, clock.instant());
                    dead++;
                } else {
                    Duration wait = e.retryAfter()
                            .map(d -> d.compareTo(policy.maxRetryAfter()) > 0 ? policy.maxRetryAfter() : d)
                            .orElseGet(() -> backoff.after(failures));
                    Instant now = clock.instant();
                    outbox.markRetry(row.key(), error, now.plus(wait), now);
                    retried++;
                }
                continue;
            } catch (RuntimeException e) {
                // A bug or an unexpected answer: keep the row and retry later rather than lose the notification.
                int failures = entry.attempts() + 1;
                String error = shorten(entry.destination() + ": unexpected failure: " + e);
                Instant now = clock.instant();
                if (failures >= policy.maxAttempts()) {
                    outbox.markDead(row.key(), error, now);
                    dead++;
                } else {
                    outbox.markRetry(row.key(), error, now.plus(backoff.after(failures)), now);
                    retried++;
                }
                continue;
            }
            faults.afterRemoteAccepted(entry);
            outbox.markDelivered(row.key(), receipt, clock.instant());
            delivered++;
        }
        return new DispatchReport(delivered, retried, dead);
    }

    private static String shorten(String message) {
        String m = String.valueOf(message);
        return m.length() <= MAX_ERROR_CHARS ? m : m.substring(0, MAX_ERROR_CHARS) + "…";
    }

    @Override
    public void close() {
        if (ownsHttp) {
            http.close();
        }
    }
}
