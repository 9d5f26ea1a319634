package dev.vigil.formats.json;

import java.nio.charset.StandardCharsets;

/** Decodes the body of a JSON string (the bytes between its quotes) to Java text, escapes included. */
public final class JsonStrings {

    private JsonStrings() {
    }

    /**
     * Decodes {@code b[from, to)}, the bytes between a string's quotes, already checked by {@link JsonRecordScanner}.
     * Invalid UTF-8 becomes U+FFFD; {@code \\u} escapes that form lone surrogates are kept as they are, as Jackson does.
     */
    public static String decode(byte[] b, int from, int to) {
        int i = from;
        boolean ascii = true;
        for (; i < to; i++) {
            byte c = b[i];
            if (c == '\\') {
                break;
            }
            if (c < 0) {
                ascii = false;
            }
        }
        if (i == to) {
            return new String(b, from, to - from, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        }
        StringBuilder sb = new StringBuilder(to - from);
        int run = from;
        for (i = from; i < to; i++) {
            if (b[i] != '\\') {
                continue;
            }
            sb.append(new String(b, run, i - run, StandardCharsets.UTF_8));
            char e = (char) b[++i];
            switch (e) {
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    sb.append((char) Integer.parseInt(new String(b, i + 1, 4, StandardCharsets.US_ASCII), 16));
                    i += 4;
                }
                default -> sb.append(e); // '"', '\\', '/'
            }
            run = i + 1;
        }
        sb.append(new String(b, run, to - run, StandardCharsets.UTF_8));
        return sb.toString();
    }
}
