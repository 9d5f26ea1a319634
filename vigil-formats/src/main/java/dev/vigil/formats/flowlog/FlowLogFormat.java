package dev.vigil.formats.flowlog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The column layout of a flow log: which field each space-separated column (or Parquet column) holds.
 *
 * <p>Comes from the default version-2 order, a flow log's {@code LogFormat} ({@code ${version} ${srcaddr} …}, or
 * the same names without {@code ${}}), the header line AWS writes first into every S3 text file, or Parquet column
 * names ({@code account_id} is {@code account-id}). Names this model does not know are kept: their values go to
 * {@code FlowRecord.extra} under that name, so a future field never makes a file unreadable.
 */
public final class FlowLogFormat {

    /** The most columns a layout may have; AWS has fewer than 60 fields, this leaves room for future ones. */
    static final int MAX_COLUMNS = 128;

    /** The default format, which AWS uses when a flow log names none (version 2, 14 fields). */
    public static final FlowLogFormat V2_DEFAULT = parse("version account-id interface-id srcaddr dstaddr srcport "
            + "dstport protocol packets bytes start end action log-status");

    private final List<String> names;
    /** Per column: the known field, or null when the value goes to {@code extra}. */
    private final FlowField[] fields;

    private FlowLogFormat(List<String> names) {
        this.names = List.copyOf(names);
        this.fields = new FlowField[names.size()];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = FlowField.named(names.get(i));
        }
    }

    /**
     * Parses a {@code LogFormat} string as DescribeFlowLogs or AWS Config show it ({@code ${version} ${vpc-id} …})
     * or a header line ({@code version vpc-id …}).
     *
     * @throws IllegalArgumentException when the text is empty, names a field twice, has more than 128 columns or
     *                                  holds something that is not a field name; the message says which
     */
    public static FlowLogFormat parse(String logFormat) {
        String[] tokens = logFormat.strip().split("[ \\t]+");
        if (tokens.length == 0 || tokens[0].isEmpty()) {
            throw new IllegalArgumentException("the flow-log format is empty; give the field names in order, e.g. "
                    + "'${version} ${account-id} ${interface-id} …'");
        }
        List<String> names = new ArrayList<>(tokens.length);
        for (String t : tokens) {
            String name = t.startsWith("${") && t.endsWith("}") ? t.substring(2, t.length() - 1) : t;
            if (!isFieldName(name)) {
                throw new IllegalArgumentException("'" + clip(t) + "' in the flow-log format is not a field name "
                        + "(lowercase letters, digits and '-', optionally written as ${name})");
            }
            names.add(name);
        }
        return checked(names);
    }

    /**
     * The layout of Parquet column names ({@code account_id} → {@code account-id}); for a column list that
     * holds partition columns too, pass only the data columns.
     */
    public static FlowLogFormat ofColumns(List<String> columnNames) {
        List<String> names = new ArrayList<>(columnNames.size());
        for (String c : columnNames) {
            names.add(hyphenated(c));
        }
        return checked(names);
    }

    /**
     * The layout a header line names, or null when the line is not a header: every column must be a field name
     * and at least one a field this model knows (a record's values never are: they hold digits, addresses,
     * upper case or {@code -}).
     */
    static FlowLogFormat fromHeaderLine(byte[] b, int start, int end) {
        List<String> names = new ArrayList<>();
        boolean known = false;
        int p = start;
        while (p < end) {
            while (p < end && (b[p] == ' ' || b[p] == '\t')) {
                p++;
            }
            int s = p;
            while (p < end && b[p] != ' ' && b[p] != '\t') {
                p++;
            }
            if (s == p) {
                break;
            }
            int from = s;
            int to = p;
            if (to - from > 3 && b[from] == '$' && b[from + 1] == '{' && b[to - 1] == '}') {
                from += 2;
                to--;
            }
            String name = new String(b, from, to - from, StandardCharsets.ISO_8859_1);
            if (!isFieldName(name) || names.size() == MAX_COLUMNS) {
                return null;
            }
            known |= FlowField.named(name) != null;
            names.add(name);
        }
        if (!known || new HashSet<>(names).size() != names.size()) {
            return null;
        }
        return new FlowLogFormat(names);
    }

    private static FlowLogFormat checked(List<String> names) {
        if (names.size() > MAX_COLUMNS) {
            throw new IllegalArgumentException("the flow-log format has " + names.size() + " fields; at most "
                    + MAX_COLUMNS + " are accepted");
        }
        Set<String> seen = new HashSet<>();
        for (String n : names) {
            if (!seen.add(n)) {
                throw new IllegalArgumentException("the flow-log format names '" + clip(n) + "' twice");
            }
        }
        return new FlowLogFormat(names);
    }

    static String hyphenated(String column) {
        return column.replace('_', '-');
    }

    static boolean isFieldName(String s) {
        if (s.isEmpty() || s.length() > 64 || s.charAt(0) < 'a' || s.charAt(0) > 'z') {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** The field names in column order. */
    public List<String> fieldNames() {
        return names;
    }

    /** Number of columns. */
    public int size() {
        return names.size();
    }

    /** Whether the layout has a column of that name. */
    public boolean has(String name) {
        return names.contains(name);
    }

    /**
     * The highest flow-log version among the known fields: what AWS writes in the {@code version} column of a
     * custom format.
     */
    public int version() {
        int v = 2;
        for (FlowField f : fields) {
            if (f != null) {
                v = Math.max(v, f.version);
            }
        }
        return v;
    }

    /** The names this model does not know; their values go to {@code FlowRecord.extra}. */
    public List<String> unknownFields() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < fields.length; i++) {
            if (fields[i] == null) {
                out.add(names.get(i));
            }
        }
        return out;
    }

    FlowField field(int column) {
        return fields[column];
    }

    /** The format as a {@code LogFormat} string. */
    public String logFormat() {
        StringBuilder b = new StringBuilder();
        for (String n : names) {
            b.append(b.isEmpty() ? "" : " ").append("${").append(n).append('}');
        }
        return b.toString();
    }

    /** The names separated by spaces, as in a header line. */
    @Override
    public String toString() {
        return String.join(" ", names);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FlowLogFormat f && f.names.equals(names);
    }

    @Override
    public int hashCode() {
        return names.hashCode();
    }

    /** The names as shown in messages: the first few, then how many more. */
    String describe() {
        if (names.size() <= 6) {
            return toString();
        }
        return String.join(" ", names.subList(0, 5)) + " … (" + names.size() + " fields)";
    }

    static String clip(String s) {
        return Printable.clip(s);
    }
}
