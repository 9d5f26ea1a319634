package dev.vigil.hub.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.hub.PostgresExtension;
import dev.vigil.hub.StoreBackend;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(StoreBackend.class)
@ExtendWith(PostgresExtension.class)
class EmailDeliveryTest {

    @Parameter
    StoreBackend backend;

    @TempDir
    Path dir;

    private LoopbackSmtpServer smtp;
    private OutboxDatabase database;
    private Connection connection;
    private Outbox outbox;
    private RoutingConfig config;
    private final MutableClock clock = new MutableClock(TestNotifications.T0);

    @BeforeEach
    void start() throws Exception {
        smtp = new LoopbackSmtpServer("vigil", "pw!");
        database = new OutboxDatabase(backend, dir, getClass());
        connection = database.open();
        outbox = new Outbox(connection);
        config = Configs.load(dir, """
                destinations:
                  mail:
                    type: email
                    host: 127.0.0.1
                    port: %d
                    tls: none
                    username: vigil
                    password: ${env:SMTP_PASSWORD}
                    from: vigil@example.com
                    to: [soc@example.com, oncall@example.com]
                routes:
                  - {name: all, to: [mail]}
                """.formatted(smtp.port()), Map.of("SMTP_PASSWORD", "pw!"));
    }

    @AfterEach
    void stop() throws Exception {
        smtp.close();
        connection.close();
    }

    private DispatchReport run() {
        try (Dispatcher d = new Dispatcher(outbox, config, new Random(1))) {
            return d.runOnce(clock);
        }
    }

    private static String headers(LoopbackSmtpServer.Message m) {
        return m.data().substring(0, m.data().indexOf("\r\n\r\n") + 2);
    }

    private static String body(LoopbackSmtpServer.Message m) {
        return m.data().substring(m.data().indexOf("\r\n\r\n") + 4);
    }

    @Test
    void sendsOneAuthenticatedMessageToTheConfiguredRecipients() {
        Notification n = TestNotifications.created("f-1");
        outbox.enqueue(n, config, clock);
        assertThat(run()).isEqualTo(new DispatchReport(1, 0, 0));

        assertThat(smtp.messages()).singleElement().satisfies(m -> {
            assertThat(m.authUser()).isEqualTo("vigil");
            assertThat(m.from()).isEqualTo("<vigil@example.com>");
            assertThat(m.recipients()).containsExactly("<soc@example.com>", "<oncall@example.com>");
            String key = IdempotencyKey.of("mail", n);
            assertThat(headers(m)).contains("From: vigil@example.com\r\n",
                    "To: soc@example.com, oncall@example.com\r\n",
                    "Subject: [Vigil High] new finding: Root console login without MFA\r\n",
                    "Message-ID: <" + key + "@vigil>\r\n", "X-Vigil-Delivery: " + key + "\r\n",
                    "Date: Sun, 1 Mar 2026 10:00:00 GMT\r\n", "Content-Transfer-Encoding: 7bit\r\n");
            assertThat(body(m)).contains("Vigil finding f-1", "Principal: arn:aws:iam::123456789012:root");
        });
        assertThat(smtp.bareLineBreaks).isZero();
    }

    @Test
    void dotStuffsLinesAndNormalisesLineBreaksSoTheMessageArrivesWhole() {
        outbox.enqueue(TestNotifications.withText(EventKind.CREATED, "f-1", "dots",
                "before\n.\n.hidden\rmiddle\r\nafter\n..two"), config, clock);
        run();
        LoopbackSmtpServer.Message m = smtp.messages().getFirst();
        // On the wire, a line starting with '.' had another '.' put before it, so "." alone did not end DATA.
        assertThat(m.wireLines()).contains("..", "..hidden", "...two");
        assertThat(body(m)).contains("before\r\n.\r\n.hidden\r\nmiddle\r\nafter\r\n..two\r\n");
        assertThat(smtp.bareLineBreaks).isZero();
    }

    @Test
    void aSubjectCannotInjectHeadersOrRecipients() {
        outbox.enqueue(TestNotifications.withText(EventKind.CREATED, "f-1",
                "Alert\r\nBcc: victim@example.net\r\n\r\nfake body", "x"), config, clock);
        run();
        LoopbackSmtpServer.Message m = smtp.messages().getFirst();
        assertThat(m.recipients()).containsExactly("<soc@example.com>", "<oncall@example.com>");
        assertThat(headers(m)).doesNotContain("\r\nBcc:");
        assertThat(headers(m)).contains("Subject: [Vigil Critical] new finding: Alert Bcc: victim@example.net fake body\r\n");
    }

    @Test
    void unicodeTextUsesAnEncodedSubjectAnd8bitWhenOfferedElseBase64() {
        Notification n = TestNotifications.withText(EventKind.CREATED, "f-1", "Zugriff über Root — 日本",
                "Beschreibung mit Umlauten: äöü");
        outbox.enqueue(n, config, clock);
        run();
        LoopbackSmtpServer.Message eight = smtp.messages().getFirst();
        assertThat(headers(eight)).contains("Subject: =?UTF-8?B?", "Content-Transfer-Encoding: 8bit");
        assertThat(body(eight)).contains("Beschreibung mit Umlauten: äöü");

        smtp.extensions(List.of("AUTH LOGIN"));
        outbox.enqueue(TestNotifications.withText(EventKind.REOPENED, "f-1", "ü", "Beschreibung äöü"), config, clock);
        run();
        LoopbackSmtpServer.Message b64 = smtp.messages().get(1);
        assertThat(b64.authUser()).isEqualTo("vigil");
        assertThat(headers(b64)).contains("Content-Transfer-Encoding: base64");
        String decoded = new String(Base64.getMimeDecoder().decode(body(b64)), StandardCharsets.UTF_8);
        assertThat(decoded).contains("Beschreibung äöü");
        assertThat(MailMessage.encodeSubject("[Vigil Critical] new finding: ü")).isEqualTo(
                "=?UTF-8?B?" + Base64.getEncoder().encodeToString(
                        "[Vigil Critical] new finding: ü".getBytes(StandardCharsets.UTF_8)) + "?=");
    }

    @Test
    void a4xxReplyIsRetriedAnd5xxIsPermanent() {
        AtomicInteger rcpts = new AtomicInteger();
        smtp.rcptReply(r -> rcpts.incrementAndGet() == 1 ? "450 4.2.1 mailbox busy" : "250 OK");
        outbox.enqueue(TestNotifications.created("f-1"), config, clock);
        assertThat(run().retried()).isEqualTo(1);
        assertThat(outbox.list(1).getFirst().lastError()).contains("450", "mailbox busy");
        clock.advance(Duration.ofHours(1));
        assertThat(run().delivered()).isEqualTo(1);

        smtp.rcptReply(r -> "550 5.1.1 no such user");
        outbox.enqueue(TestNotifications.created("f-2"), config, clock);
        assertThat(run().dead()).isEqualTo(1);
        assertThat(smtp.messages()).hasSize(1);
    }

    @Test
    void wrongCredentialsArePermanentAndNeverLogged() throws Exception {
        RoutingConfig wrong = Configs.load(dir, """
                destinations:
                  mail: {type: email, host: localhost, port: %d, tls: none, username: vigil,
                         password: "${env:P}", from: v@example.com, to: [a@example.com]}
                routes:
                  - {name: all, to: [mail]}
                """.formatted(smtp.port()), Map.of("P", "wrong-password"));
        outbox.enqueue(TestNotifications.created("f-1"), wrong, clock);
        try (Dispatcher d = new Dispatcher(outbox, wrong, new Random(1))) {
            assertThat(d.runOnce(clock).dead()).isEqualTo(1);
        }
        String error = outbox.list(1).getFirst().lastError();
        assertThat(error).contains("AUTH PLAIN", "535").doesNotContain("wrong-password")
                .doesNotContain(Base64.getEncoder().encodeToString("\0vigil\0wrong-password".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aCrashAfterTheServerAcceptedResendsTheSameMessageIdOnRestart() throws Exception {
        outbox.enqueue(TestNotifications.created("f-1"), config, clock);
        try (Dispatcher d = new Dispatcher(outbox, config, Dispatcher.newHttpClient(Duration.ofSeconds(5)), true,
                (javax.net.ssl.SSLSocketFactory) javax.net.ssl.SSLSocketFactory.getDefault(), new Random(1), e -> {
                    throw new IllegalStateException("crash");
                })) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> d.runOnce(clock)).hasMessage("crash");
        }
        connection.close();
        connection = database.open();
        outbox = new Outbox(connection);
        // The crashed process's claim on the row holds until its lease ends; then the restarted one resends.
        assertThat(run().attempted()).isZero();
        clock.advance(DeliveryPolicy.DEFAULT.claimLease());
        assertThat(run().delivered()).isEqualTo(1);
        // SMTP cannot de-duplicate: at-least-once, with one Message-ID for mail systems that do.
        assertThat(smtp.messages()).hasSize(2);
        assertThat(smtp.messages()).extracting(m -> m.data().lines().filter(l -> l.startsWith("Message-ID:"))
                .findFirst().orElseThrow()).containsOnly(smtp.messages().getFirst().data().lines()
                .filter(l -> l.startsWith("Message-ID:")).findFirst().orElseThrow());
    }

    @Test
    void starttlsIsRequiredWhenConfiguredAndNeverSilentlySkipped() throws Exception {
        RoutingConfig tls = Configs.load(dir, """
                destinations:
                  mail: {type: email, host: 127.0.0.1, port: %d, tls: starttls, username: vigil,
                         password: "${env:P}", from: v@example.com, to: [a@example.com]}
                routes:
                  - {name: all, to: [mail]}
                """.formatted(smtp.port()), Map.of("P", "pw!"));
        outbox.enqueue(TestNotifications.created("f-1"), tls, clock);
        try (Dispatcher d = new Dispatcher(outbox, tls, new Random(1))) {
            assertThat(d.runOnce(clock).dead()).isEqualTo(1);
        }
        assertThat(outbox.list(1).getFirst().lastError()).contains("does not offer STARTTLS");
        assertThat(smtp.messages()).isEmpty();
    }

    @Test
    void upgradesToTlsWithStarttlsBeforeAuthenticatingAndChecksTheCertificate() throws Exception {
        TestCertificates certificates = new TestCertificates(dir);
        smtp.offerStartTls(certificates.server());
        RoutingConfig tls = Configs.load(dir, """
                destinations:
                  mail: {type: email, host: 127.0.0.1, port: %d, tls: starttls, username: vigil,
                         password: "${env:P}", from: v@example.com, to: [a@example.com]}
                routes:
                  - {name: all, to: [mail]}
                """.formatted(smtp.port()), Map.of("P", "pw!"));
        outbox.enqueue(TestNotifications.created("f-1"), tls, clock);
        try (Dispatcher d = new Dispatcher(outbox, tls, Dispatcher.newHttpClient(Duration.ofSeconds(5)), true,
                certificates.clientTrustingIt().getSocketFactory(), new Random(1), DispatchFaults.NONE)) {
            assertThat(d.runOnce(clock).delivered()).isEqualTo(1);
        }
        assertThat(smtp.messages()).singleElement().satisfies(m -> {
            assertThat(m.overTls()).isTrue();
            assertThat(m.authUser()).isEqualTo("vigil");
        });

        // A client that does not trust the server's certificate refuses to go on (and so never sends the password).
        outbox.enqueue(TestNotifications.created("f-2"), tls, clock);
        try (Dispatcher d = new Dispatcher(outbox, tls, Dispatcher.newHttpClient(Duration.ofSeconds(5)), true,
                (javax.net.ssl.SSLSocketFactory) javax.net.ssl.SSLSocketFactory.getDefault(), new Random(1),
                DispatchFaults.NONE)) {
            assertThat(d.runOnce(clock).retried()).isEqualTo(1);
        }
        assertThat(smtp.messages()).hasSize(1);
        assertThat(outbox.list(10)).filteredOn(r -> r.findingId().equals("f-2")).singleElement()
                .satisfies(r -> assertThat(r.lastError()).containsIgnoringCase("certification path"));
    }
}
