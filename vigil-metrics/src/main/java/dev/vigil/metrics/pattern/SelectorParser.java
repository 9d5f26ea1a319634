package dev.vigil.metrics.pattern;

import java.util.ArrayList;
import java.util.List;

/** Parses {@code $.a.b[0].c}: keys are letters, digits, {@code _} and {@code -}; indexes are zero-based. */
final class SelectorParser {

    private static final int MAX_INDEX_DIGITS = 9;

    private SelectorParser() {
    }

    static Selector parse(Cursor c) {
        int start = c.pos;
        c.pos++; // '$'
        List<Selector.Step> steps = new ArrayList<>();
        if (c.peek() != '.') {
            throw c.error("a selector starts with '$.' followed by a field name, e.g. $.eventName");
        }
        while (c.peek() == '.' || c.peek() == '[') {
            if (c.peek() == '.') {
                c.pos++;
                String name = name(c);
                if (name.isEmpty()) {
                    throw c.error("expected a field name after '.' but found " + c.found()
                            + "; names are letters, digits, '_' and '-'");
                }
                steps.add(new Selector.Key(name));
            } else {
                steps.add(index(c));
            }
        }
        return new Selector(c.text.substring(start, c.pos), steps);
    }

    private static Selector.Index index(Cursor c) {
        int open = c.pos;
        c.pos++;
        if (c.peek() == '*') {
            throw c.error("CloudWatch selectors take an array index such as [0]; the wildcard [*] is not supported");
        }
        int start = c.pos;
        while (!c.atEnd() && c.peek() >= '0' && c.peek() <= '9') {
            c.pos++;
        }
        if (c.pos == start || c.peek() != ']') {
            throw c.error(open, "expected an array index such as [0]");
        }
        if (c.pos - start > MAX_INDEX_DIGITS) {
            throw c.error(start, "the array index is too large");
        }
        int i = Integer.parseInt(c.text, start, c.pos, 10);
        c.pos++;
        return new Selector.Index(i);
    }

    static String name(Cursor c) {
        int start = c.pos;
        while (!c.atEnd() && isNameChar(c.peek())) {
            c.pos++;
        }
        return c.text.substring(start, c.pos);
    }

    static boolean isNameChar(char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_'
                || ch == '-';
    }
}
