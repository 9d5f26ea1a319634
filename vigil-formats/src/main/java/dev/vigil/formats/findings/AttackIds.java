package dev.vigil.formats.findings;

import java.util.Set;

/** Finds MITRE ATT&CK technique ids ({@code T1234} or {@code T1234.567}) in free text, without a regex. */
final class AttackIds {

    private AttackIds() {
    }

    static void collect(String text, Set<String> out) {
        int n = text.length();
        for (int i = 0; i + 5 <= n; i++) {
            if (text.charAt(i) != 'T' || (i > 0 && Character.isLetterOrDigit(text.charAt(i - 1)))) {
                continue;
            }
            int d = digits(text, i + 1);
            if (d != 4) {
                continue;
            }
            int end = i + 5;
            if (end + 4 <= n && text.charAt(end) == '.' && digits(text, end + 1) == 3) {
                end += 4;
            }
            if (end < n && Character.isLetterOrDigit(text.charAt(end))) {
                continue;
            }
            out.add(text.substring(i, end));
        }
    }

    private static int digits(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i - from;
    }
}
