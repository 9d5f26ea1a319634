package dev.vigil.report;

import java.util.List;

/** Attacker-shaped strings, as a log record can carry them in any field. */
final class Hostile {

    static final String SCRIPT = "<script>alert(1)</script>";
    static final String ATTRIBUTE_BREAKOUT = "\"><img src=x onerror=alert(1)>";
    static final String SINGLE_QUOTE_BREAKOUT = "' onmouseover='alert(1)";
    static final String JAVASCRIPT_URL = "javascript:alert(document.domain)";
    static final String BIDI = "invoice\u202Egpj.exe";
    static final String NUL = "nul\u0000byte";
    static final String ANSI = "\u001B[31mRED\u001B[0m\u001B]0;pwned\u0007\u001B[2J";
    static final String C1 = "c1\u009B31mcsi\u0085nel";
    static final String NEWLINES = "line1\r\nFAKE: no findings\n";
    static final String BACKTICK = "`${alert(1)}`";
    static final String LONE_SURROGATE = "half\uD800pair";
    static final String ZERO_WIDTH = "ad\u200Bmin\uFEFF\u2066";
    static final String ALREADY_ESCAPED = "&lt;script&gt;";
    static final String CLOSE_TAGS = "</pre></details></article><style>*{display:none}</style><!--";

    static final List<String> ALL = List.of(SCRIPT, ATTRIBUTE_BREAKOUT, SINGLE_QUOTE_BREAKOUT, JAVASCRIPT_URL, BIDI,
            NUL, ANSI, C1, NEWLINES, BACKTICK, LONE_SURROGATE, ZERO_WIDTH, ALREADY_ESCAPED, CLOSE_TAGS);

    /** Every payload in one string. */
    static final String EVERYTHING = String.join(" | ", ALL);

    private Hostile() {
    }
}
