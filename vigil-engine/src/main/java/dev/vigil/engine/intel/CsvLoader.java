package dev.vigil.engine.intel;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * CSV with a header row. The indicator column is the first header among {@link #INDICATOR_COLUMNS} (in that order of
 * preference); optional columns give a confidence (0–100, or a fraction 0–1), an expiry, a start of validity and a
 * type ({@code domain}/{@code hostname} makes the value a domain). Description columns are allowed and ignored.
 * Values that are not addresses but domain names become domain indicators. Quoted fields follow RFC 4180 within one
 * line (a field spanning lines is an error for that line).
 */
final class CsvLoader {

    static final List<String> INDICATOR_COLUMNS = List.of("indicator", "ip", "ip_address", "ipaddress", "ip-address",
            "ip_addr", "ipv4", "ipv6", "address", "addr", "cidr", "network", "ioc", "value", "domain", "hostname");
    private static final List<String> CONFIDENCE_COLUMNS = List.of("confidence", "score");
    private static final List<String> EXPIRY_COLUMNS = List.of("expires", "expiry", "expiration", "valid_until",
            "expires_at");
    private static final List<String> FROM_COLUMNS = List.of("valid_from", "valid_after");
    private static final List<String> TYPE_COLUMNS = List.of("type", "indicator_type", "kind");

    private CsvLoader() {
    }

    static void load(InputStream in, SetLoad load) throws IOException {
        Header[] header = new Header[1];
        IndicatorLines.read(in, load, (line, at) -> {
            if (line.isBlank() || line.startsWith("#")) {
                return true;
            }
            List<String> fields = split(line);
            if (fields == null) {
                load.problem(at, "invalid-csv", "unterminated quoted field; quote a value with \"…\" on one line");
            } else if (header[0] != null) {
                row(fields, header[0], load, at);
            } else {
                int indicator = indicatorColumn(fields);
                if (indicator < 0) {
                    load.problem(at, "missing-indicator-column", "the header names no indicator column; name one of "
                            + INDICATOR_COLUMNS);
                    return false;
                }
                header[0] = new Header(indicator, find(fields, CONFIDENCE_COLUMNS), find(fields, EXPIRY_COLUMNS),
                        find(fields, FROM_COLUMNS), find(fields, TYPE_COLUMNS));
            }
            return true;
        });
    }

    private record Header(int indicator, int confidence, int expires, int from, int type) {
    }

    private static void row(List<String> fields, Header h, SetLoad load, String at) {
        String value = cell(fields, h.indicator);
        if (value.isEmpty()) {
            load.problem(at, "missing-indicator", "no value in the indicator column");
            return;
        }
        int confidence = -1;
        String c = cell(fields, h.confidence);
        if (!c.isEmpty()) {
            confidence = confidence(c);
            if (confidence < 0) {
                load.problem(at, "invalid-confidence", "confidence '" + SetLoad.clean(c)
                        + "' is not a whole number 0-100 or a fraction 0-1");
                return;
            }
        }
        long until = Long.MAX_VALUE;
        String e = cell(fields, h.expires);
        if (!e.isEmpty()) {
            Long t = IntelTimes.parse(e);
            if (t == null) {
                load.problem(at, "invalid-time", "expiry '" + SetLoad.clean(e) + "' is not an ISO-8601 time or date");
                return;
            }
            until = t;
        }
        long from = Long.MIN_VALUE;
        String f = cell(fields, h.from);
        if (!f.isEmpty()) {
            Long t = IntelTimes.parse(f);
            if (t == null) {
                load.problem(at, "invalid-time", "valid-from '" + SetLoad.clean(f) + "' is not an ISO-8601 time");
                return;
            }
            from = t;
        }
        String type = cell(fields, h.type).toLowerCase(Locale.ROOT);
        boolean domain = type.contains("domain") || type.contains("hostname")
                || looksLikeName(value) && SetLoad.domainName(value) != null;
        if (domain) {
            load.domain(value, confidence, from, until, at);
        } else {
            load.address(value, confidence, from, until, at);
        }
    }

    /** A value with a letter and no ':' or '/' is meant as a name, not as a (broken) address. */
    private static boolean looksLikeName(String v) {
        return v.chars().anyMatch(Character::isLetter) && v.indexOf(':') < 0 && v.indexOf('/') < 0;
    }

    static int confidence(String text) {
        String t = text.strip();
        try {
            if (t.indexOf('.') >= 0) {
                double d = Double.parseDouble(t);
                return d >= 0 && d <= 1 ? (int) Math.round(d * 100) : -1;
            }
            int v = Integer.parseInt(t);
            return v >= 0 && v <= 100 ? v : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String cell(List<String> fields, int column) {
        return column >= 0 && column < fields.size() ? fields.get(column).strip() : "";
    }

    static int indicatorColumn(List<String> header) {
        return header == null ? -1 : find(header, INDICATOR_COLUMNS);
    }

    private static int find(List<String> header, List<String> names) {
        for (String name : names) {
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).strip().toLowerCase(Locale.ROOT).equals(name)) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** RFC 4180 fields of one line, or null when a quote is not closed. */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(c);
                }
            } else if (c == '"' && cur.toString().isBlank()) {
                cur.setLength(0);
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        out.add(cur.toString());
        return out;
    }
}
