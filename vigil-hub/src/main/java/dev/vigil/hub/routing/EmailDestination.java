package dev.vigil.hub.routing;

import java.util.List;

/**
 * Sends a plain-text mail per change through the configured SMTP server ({@link SmtpClient}).
 *
 * <p>SMTP cannot de-duplicate: if Vigil crashes after the server accepted the message and before the outbox
 * recorded it, the message is sent again on restart. Both copies carry the same Message-ID and
 * {@code X-Vigil-Delivery} header, which mail systems that de-duplicate by Message-ID use.
 */
record EmailDestination(String name, String host, int port, SmtpClient.Tls tls, SmtpClient.Account account,
                        String from, List<String> to) implements Destination {

    @Override
    public DeliveryReceipt deliver(OutboxEntry entry, DeliveryContext context) throws DeliveryException {
        Notification n = entry.notification();
        String subject = "[Vigil " + n.severity().caption() + "] " + verb(n.kind()) + ": " + n.title();
        SmtpClient client = new SmtpClient(host, port, tls, account, context.timeout(), context.smtpTls());
        client.send(from, to, eightBit -> MailMessage.of(from, to, subject, TicketText.body(n, entry.key()),
                entry.key(), context.clock().instant(), eightBit));
        return DeliveryReceipt.sent();
    }

    private static String verb(EventKind kind) {
        return switch (kind) {
            case CREATED -> "new finding";
            case ESCALATED -> "escalated";
            case RESOLVED -> "resolved";
            case REOPENED -> "reopened";
        };
    }

    @Override
    public String toString() {
        return "EmailDestination[name=" + name + ", host=" + host + ":" + port + ", tls=" + tls + "]";
    }
}
