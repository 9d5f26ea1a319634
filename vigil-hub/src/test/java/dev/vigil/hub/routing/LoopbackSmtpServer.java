package dev.vigil.hub.routing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A minimal ESMTP server on loopback that really speaks the protocol over a socket: greeting, EHLO with
 * configurable extensions, AUTH PLAIN and LOGIN, MAIL, RCPT, DATA with dot-unstuffing, RSET, QUIT. It records
 * each accepted message, and the DATA lines exactly as they came over the wire.
 */
final class LoopbackSmtpServer implements AutoCloseable {

    record Message(String authUser, String from, List<String> recipients, String data, List<String> wireLines,
                   boolean overTls) {
    }

    private final ServerSocket server;
    private final Thread thread;
    private final List<Message> messages = new CopyOnWriteArrayList<>();
    private final String user;
    private final String password;
    private volatile List<String> extensions = List.of("8BITMIME", "AUTH PLAIN LOGIN", "SIZE 10000000");
    /** Given a recipient, the RCPT reply; "250 OK" unless a test says otherwise. */
    private volatile Function<String, String> rcptReply = r -> "250 OK";
    /** When set, STARTTLS is offered and AUTH is refused until the connection is encrypted. */
    private volatile SSLContext tls;

    LoopbackSmtpServer(String user, String password) throws IOException {
        this.user = user;
        this.password = password;
        this.server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        this.thread = new Thread(this::serve, "loopback-smtp");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    int port() {
        return server.getLocalPort();
    }

    List<Message> messages() {
        return new ArrayList<>(messages);
    }

    void extensions(List<String> ext) {
        this.extensions = List.copyOf(ext);
    }

    void offerStartTls(SSLContext context) {
        this.tls = context;
    }

    void rcptReply(Function<String, String> reply) {
        this.rcptReply = reply;
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                s.setSoTimeout(10_000);
                converse(s);
            } catch (IOException e) {
                // closed, or a client hung up: wait for the next one
            }
        }
    }

    private void converse(Socket s) throws IOException {
        CrlfReader in = new CrlfReader(s.getInputStream());
        OutputStream out = s.getOutputStream();
        boolean overTls = false;
        reply(out, "220 loopback ESMTP test");
        String authUser = null;
        String from = null;
        List<String> rcpts = new ArrayList<>();
        String line;
        while ((line = in.readLine()) != null) {
            String upper = line.toUpperCase(java.util.Locale.ROOT);
            if (upper.startsWith("EHLO ")) {
                List<String> offered = new ArrayList<>(extensions);
                if (tls != null && !overTls) {
                    offered.add("STARTTLS");
                }
                StringBuilder r = new StringBuilder("250-loopback greets " + line.substring(5));
                for (int i = 0; i < offered.size(); i++) {
                    r.append("\r\n250").append(i == offered.size() - 1 ? " " : "-").append(offered.get(i));
                }
                if (offered.isEmpty()) {
                    r.setCharAt(3, ' ');
                }
                reply(out, r.toString());
            } else if (upper.equals("STARTTLS") && tls != null && !overTls) {
                reply(out, "220 2.0.0 Ready to start TLS");
                SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(s, null, s.getPort(), false);
                secure.setUseClientMode(false);
                secure.startHandshake();
                in = new CrlfReader(secure.getInputStream());
                out = secure.getOutputStream();
                overTls = true;
                authUser = null;
            } else if (upper.startsWith("AUTH") && tls != null && !overTls) {
                reply(out, "538 5.7.11 Encryption required for requested authentication mechanism");
            } else if (upper.startsWith("AUTH PLAIN ")) {
                String[] parts = new String(Base64.getDecoder().decode(line.substring(11)), StandardCharsets.UTF_8)
                        .split("\0", -1);
                if (parts.length == 3 && parts[1].equals(user) && parts[2].equals(password)) {
                    authUser = parts[1];
                    reply(out, "235 2.7.0 Authentication successful");
                } else {
                    reply(out, "535 5.7.8 Authentication credentials invalid");
                }
            } else if (upper.equals("AUTH LOGIN")) {
                reply(out, "334 VXNlcm5hbWU6");
                String u = new String(Base64.getDecoder().decode(in.readLine()), StandardCharsets.UTF_8);
                reply(out, "334 UGFzc3dvcmQ6");
                String p = new String(Base64.getDecoder().decode(in.readLine()), StandardCharsets.UTF_8);
                if (u.equals(user) && p.equals(password)) {
                    authUser = u;
                    reply(out, "235 2.7.0 Authentication successful");
                } else {
                    reply(out, "535 5.7.8 Authentication credentials invalid");
                }
            } else if (upper.startsWith("MAIL FROM:")) {
                if (user != null && authUser == null) {
                    reply(out, "530 5.7.0 Authentication required");
                    continue;
                }
                from = line.substring(10);
                rcpts.clear();
                reply(out, "250 OK");
            } else if (upper.startsWith("RCPT TO:")) {
                String rcpt = line.substring(8);
                String r = rcptReply.apply(rcpt);
                if (r.startsWith("250")) {
                    rcpts.add(rcpt);
                }
                reply(out, r);
            } else if (upper.equals("DATA")) {
                reply(out, "354 End data with <CR><LF>.<CR><LF>");
                List<String> wire = new ArrayList<>();
                StringBuilder data = new StringBuilder();
                String d;
                while ((d = in.readLine()) != null && !d.equals(".")) {
                    wire.add(d);
                    data.append(d.startsWith(".") ? d.substring(1) : d).append("\r\n");
                }
                messages.add(new Message(authUser, from, List.copyOf(rcpts), data.toString(), wire, overTls));
                reply(out, "250 OK queued");
            } else if (upper.equals("RSET")) {
                reply(out, "250 OK");
            } else if (upper.equals("QUIT")) {
                reply(out, "221 Bye");
                return;
            } else {
                reply(out, "500 5.5.2 command not recognised");
            }
        }
    }

    /** Reads lines that must end in CRLF; a bare CR or LF anywhere is recorded as a protocol violation. */
    private final class CrlfReader {
        private final InputStream in;

        CrlfReader(InputStream in) {
            this.in = new BufferedInputStream(in);
        }

        String readLine() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1) {
                if (b == '\r') {
                    int next = in.read();
                    if (next == '\n') {
                        return line.toString(StandardCharsets.UTF_8);
                    }
                    bareLineBreaks++;
                    line.write(b);
                    if (next == -1) {
                        break;
                    }
                    line.write(next);
                } else {
                    if (b == '\n') {
                        bareLineBreaks++;
                    }
                    line.write(b);
                }
            }
            return null;
        }
    }

    /** Bare CR or LF seen in any line (RFC 5321 forbids them). */
    volatile int bareLineBreaks;

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
