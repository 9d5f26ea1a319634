package dev.vigil.formats.flowlog;

import dev.vigil.model.AddressScreen;
import dev.vigil.model.FlowRecord;
import dev.vigil.model.FlowRecord.Action;
import dev.vigil.model.FlowRecord.LogStatus;

import java.nio.charset.StandardCharsets;

import static dev.vigil.model.FlowRecord.ABSENT;

/**
 * Parses one flow-log line (bytes, no line break) into a {@link FlowRecord} by a {@link FlowLogFormat}.
 *
 * <p>Columns are separated by runs of spaces or tabs (AWS writes one space; some of its own examples have two).
 * Numbers are read straight from the bytes; text goes through a {@link TextCache}. No regular expressions and
 * no intermediate Strings: this is the hot loop of a flow-log scan. Not thread-safe: one parser per reading
 * thread or file.
 */
final class FlowLineParser {

    private FlowLogFormat format;
    private FlowField[] fields;
    private String[] names;
    private final FlowRecordBuilder builder = new FlowRecordBuilder();
    private final TextCache cache = new TextCache();
    /**
     * Addresses, apart from the ids: they take more values (a fleet's own addresses and the few thousand hosts it
     * talks to), and a one-off address should not push an account id out.
     */
    private final AddressCache addresses = new AddressCache(ADDRESS_SLOTS, ADDRESS_MAX_LENGTH);

    FlowLineParser(FlowLogFormat format) {
        use(format);
    }

    // One parser per reading thread, reused file after file: its id cache stays warm (the same accounts and
    // interfaces appear in file after file) and a scan of many small files does not allocate a cache per file.
    /**
     * Address cache: 8,192 slots (4,096 sets of two) of up to 48 bytes (IPv6 text is at most 45), about 500 KiB per
     * reading thread. On the flow benchmark's 1 M records (2,300 repeated addresses, one in ten flows to a one-off
     * address) 4,096 slots direct-mapped read 377,000 addresses anew, 4,096 in sets of two 234,000 and this 146,000
     * (92,000 of them one-off addresses, read once whatever the size).
     */
    private static final int ADDRESS_SLOTS = 1 << 13;
    private static final int ADDRESS_MAX_LENGTH = 48;

    private static final ThreadLocal<FlowLineParser> READER =
            ThreadLocal.withInitial(() -> new FlowLineParser(FlowLogFormat.V2_DEFAULT));
    private static final ThreadLocal<FlowLineParser> SNIFFER =
            ThreadLocal.withInitial(() -> new FlowLineParser(FlowLogFormat.V2_DEFAULT));

    /** This thread's parser for reading files, set to {@code format}. Valid until the thread's next file. */
    static FlowLineParser forReading(FlowLogFormat format) {
        return forReading(format, null);
    }

    /** As {@link #forReading(FlowLogFormat)}, running {@code screen} (null: none) on srcaddr and dstaddr. */
    static FlowLineParser forReading(FlowLogFormat format, AddressScreen screen) {
        FlowLineParser p = READER.get();
        p.use(format);
        p.screen(screen);
        return p;
    }

    /**
     * The screen to run on each distinct srcaddr and dstaddr (null: none); its answers travel with the records
     * ({@link FlowRecord#screenedOut}). A new screen empties the address cache.
     */
    void screen(AddressScreen screen) {
        addresses.screen(screen);
        builder.screen(screen);
    }

    /** This thread's parser for sniffing (kept apart from the reading one, which may be mid-file). */
    static FlowLineParser forSniffing(FlowLogFormat format) {
        FlowLineParser p = SNIFFER.get();
        p.use(format);
        return p;
    }

    void use(FlowLogFormat f) {
        if (f == format) {
            return;
        }
        this.format = f;
        this.fields = new FlowField[f.size()];
        this.names = f.fieldNames().toArray(String[]::new);
        for (int i = 0; i < fields.length; i++) {
            fields[i] = f.field(i);
        }
    }

    FlowLogFormat format() {
        return format;
    }

    /**
     * Parses {@code b[start, end)}.
     *
     * @throws MalformedRecord with reason {@code field-count}, {@code bad-number}, {@code unknown-action},
     *                         {@code unknown-log-status} or {@code control-character}
     */
    FlowRecord parse(byte[] b, int start, int end, String origin) throws MalformedRecord {
        return parse(b, start, end, origin, -1);
    }

    /** As {@link #parse(byte[], int, int, String)}, read at {@code originPrefix + originNumber}. */
    FlowRecord parse(byte[] b, int start, int end, String originPrefix, long originNumber) throws MalformedRecord {
        FlowRecordBuilder r = builder;
        r.reset();
        int n = fields.length;
        int p = start;
        for (int col = 0; col < n; col++) {
            while (p < end && (b[p] == ' ' || b[p] == '\t')) {
                p++;
            }
            if (p >= end) {
                throw fieldCount(b, start, end);
            }
            int s = p;
            while (p < end) {
                byte c = b[p];
                if (c <= ' ' || c == 0x7f) {
                    if (c == ' ' || c == '\t') {
                        break;
                    }
                    if (c >= 0) {
                        throw new MalformedRecord("control-character", "the line holds a control character (byte 0x"
                                + Integer.toHexString(c) + " at column " + (p - start + 1) + ")");
                    }
                }
                p++;
            }
            value(r, col, b, s, p);
        }
        while (p < end && (b[p] == ' ' || b[p] == '\t')) {
            p++;
        }
        if (p < end) {
            throw fieldCount(b, start, end);
        }
        return r.build(originPrefix, originNumber);
    }

    private void value(FlowRecordBuilder r, int col, byte[] b, int s, int e) throws MalformedRecord {
        FlowField f = fields[col];
        boolean dash = e - s == 1 && b[s] == '-';
        if (f == null) {
            if (!dash) {
                r.extra(names[col], cache.get(b, s, e));
            }
            return;
        }
        switch (f.kind) {
            case INT, LONG -> r.number(f, dash ? ABSENT : digits(f, b, s, e));
            case TEXT -> {
                if (f.repeats) {
                    r.text(f, dash ? "" : cache.get(b, s, e));
                } else if (dash) {
                    r.text(f, "");
                } else if (f == FlowField.SRCADDR || f == FlowField.DSTADDR) {
                    String address = addresses.getScreened(b, s, e);
                    r.address(f, address, addresses.number(), addresses.passed());
                } else {
                    r.text(f, addresses.get(b, s, e));
                }
            }
            case ACTION -> r.action(action(b, s, e));
            case STATUS -> r.logStatus(status(b, s, e));
        }
    }

    /** A non-negative decimal of at most 18 digits, so it cannot overflow a long. */
    private static long digits(FlowField f, byte[] b, int s, int e) throws MalformedRecord {
        if (e - s > 18) {
            throw notANumber(f, b, s, e);
        }
        long v = 0;
        for (int i = s; i < e; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                throw notANumber(f, b, s, e);
            }
            v = v * 10 + d;
        }
        return v;
    }

    /** Reads a number column written as text (Parquet files that store numbers as strings). */
    static long digits(FlowField f, String s) throws MalformedRecord {
        if (s == null || s.equals("-")) {
            return ABSENT;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return digits(f, b, 0, b.length);
    }

    private static MalformedRecord notANumber(FlowField f, byte[] b, int s, int e) {
        return new MalformedRecord("bad-number", f.fieldName + " is '" + Printable.clip(b, s, e)
                + "', not a whole number or -");
    }

    private static Action action(byte[] b, int s, int e) throws MalformedRecord {
        int len = e - s;
        if (len == 6 && b[s] == 'A' && b[s + 1] == 'C' && b[s + 2] == 'C' && b[s + 3] == 'E' && b[s + 4] == 'P'
                && b[s + 5] == 'T') {
            return Action.ACCEPT;
        }
        if (len == 6 && b[s] == 'R' && b[s + 1] == 'E' && b[s + 2] == 'J' && b[s + 3] == 'E' && b[s + 4] == 'C'
                && b[s + 5] == 'T') {
            return Action.REJECT;
        }
        return FlowRecordBuilder.action(new String(b, s, len, StandardCharsets.UTF_8));
    }

    private static LogStatus status(byte[] b, int s, int e) throws MalformedRecord {
        if (e - s == 2 && b[s] == 'O' && b[s + 1] == 'K') {
            return LogStatus.OK;
        }
        return FlowRecordBuilder.logStatus(new String(b, s, e - s, StandardCharsets.UTF_8));
    }

    private MalformedRecord fieldCount(byte[] b, int start, int end) {
        int count = 0;
        int p = start;
        while (p < end) {
            while (p < end && (b[p] == ' ' || b[p] == '\t')) {
                p++;
            }
            if (p < end) {
                count++;
            }
            while (p < end && b[p] != ' ' && b[p] != '\t') {
                p++;
            }
        }
        return new MalformedRecord("field-count", "the line has " + count + " fields, the layout '"
                + format.describe() + "' has " + fields.length);
    }
}
