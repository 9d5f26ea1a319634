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
 * <p>Several dispatchers may work on one database at once (processes sharing a PostgreSQL database), or one after
 * another when a process died mid-delivery: a dispatcher claims each row before delivering it (status SENDING,
 * a lease of the policy's {@code claimLease}), only one claimant wins a row, and a row whose claimant died
 * becomes due again when the lease ends. A row claimed {@code maxAttempts} times by dispatchers that all
 * stopped before finishing becomes DEAD without another try.
 *
 * <p>Only destinations in the configuration are contacted, only at their configured URL or mail server; HTTP
 * redirects are not followed.
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

    /**
     * Delivers the rows due at the clock's current time. Each row is claimed just before its delivery (see
     * {@link Outbox#claim}), so the lease covers one delivery, not the whole batch.
     */
    public DispatchReport runOnce(Clock clock) {
        DeliveryPolicy policy = config.policy();
        DeliveryContext context = new DeliveryContext(new HttpCalls(http, policy.timeout(), clock), clock,
                policy.timeout(), smtpTls, new OutboxTickets(outbox));
        int delivered = 0;
        int retried = 0;
        int dead = 0;
        int elsewhere = 0;
        for (String key : outbox.claimable(clock.instant(), BATCH)) {
            Optional<Outbox.ClaimedRow> claimed = outbox.claim(key, clock.instant(), policy.claimLease());
            if (claimed.isEmpty()) {
                elsewhere++;
                continue;
            }
            switch (deliver(claimed.get(), context, policy, clock)) {
                case DELIVERED -> delivered++;
                case RETRY -> retried++;
                case DEAD -> dead++;
            }
        }
        return new DispatchReport(delivered, retried, dead, elsewhere);
    }

    private enum Outcome { DELIVERED, RETRY, DEAD }

    private Outcome deliver(Outbox.ClaimedRow row, DeliveryContext context, DeliveryPolicy policy, Clock clock) {
        if (row.attempts() >= policy.maxAttempts()) {
            // Every try so far was claimed by a dispatcher that stopped before finishing (a crash, a kill): the row
            // itself may be what brings dispatchers down, so it is not tried again.
            outbox.markDead(row, row.attempts() + " tries were started by dispatchers that stopped before"
                    + " finishing them; the last claim's lease ended. Requeue it once the cause is found.",
                    clock.instant());
            return Outcome.DEAD;
        }
        OutboxEntry entry;
        try {
            entry = row.entry();
        } catch (IllegalArgumentException e) {
            outbox.markDead(row, "the stored notification is damaged: " + e.getMessage(), clock.instant());
            return Outcome.DEAD;
        }
        Optional<Destination> destination = config.destination(entry.destination());
        if (destination.isEmpty()) {
            outbox.markDead(row, "destination '" + entry.destination() + "' is no longer in the routing"
                    + " configuration; nothing was sent", clock.instant());
            return Outcome.DEAD;
        }
        DeliveryReceipt receipt;
        int failures = entry.attempts() + 1;
        try {
            receipt = destination.get().deliver(entry, context);
        } catch (DeliveryException e) {
            String error = shorten(e.getMessage());
            if (!e.retryable() || failures >= policy.maxAttempts()) {
                outbox.markDead(row, error, clock.instant());
                return Outcome.DEAD;
            }
            Duration wait = e.retryAfter()
                    .map(d -> d.compareTo(policy.maxRetryAfter()) > 0 ? policy.maxRetryAfter() : d)
                    .orElseGet(() -> backoff.after(failures));
            Instant now = clock.instant();
            outbox.markRetry(row, error, now.plus(wait), now);
            return Outcome.RETRY;
        } catch (RuntimeException e) {
            // A bug or an unexpected answer: keep the row and retry later rather than lose the notification.
            String error = shorten(entry.destination() + ": unexpected failure: " + e);
            Instant now = clock.instant();
            if (failures >= policy.maxAttempts()) {
                outbox.markDead(row, error, now);
                return Outcome.DEAD;
            }
            outbox.markRetry(row, error, now.plus(backoff.after(failures)), now);
            return Outcome.RETRY;
        }
        faults.afterRemoteAccepted(entry);
        // When this returns false the lease ended during the delivery and another dispatcher took the row over;
        // it will deliver again with the same idempotency key, which destinations de-duplicate.
        outbox.markDelivered(row, receipt, clock.instant());
        return Outcome.DELIVERED;
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
