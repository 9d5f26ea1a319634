package dev.vigil.formats.flowlog;

import dev.vigil.model.FlowRecord;
import dev.vigil.model.Problem;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;

import static dev.vigil.model.FlowRecord.ABSENT;

/**
 * Reads flow logs delivered as Parquet with DuckDB: rows are streamed through a JDBC result set, never loaded
 * whole. Column names use underscores ({@code account_id}); Hive-style directories in the path
 * ({@code aws-account-id=…/aws-region=…/year=…}) become columns too, and fill account and region for records
 * whose own columns lack them.
 */
final class ParquetFlowReader {

    /** Directory keys of AWS's Hive-compatible S3 prefixes: partition columns, not flow-log fields. */
    static final Set<String> PARTITION_COLUMNS =
            Set.of("aws-account-id", "aws-service", "aws-region", "year", "month", "day", "hour");

    /** DuckDB settings: one thread (the scan already runs a file per core), bounded memory, no downloads. */
    private static final List<String> SETTINGS = List.of("SET threads = 1", "SET memory_limit = '256MB'",
            "SET autoinstall_known_extensions = false", "SET autoload_known_extensions = false");

    private ParquetFlowReader() {
    }

    /** Whether the file starts with the Parquet magic {@code PAR1}. */
    static boolean isParquet(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(4), new byte[]{'P', 'A', 'R', '1'});
        } catch (IOException e) {
            return false;
        }
    }

    /** DuckDB reads a path as a glob pattern; such names cannot be given to it safely. */
    static boolean hasPatternCharacters(Path file) {
        String s = file.toAbsolutePath().toString();
        return s.contains("*") || s.contains("?") || s.contains("[") || s.contains("{");
    }

    static Connection connect() throws SQLException {
        Properties p = new Properties();
        p.setProperty("jdbc_stream_results", "true");
        Connection c = DriverManager.getConnection("jdbc:duckdb:", p);
        try (Statement s = c.createStatement()) {
            for (String setting : SETTINGS) {
                s.execute(setting);
            }
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /** The file's top-level column names as written (underscores), for sniffing. */
    static List<String> columns(Path file) throws SQLException {
        try (Connection c = connect();
             PreparedStatement ps = c.prepareStatement("SELECT name FROM parquet_schema(?)")) {
            ps.setString(1, file.toAbsolutePath().toString());
            List<String> names = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && names.size() <= FlowLogFormat.MAX_COLUMNS) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        }
    }

    /** How reading one Parquet file ended. */
    record Outcome(boolean flowLog, long records, long skipped) {
    }

    /**
     * Reads every row. Throws SQLException when DuckDB cannot open the file or fails part-way; the counts so far
     * are in {@code progress}.
     */
    static Outcome read(Path file, String display, Consumer<FlowRecord> records, Consumer<Problem> problems,
                        long[] progress) throws SQLException, MalformedRecord {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT * FROM read_parquet(?, hive_partitioning = true, hive_types_autocast = false)")) {
            ps.setString(1, file.toAbsolutePath().toString());
            try (ResultSet rs = ps.executeQuery()) {
                Columns cols = Columns.of(rs.getMetaData());
                if (!cols.hasFlowFields()) {
                    return new Outcome(false, 0, 0);
                }
                if (cols.fields().length - 1 > FlowLogFormat.MAX_COLUMNS + PARTITION_COLUMNS.size()) {
                    throw new MalformedRecord("too-many-columns", "the Parquet file has "
                            + (cols.fields().length - 1) + " columns; flow logs have fewer than "
                            + FlowLogFormat.MAX_COLUMNS);
                }
                FlowRecordBuilder b = new FlowRecordBuilder();
                String prefix = display + "#row "; // a record keeps it and its row number, as text lines do
                long row = 0;
                while (rs.next()) {
                    row++;
                    try {
                        FlowRecord r = cols.record(rs, b, prefix, row);
                        progress[0]++;
                        records.accept(r);
                    } catch (MalformedRecord m) {
                        progress[1]++;
                        problems.accept(new Problem(prefix + row, m.reason(),
                                m.getMessage() + "; skipped the row"));
                    }
                }
            }
        }
        return new Outcome(true, progress[0], progress[1]);
    }

    /** What each result column holds. */
    private record Columns(FlowField[] fields, String[] names, boolean[] integer, int accountColumn,
                           int regionColumn) {

        static Columns of(ResultSetMetaData md) throws SQLException {
            int n = md.getColumnCount();
            FlowField[] fields = new FlowField[n + 1];
            String[] names = new String[n + 1];
            boolean[] integer = new boolean[n + 1];
            int account = -1;
            int region = -1;
            for (int i = 1; i <= n; i++) {
                names[i] = FlowLogFormat.hyphenated(md.getColumnName(i));
                fields[i] = FlowField.named(names[i]);
                int t = md.getColumnType(i);
                integer[i] = t == Types.INTEGER || t == Types.BIGINT || t == Types.SMALLINT || t == Types.TINYINT;
                if (names[i].equals("aws-account-id")) {
                    account = i;
                } else if (names[i].equals("aws-region")) {
                    region = i;
                }
            }
            return new Columns(fields, names, integer, account, region);
        }

        boolean hasFlowFields() {
            return Arrays.stream(fields).anyMatch(f -> f != null);
        }

        FlowRecord record(ResultSet rs, FlowRecordBuilder b, String originPrefix, long row)
                throws SQLException, MalformedRecord {
            b.reset();
            for (int i = 1; i < fields.length; i++) {
                FlowField f = fields[i];
                if (f == null) {
                    if (!PARTITION_COLUMNS.contains(names[i])) {
                        String v = text(rs, i);
                        if (v != null && !v.equals("-")) {
                            b.extra(names[i], v);
                        }
                    }
                    continue;
                }
                switch (f.kind) {
                    case INT, LONG -> b.number(f, number(rs, i, f));
                    case TEXT -> {
                        String v = text(rs, i);
                        b.text(f, v == null || v.equals("-") ? "" : v);
                    }
                    case ACTION -> b.action(FlowRecordBuilder.action(text(rs, i)));
                    case STATUS -> b.logStatus(FlowRecordBuilder.logStatus(text(rs, i)));
                }
            }
            b.fillFromPartition(accountColumn > 0 ? rs.getString(accountColumn) : null,
                    regionColumn > 0 ? rs.getString(regionColumn) : null);
            return b.build(originPrefix, row);
        }

        private long number(ResultSet rs, int i, FlowField f) throws SQLException, MalformedRecord {
            if (integer[i]) {
                long v = rs.getLong(i);
                return rs.wasNull() ? ABSENT : v;
            }
            return FlowLineParser.digits(f, text(rs, i));
        }

        /** A cell as text, refused when longer than any flow-log line could be. */
        private String text(ResultSet rs, int i) throws SQLException, MalformedRecord {
            String v = rs.getString(i);
            if (v != null && v.length() > FlowLogFileReader.MAX_LINE_BYTES) {
                throw new MalformedRecord("value-too-long", names[i] + " holds " + v.length()
                        + " characters, more than a whole flow-log line may have");
            }
            return v;
        }
    }
}
