package dev.vigil.metrics.pattern;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a message into the fields a space-delimited pattern sees: runs of spaces separate fields; text between
 * {@code "} and {@code "} or between {@code [} and {@code ]} is one field, without the quotes or brackets. An
 * unclosed quote or bracket runs to the end of the message.
 */
final class DelimitedFields {

    private DelimitedFields() {
    }

    static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (true) {
            while (i < n && text.charAt(i) == ' ') {
                i++;
            }
            if (i >= n) {
                return out;
            }
            char open = text.charAt(i);
            char close = open == '"' ? '"' : open == '[' ? ']' : 0;
            if (close != 0) {
                int end = text.indexOf(close, i + 1);
                if (end < 0) {
                    out.add(text.substring(i + 1));
                    return out;
                }
                out.add(text.substring(i + 1, end));
                i = end + 1;
            } else {
                int end = text.indexOf(' ', i);
                if (end < 0) {
                    end = n;
                }
                out.add(text.substring(i, end));
                i = end;
            }
        }
    }
}
