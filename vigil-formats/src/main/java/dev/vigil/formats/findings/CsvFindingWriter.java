package dev.vigil.formats.findings;

import dev.vigil.model.Finding;
import dev.vigil.model.FindingOrigin;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes findings as CSV (RFC 4180: comma-separated, CRLF line ends, fields with a comma, quote or line break in
 * double quotes, quotes doubled), one header row and one row per finding.
 *
 * <p>Finding text comes from logs an attacker can write to, and CSV is opened in spreadsheets, so every cell is
 * neutralised: control characters other than tab, CR and LF are removed (also Unicode bidirectional overrides, which
 * can make a cell read differently than it is), and a cell that then starts with {@code = + - @}, a tab or a CR (or
 * their full-width forms) gets a leading single quote so no spreadsheet evaluates it as a formula.
 */
public final class CsvFindingWriter implements FindingExportWriter {

    static final List<String> HEADER = List.of("id", "severity", "risk_score", "title", "rule_id", "types", "attack",
            "product", "product_finding_id", "format", "account", "region", "principal", "resource", "workflow",
            "record_state", "first_seen", "last_seen", "created_at", "updated_at", "count", "confidence", "location");

    private final Writer out;
    private final StringBuilder row = new StringBuilder(512);
    private long written;

    public CsvFindingWriter(Writer out) throws IOException {
        this.out = out;
        writeRow(HEADER);
    }

    @Override
    public boolean write(ExportableFinding e) throws IOException {
        Finding f = e.finding();
        FindingOrigin o = e.origin();
        writeRow(List.of(f.id(), f.severity().name(), Integer.toString(e.riskScore()), f.rule().title(),
                f.rule().id(), String.join("; ", f.rule().types()), String.join("; ", f.rule().attack()),
                o.product(), o.productFindingId(), o.format(), f.account(), f.region(), f.principal(), f.resource(),
                e.workflow().name(), e.recordState().name(), f.firstSeen().toString(), f.lastSeen().toString(),
                e.createdAt().toString(), e.updatedAt().toString(), Long.toString(f.count()),
                o.confidence() == FindingOrigin.UNKNOWN_CONFIDENCE ? "" : Integer.toString(o.confidence()),
                o.location()));
        written++;
        return true;
    }

    private void writeRow(List<String> cells) throws IOException {
        row.setLength(0);
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                row.append(',');
            }
            appendCell(row, cells.get(i));
        }
        row.append("\r\n");
        out.write(row.toString());
    }

    /** One cell, neutralised and quoted as needed. */
    static void appendCell(StringBuilder b, String raw) {
        String s = neutralise(raw);
        boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0;
        if (!quote) {
            b.append(s);
            return;
        }
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                b.append('"');
            }
            b.append(c);
        }
        b.append('"');
    }

    /** Removes control characters (keeping tab, CR, LF) and prefixes a formula trigger with a single quote. */
    static String neutralise(String raw) {
        StringBuilder s = new StringBuilder(raw.length() + 1);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean keep = c == '\t' || c == '\r' || c == '\n'
                    || !(c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= '\u202a' && c <= '\u202e')
                    || (c >= '\u2066' && c <= '\u2069') || c == '\u200e' || c == '\u200f');
            if (keep) {
                s.append(c);
            }
        }
        if (!s.isEmpty() && isFormulaTrigger(s.charAt(0))) {
            s.insert(0, '\'');
        }
        return s.toString();
    }

    private static boolean isFormulaTrigger(char c) {
        return switch (c) {
            case '=', '+', '-', '@', '\t', '\r', '\uff1d', '\uff0b', '\uff0d', '\uff20' -> true;
            default -> false;
        };
    }

    @Override
    public long written() {
        return written;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
