package dev.vigil.formats.flowlog;

import java.nio.charset.StandardCharsets;

/** Log text quoted in a problem message: short, and without characters that could disturb a terminal. */
final class Printable {

    static final int MAX = 40;

    private Printable() {
    }

    static String clip(String s) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), MAX) + 1);
        for (int i = 0; i < s.length() && b.length() < MAX; i++) {
            char c = s.charAt(i);
            b.append(c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029' ? '?' : c);
        }
        return s.length() > MAX ? b.append('…').toString() : b.toString();
    }

    static String clip(byte[] b, int start, int end) {
        return clip(new String(b, start, Math.min(end - start, MAX * 4), StandardCharsets.UTF_8)
                + (end - start > MAX * 4 ? "…" : ""));
    }
}
