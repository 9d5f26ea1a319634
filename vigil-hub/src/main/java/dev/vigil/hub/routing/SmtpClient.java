package dev.vigil.hub.routing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * A small SMTP client (RFC 5321) that sends one message per connection: EHLO, STARTTLS when configured (with the
 * server's certificate checked against its host name), AUTH PLAIN or LOGIN when a user is configured, MAIL FROM,
 * RCPT TO, DATA with dot-stuffing, QUIT. Every read and connect has the timeout.
 *
 * <p>Replies 4xx are temporary (retry later), 5xx permanent; a connection failure or timeout is temporary.
 */
final class SmtpClient {

    enum Tls { NONE, STARTTLS }

    record Account(String user, Secret password) {
    }

    private static final int MAX_REPLY_LINE = 4096;
    private static final int MAX_REPLY_LINES = 100;

    private final String host;
    private final int port;
    private final Tls tls;
    private final Account account;
    private final Duration timeout;
    private final SSLSocketFactory tlsFactory;

    SmtpClient(String host, int port, Tls tls, Account account, Duration timeout, SSLSocketFactory tlsFactory) {
        this.host = host;
        this.port = port;
        this.tls = tls;
        this.account = account;
        this.timeout = timeout;
        this.tlsFactory = tlsFactory;
    }

    /** Builds the message once the server's extensions are known, and sends it. */
    interface MessageSource {
        MailMessage build(boolean server8BitMime);
    }

    void send(String from, List<String> to, MessageSource source) throws DeliveryException {
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(host, port), millis);
            plain.setSoTimeout(millis);
            Session s = new Session(plain);
            s.expect("greeting", 220);
            List<String> extensions = s.ehlo();
            if (tls == Tls.STARTTLS) {
                if (!has(extensions, "STARTTLS")) {
                    throw DeliveryException.permanent("SMTP server " + host + ":" + port
                            + " does not offer STARTTLS, which the configuration requires");
                }
                s.command("STARTTLS", "STARTTLS", 220);
                SSLSocket secure = (SSLSocket) tlsFactory.createSocket(plain, host, port, true);
                SSLParameters params = secure.getSSLParameters();
                params.setEndpointIdentificationAlgorithm("HTTPS");
                secure.setSSLParameters(params);
                secure.setSoTimeout(millis);
                secure.startHandshake();
                s = new Session(secure);
                extensions = s.ehlo();
            }
            if (account != null) {
                s.authenticate(extensions, account);
            }
            MailMessage message = source.build(has(extensions, "8BITMIME"));
            s.command("MAIL FROM", "MAIL FROM:<" + from + ">" + (message.needs8BitMime() ? " BODY=8BITMIME" : ""), 250);
            for (String rcpt : to) {
                s.command("RCPT TO", "RCPT TO:<" + rcpt + ">", 250, 251);
            }
            s.command("DATA", "DATA", 354);
            s.writeData(message.text());
            s.expect("end of data", 250);
            try {
                s.command("QUIT", "QUIT", 221);
            } catch (DeliveryException | IOException e) {
                // The message was accepted; a server that drops the line at QUIT changes nothing.
            }
        } catch (IOException e) {
            throw DeliveryException.retry("SMTP " + host + ":" + port + ": " + e, e);
        }
    }

    private static boolean has(List<String> extensions, String keyword) {
        return extensions.stream().anyMatch(e -> e.toUpperCase(Locale.ROOT).split(" ")[0].equals(keyword));
    }

    /** One conversation over one socket (a new one after STARTTLS, since the old stream must not be reused). */
    private final class Session {
        private final InputStream in;
        private final OutputStream out;

        Session(Socket socket) throws IOException {
            this.in = new BufferedInputStream(socket.getInputStream());
            this.out = socket.getOutputStream();
        }

        List<String> ehlo() throws IOException, DeliveryException {
            List<String> lines = command("EHLO", "EHLO vigil.localdomain", 250);
            return lines.subList(1, lines.size());
        }

        void authenticate(List<String> extensions, Account account) throws IOException, DeliveryException {
            String mechanisms = extensions.stream()
                    .filter(e -> e.toUpperCase(Locale.ROOT).startsWith("AUTH"))
                    .findFirst().orElse("").toUpperCase(Locale.ROOT);
            Base64.Encoder b64 = Base64.getEncoder();
            if (List.of(mechanisms.split("[ =]")).contains("PLAIN")) {
                String token = "\0" + account.user() + "\0" + account.password().value();
                // The credentials must not appear in an error message, so the command text names only the verb.
                command("AUTH PLAIN", "AUTH PLAIN " + b64.encodeToString(token.getBytes(StandardCharsets.UTF_8)), 235);
            } else if (List.of(mechanisms.split("[ =]")).contains("LOGIN")) {
                command("AUTH LOGIN", "AUTH LOGIN", 334);
                command("AUTH LOGIN user", b64.encodeToString(account.user().getBytes(StandardCharsets.UTF_8)), 334);
                command("AUTH LOGIN password",
                        b64.encodeToString(account.password().value().getBytes(StandardCharsets.UTF_8)), 235);
            } else {
                throw DeliveryException.permanent("SMTP server " + host + ":" + port
                        + " offers neither AUTH PLAIN nor AUTH LOGIN (it offers '" + TicketText.oneLine(mechanisms, 100)
                        + "'); remove the user from the configuration or use another server");
            }
        }

        List<String> command(String what, String line, int... accepted) throws IOException, DeliveryException {
            out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            return expect(what, accepted);
        }

        void writeData(String message) throws IOException {
            ByteArrayOutputStream data = new ByteArrayOutputStream(message.length() + 64);
            for (String line : message.split("\r\n", -1)) {
                if (line.startsWith(".")) {
                    data.write('.');
                }
                data.writeBytes(line.getBytes(StandardCharsets.UTF_8));
                data.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            // The message ends with CRLF, so the split's last element is empty and the loop wrote one CRLF too
            // many: drop it, so the terminator follows the last line's own CRLF.
            byte[] bytes = data.toByteArray();
            out.write(bytes, 0, bytes.length - 2);
            out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        /** Reads one (possibly multi-line) reply; its lines without the code. */
        List<String> expect(String what, int... accepted) throws IOException, DeliveryException {
            List<String> lines = new ArrayList<>();
            int code;
            while (true) {
                String line = readLine();
                if (line.length() < 3 || !line.substring(0, 3).chars().allMatch(Character::isDigit)) {
                    throw DeliveryException.retry("SMTP " + host + ":" + port + " answered " + what
                            + " with a malformed reply: " + TicketText.oneLine(line, 100));
                }
                code = Integer.parseInt(line.substring(0, 3));
                lines.add(line.length() > 4 ? line.substring(4) : "");
                if (line.length() == 3 || line.charAt(3) != '-') {
                    break;
                }
                if (lines.size() > MAX_REPLY_LINES) {
                    throw DeliveryException.retry("SMTP " + host + ":" + port + ": reply to " + what + " too long");
                }
            }
            for (int ok : accepted) {
                if (code == ok) {
                    return lines;
                }
            }
            String detail = "SMTP " + host + ":" + port + " refused " + what + ": " + code + " "
                    + TicketText.oneLine(String.join(" ", lines), 200);
            if (code >= 500) {
                throw DeliveryException.permanent(detail);
            }
            throw DeliveryException.retry(detail);
        }

        private String readLine() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream(128);
            int b;
            while ((b = in.read()) != -1) {
                if (b == '\n') {
                    byte[] bytes = line.toByteArray();
                    int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                    return new String(bytes, 0, len, StandardCharsets.UTF_8);
                }
                if (line.size() >= MAX_REPLY_LINE) {
                    throw new IOException("reply line longer than " + MAX_REPLY_LINE + " bytes");
                }
                line.write(b);
            }
            throw new IOException("the server closed the connection");
        }
    }
}
