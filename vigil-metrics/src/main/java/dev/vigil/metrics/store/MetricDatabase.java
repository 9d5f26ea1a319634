package dev.vigil.metrics.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.vigil.metrics.MetricKey;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The metric rollups of a workspace, in {@code WORKSPACE/metrics.duckdb} (separate from the findings database,
 * which belongs to the hub), one row per source, metric and minute: SampleCount, Sum, Minimum, Maximum, unit and
 * the percentile sketch.
 *
 * <p><b>Re-running a scan does not double-count.</b> {@link #save} replaces, for every source the store holds, all
 * rows of that source, in one transaction. A source is one input (a file or S3 object): re-reading it yields the
 * same rows, so replacing them is idempotent; reading new inputs adds their rows beside the others. The
 * alternatives are worse: replacing per metric and minute would lose data whenever two inputs cover the same
 * minutes (CloudTrail delivers one file per account, region and five minutes, so they always do), and keying by
 * event id would need every event id kept. What this cannot detect is the same records under two different source
 * names (a copied file); there the counts add.
 *
 * <p>One connection; not for concurrent use. Close it to release DuckDB's file lock.
 */
public final class MetricDatabase implements AutoCloseable {

    public static final String FILE_NAME = "metrics.duckdb";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<TreeMap<String, String>> DIMENSIONS = new TypeReference<>() {
    };

    private final Connection connection;
    private final Path file;
    private final Clock clock;

    private MetricDatabase(Connection connection, Path file, Clock clock) {
        this.connection = connection;
        this.file = file;
        this.clock = clock;
    }

    /** Opens (creating if missing) the metric database of a workspace directory and brings its schema up to date. */
    public static MetricDatabase open(Path workspaceDir, Clock clock) {
        Path file = workspaceDir.toAbsolutePath().normalize().resolve(FILE_NAME);
        Path dir = file.getParent();
        if (file.toString().indexOf(';') >= 0) {
            throw new MetricStoreException("The workspace path " + dir + " contains ';', which the DuckDB driver"
                    + " cannot open. Choose a workspace directory whose path has no ';'.");
        }
        try {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            throw new MetricStoreException("The workspace path " + dir + " exists but is not a directory. Move that"
                    + " file away or choose another workspace directory.", e);
        } catch (IOException e) {
            throw new MetricStoreException("Could not create the workspace directory " + dir + ": " + e
                    + ". Check its permissions or choose another workspace directory.", e);
        }
        if (Files.isDirectory(file)) {
            throw new MetricStoreException("The metric database " + file + " is a directory. Move it away or choose"
                    + " another workspace directory.");
        }
        Properties options = new Properties();
        options.setProperty("autoinstall_known_extensions", "false");
        options.setProperty("autoload_known_extensions", "false");
        Connection c;
        try {
            c = DriverManager.getConnection("jdbc:duckdb:" + file, options);
        } catch (SQLException e) {
            throw explainOpen(file, e);
        }
        try {
            RollupSchema.migrate(c, file, clock);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c);
            if (e instanceof MetricStoreException m) {
                throw m;
            }
            throw new MetricStoreException("Could not prepare the metric database " + file + " (" + e.getMessage()
                    + "). Move it away to start afresh, or choose another workspace directory.", e);
        }
        return new MetricDatabase(c, file, clock);
    }

    /** What {@link #save} did. */
    public record SaveResult(int sources, long rowsWritten, long rowsReplaced) {
    }

    /**
     * Writes the store's rollups, replacing every row of each source the store holds (see the class comment),
     * in one transaction: a failure leaves the database as it was.
     */
    public SaveResult save(MetricStore store) {
        Set<String> sources = store.sources();
        List<Object[]> rows = new ArrayList<>();
        Map<String, long[]> perSource = new TreeMap<>();
        store.forEachRollup((source, key, minute, r) -> {
            rows.add(new Object[]{source, key, minute, r.count(), r.sum(), r.min(), r.max(), r.unit(),
                    r.sketch().toBytes()});
            perSource.computeIfAbsent(source, s -> new long[1])[0]++;
        });
        try {
            connection.setAutoCommit(false);
            long replaced = 0;
            try {
                // One statement per table, not per source: a scan reads thousands of files.
                try (Statement st = connection.createStatement()) {
                    st.execute("CREATE OR REPLACE TABLE saving_sources (source VARCHAR NOT NULL)"); // dropped below, same transaction
                }
                try (DuckDBAppender names = connection.unwrap(DuckDBConnection.class)
                        .createAppender(DuckDBConnection.DEFAULT_SCHEMA, "saving_sources")) {
                    for (String source : sources) {
                        names.beginRow().append(source).endRow();
                    }
                }
                try (Statement st = connection.createStatement()) {
                    replaced = st.executeUpdate(
                            "DELETE FROM metric_rollups WHERE source IN (SELECT source FROM saving_sources)");
                    st.executeUpdate("DELETE FROM metric_sources WHERE source IN (SELECT source FROM saving_sources)");
                    st.execute("DROP TABLE saving_sources");
                }
                try (DuckDBAppender added = connection.unwrap(DuckDBConnection.class)
                        .createAppender(DuckDBConnection.DEFAULT_SCHEMA, "metric_sources")) {
                    long now = clock.millis();
                    for (String source : sources) {
                        added.beginRow().append(source).append(now)
                                .append(perSource.getOrDefault(source, new long[1])[0]).endRow();
                    }
                }
                try (DuckDBAppender appender = connection.unwrap(DuckDBConnection.class)
                        .createAppender(DuckDBConnection.DEFAULT_SCHEMA, "metric_rollups")) {
                    for (Object[] row : rows) {
                        MetricKey key = (MetricKey) row[1];
                        appender.beginRow()
                                .append((String) row[0])
                                .append(key.namespace())
                                .append(key.name())
                                .append(dimensionsJson(key))
                                .append((long) (Long) row[2])
                                .append((long) (Long) row[3])
                                .append((double) (Double) row[4])
                                .append((double) (Double) row[5])
                                .append((double) (Double) row[6])
                                .append((String) row[7])
                                .append((byte[]) row[8])
                                .endRow();
                    }
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
            return new SaveResult(sources.size(), rows.size(), replaced);
        } catch (SQLException e) {
            throw new MetricStoreException("Could not save metrics to " + file + " (" + e.getMessage() + ")."
                    + " Nothing was changed; check free disk space and that no other process uses the file.", e);
        }
    }

    /**
     * Loads the rollups of the metrics the selector matches with minutes in [from, to) into a new store, for
     * {@link MetricStore#statistics} and alarm evaluation.
     */
    public MetricStore load(MetricSelector selector, Instant from, Instant to) {
        MetricStore store = new MetricStore(Integer.MAX_VALUE);
        String sql = "SELECT source, dimensions, minute_start, sample_count, value_sum, value_min, value_max, unit,"
                + " sketch FROM metric_rollups WHERE namespace = ? AND metric_name = ?"
                + " AND minute_start >= ? AND minute_start < ?";
        try (PreparedStatement p = connection.prepareStatement(sql)) {
            p.setString(1, selector.namespace());
            p.setString(2, selector.name());
            p.setLong(3, from.toEpochMilli());
            p.setLong(4, to.toEpochMilli());
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    MetricKey key = new MetricKey(selector.namespace(), selector.name(), dimensions(r.getString(2)));
                    if (!selector.matches(key)) {
                        continue;
                    }
                    store.put(r.getString(1), key, r.getLong(3), rollup(r));
                }
            }
        } catch (SQLException e) {
            throw new MetricStoreException("Could not read metrics from " + file + " (" + e.getMessage() + ")."
                    + " Check that no other process uses the file.", e);
        }
        return store;
    }

    /** Every metric stored, sorted by namespace, name and dimensions; for listings and "did you mean" hints. */
    public List<MetricKey> metrics() {
        Set<String> seen = new TreeSet<>();
        List<MetricKey> out = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT DISTINCT namespace, metric_name, dimensions FROM metric_rollups"
                     + " ORDER BY namespace, metric_name, dimensions")) {
            while (r.next()) {
                if (seen.add(r.getString(1) + '\0' + r.getString(2) + '\0' + r.getString(3))) {
                    out.add(new MetricKey(r.getString(1), r.getString(2), dimensions(r.getString(3))));
                }
            }
        } catch (SQLException e) {
            throw new MetricStoreException("Could not read metrics from " + file + " (" + e.getMessage() + ").", e);
        }
        return out;
    }

    private Rollup rollup(ResultSet r) throws SQLException {
        long count = r.getLong(4);
        double sum = r.getDouble(5);
        double min = r.getDouble(6);
        double max = r.getDouble(7);
        ValueSketch sketch;
        try {
            sketch = ValueSketch.fromBytes(r.getBytes(9));
        } catch (IllegalArgumentException e) {
            throw damaged("a percentile sketch cannot be read: " + e.getMessage(), e);
        }
        if (count < 1 || sketch.count() != count || !Double.isFinite(sum) || !(min <= max)) {
            throw damaged("a rollup's numbers are inconsistent (count " + count + ", min " + min + ", max " + max
                    + ")", null);
        }
        return new Rollup(count, sum, min, max, r.getString(8), sketch);
    }

    private MetricStoreException damaged(String what, Throwable cause) {
        return new MetricStoreException("The metric database " + file + " is damaged: " + what + ". Move it away"
                + " and re-run the scan to rebuild it.", cause);
    }

    static String dimensionsJson(MetricKey key) {
        try {
            return JSON.writeValueAsString(key.dimensions());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string map always serialises", e);
        }
    }

    private TreeMap<String, String> dimensions(String json) {
        try {
            return JSON.readValue(json, DIMENSIONS);
        } catch (JsonProcessingException e) {
            throw damaged("dimensions are not a JSON object of strings", e);
        }
    }

    @Override
    public void close() {
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // Closing releases the lock; there is nothing more to do if it fails.
        }
    }

    private static MetricStoreException explainOpen(Path file, SQLException e) {
        String detail = String.valueOf(e.getMessage()).strip();
        String lower = detail.toLowerCase(Locale.ROOT);
        String message;
        if (lower.contains("could not set lock") || lower.contains("conflicting lock")) {
            message = "The metric database " + file + " is in use by another process (" + detail + "). Close the"
                    + " other Vigil or DuckDB session using it, or choose another workspace directory.";
        } else if (lower.contains("not a valid duckdb database")) {
            message = "The metric database " + file + " is not a DuckDB file or is damaged (" + detail + "). Move it"
                    + " away and re-run the scan to rebuild it.";
        } else {
            message = "Could not open the metric database " + file + " (" + detail + "). Check that it is a readable"
                    + " and writable file on a local disk, or choose another workspace directory.";
        }
        return new MetricStoreException(message, e);
    }
}
