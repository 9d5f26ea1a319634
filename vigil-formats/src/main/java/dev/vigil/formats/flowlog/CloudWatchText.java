package dev.vigil.formats.flowlog;

/**
 * The text a CloudWatch Logs export task writes to S3: each line is the event's ISO-8601 timestamp, a space, and
 * the message (here: one flow-log record).
 */
final class CloudWatchText {

    private CloudWatchText() {
    }

    /**
     * Where the message starts when {@code b[s, e)} begins with an ISO-8601 timestamp
     * ({@code 2026-10-01T00:00:05.000Z}) followed by blanks, else -1.
     */
    static int messageStart(byte[] b, int s, int e) {
        if (e - s < 12 || !digits(b, s, 4) || b[s + 4] != '-' || !digits(b, s + 5, 2) || b[s + 7] != '-'
                || !digits(b, s + 8, 2) || b[s + 10] != 'T' || !isDigit(b[s + 11])) {
            return -1;
        }
        int p = s + 11;
        while (p < e && b[p] != ' ' && b[p] != '\t') {
            byte c = b[p];
            if (!(isDigit(c) || c == ':' || c == '.' || c == 'Z' || c == '+' || c == '-')) {
                return -1;
            }
            p++;
        }
        if (p == e) {
            return -1;
        }
        while (p < e && (b[p] == ' ' || b[p] == '\t')) {
            p++;
        }
        return p;
    }

    private static boolean digits(byte[] b, int from, int count) {
        for (int i = from; i < from + count; i++) {
            if (!isDigit(b[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }
}
