package dev.vigil.hub.routing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;

/**
 * An RFC 5322 message for one notification, as the lines SMTP's DATA sends (before dot-stuffing).
 *
 * <p>Headers cannot be injected: the subject is one line with control characters removed (RFC 2047-encoded when
 * not ASCII), addresses were checked when the configuration was loaded, and the Message-ID is made from the
 * idempotency key (so a message sent twice after a crash is one message to mail clients that de-duplicate).
 * The body's line breaks become CRLF and control characters other than tab go; the transfer encoding is 7bit
 * for short-lined ASCII, 8bit for short-lined UTF-8 when the server offers 8BITMIME, else base64.
 */
record MailMessage(String headers, String body, boolean needs8BitMime) {

    private static final int MAX_LINE_OCTETS = 998;
    private static final DateTimeFormatter DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    static MailMessage of(String from, List<String> to, String subject, String text, String key, Instant date,
                          boolean server8BitMime) {
        String body = normaliseBody(text);
        boolean ascii = body.chars().allMatch(c -> c < 128);
        boolean shortLines = body.lines().allMatch(l -> l.getBytes(StandardCharsets.UTF_8).length <= MAX_LINE_OCTETS);
        String encoding;
        boolean eightBit = false;
        if (ascii && shortLines) {
            encoding = "7bit";
        } else if (shortLines && server8BitMime) {
            encoding = "8bit";
            eightBit = true;
        } else {
            encoding = "base64";
            body = Base64.getMimeEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8));
        }
        String headers = "From: " + from + "\r\n"
                + "To: " + String.join(", ", to) + "\r\n"
                + "Subject: " + encodeSubject(TicketText.oneLine(subject, 200)) + "\r\n"
                + "Date: " + DATE.format(date) + "\r\n"
                + "Message-ID: <" + key + "@vigil>\r\n"
                + "X-Vigil-Delivery: " + key + "\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: " + encoding + "\r\n";
        return new MailMessage(headers, body, eightBit);
    }

    /** Headers, a blank line, the body; every line ending in CRLF. */
    String text() {
        return headers + "\r\n" + (body.endsWith("\r\n") || body.isEmpty() ? body : body + "\r\n");
    }

    /** Every line break (CRLF, lone CR, lone LF) becomes CRLF; control characters other than tab are dropped. */
    static String normaliseBody(String text) {
        String crlf = text.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(crlf.length() + 64);
        for (int i = 0; i < crlf.length(); i++) {
            char c = crlf.charAt(i);
            if (c == '\n') {
                out.append("\r\n");
            } else if (c == '\t' || !Character.isISOControl(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** RFC 2047 B-encoding in words of at most 45 UTF-8 bytes, never splitting a character, folded. */
    static String encodeSubject(String subject) {
        if (subject.chars().allMatch(c -> c >= 32 && c < 127)) {
            return subject;
        }
        StringBuilder out = new StringBuilder();
        StringBuilder word = new StringBuilder();
        int wordBytes = 0;
        for (int i = 0; i < subject.length(); ) {
            int cp = subject.codePointAt(i);
            i += Character.charCount(cp);
            int bytes = Character.toString(cp).getBytes(StandardCharsets.UTF_8).length;
            if (wordBytes + bytes > 45) {
                appendWord(out, word);
                word.setLength(0);
                wordBytes = 0;
            }
            word.appendCodePoint(cp);
            wordBytes += bytes;
        }
        appendWord(out, word);
        return out.toString();
    }

    private static void appendWord(StringBuilder out, StringBuilder word) {
        if (word.isEmpty()) {
            return;
        }
        if (!out.isEmpty()) {
            out.append("\r\n ");
        }
        out.append("=?UTF-8?B?")
                .append(Base64.getEncoder().encodeToString(word.toString().getBytes(StandardCharsets.UTF_8)))
                .append("?=");
    }
}
