package dev.vigil.hub;

import dev.vigil.model.Finding;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The findings of a workspace, kept in an embedded DuckDB database ({@value #DATABASE_FILE_NAME} in the
 * workspace directory, by default {@code ./.vigil/}).
 *
 * <h2>De-duplication</h2>
 * A finding's id comes from its rule and key facts ({@link Finding#id()}), so scanning the same activity again
 * updates the stored finding instead of adding one. {@link #upsert} merges an incoming finding into a stored one
 * with the same id like this:
 * <ul>
 *   <li>{@code firstSeen} becomes the earlier and {@code lastSeen} the later of the two;</li>
 *   <li>{@code count}: if the incoming activity window [firstSeen, lastSeen] lies entirely after the stored one
 *       (new activity, e.g. the next day's logs) — or entirely before it (older logs scanned late) — the counts
 *       add; if the windows overlap, the scan is taken to be a re-scan of overlapping data and the larger count
 *       wins. So rescanning the same logs changes nothing, and scanning new logs adds;</li>
 *   <li>rule metadata (title, description, severity, ATT&amp;CK ids, types), keys and account/region/principal/
 *       resource are replaced by the incoming ones: the newest scan describes the finding. The rule id itself
 *       never changes, since the id is derived from it;</li>
 *   <li>evidence: the union by event id (records without an event id are told apart by their raw text; of two
 *       records with the same id, the one already stored is kept), then the oldest {@link Finding#MAX_EVIDENCE}
 *       by event time;</li>
 *   <li>{@code observations} grows by one and {@code lastObservedAt} becomes the upsert's {@code observedAt};
 *       {@code firstObservedAt} keeps the time of the upsert that first stored it.</li>
 * </ul>
 * Findings with the same id within one batch are merged as if upserted one after another in batch order, and
 * count as one observation.
 *
 * <h2>Storage</h2>
 * Times are held at millisecond precision, the precision of log event times. Text is stored exactly, including
 * NUL and control characters, except that unpaired UTF-16 surrogates (which UTF-8 cannot encode) become U+FFFD;
 * keys are stored exactly in every case, since the id derives from them. The schema is versioned: opening
 * applies any migrations this Vigil has and the workspace lacks.
 *
 * <h2>Use</h2>
 * One store per workspace per process, closed when done. Methods are synchronized; the store is safe to share
 * between threads, though they take turns. Other processes are locked out while it is open.
 */
public final class FindingStore implements AutoCloseable {

    /** The workspace directory Vigil uses when the user names none. */
    public static final Path DEFAULT_WORKSPACE = Path.of(".vigil");

    /** The database file's name inside the workspace directory. */
    public static final String DATABASE_FILE_NAME = WorkspaceDatabase.FILE_NAME;

    /** The shortest id prefix {@link #get(String)} resolves. */
    public static final int MIN_ID_PREFIX = IdLookup.MIN_PREFIX;

    private final Path databaseFile;
    private final Connection connection;
    private final FindingUpserter upserter;
    private final FindingReader reader;
    private final IdLookup lookup;
    private boolean closed;

    private FindingStore(Path databaseFile, Connection connection) {
        JsonColumns json = new JsonColumns();
        this.databaseFile = databaseFile;
        this.connection = connection;
        this.upserter = new FindingUpserter(connection, databaseFile, json);
        this.reader = new FindingReader(connection, databaseFile, json);
        this.lookup = new IdLookup(connection, reader);
    }

    /**
     * Opens the findings store of a workspace, creating the directory and the database when missing and
     * bringing an older schema up to date.
     *
     * @throws StoreException with a message saying what to do, when the directory cannot be created, the
     *                        database is locked by another process, is not a database Vigil can read, or was
     *                        written by a newer Vigil
     */
    public static FindingStore open(Path workspaceDir) {
        return open(workspaceDir, Clock.systemUTC());
    }

    /** As {@link #open(Path)}, with the clock that stamps applied schema migrations. */
    static FindingStore open(Path workspaceDir, Clock clock) {
        Objects.requireNonNull(workspaceDir, "workspaceDir");
        Path file = WorkspaceDatabase.fileIn(workspaceDir);
        Connection connection = WorkspaceDatabase.open(workspaceDir);
        try {
            new SchemaMigrator(SchemaMigrations.ALL, clock).migrate(connection, file);
            return new FindingStore(file, connection);
        } catch (SQLException | RuntimeException e) {
            try {
                connection.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            if (e instanceof StoreException se) {
                throw se;
            }
            throw new StoreException("Could not prepare the workspace database " + file + " ("
                    + String.valueOf(e.getMessage()).strip() + "). Check that it is writable, or choose another"
                    + " workspace directory.", e);
        }
    }

    /**
     * Stores a batch of findings in one transaction, merging each with the stored finding of the same id as the
     * class documentation describes. Either the whole batch is stored or, on failure, none of it.
     *
     * @param findings   the findings of a scan; an empty collection does nothing
     * @param observedAt when the scan ran (wall-clock time of the observation, not event time)
     * @return how many findings were new and how many were already stored
     * @throws IllegalArgumentException naming the finding, when one cannot be stored (negative count, lastSeen
     *                                  before firstSeen, a time beyond ±292 million years, a null key); nothing
     *                                  of the batch is written
     * @throws StoreException           when the database fails; nothing of the batch is written
     */
    public synchronized UpsertResult upsert(Collection<Finding> findings, Instant observedAt) {
        ensureOpen();
        return upserter.upsert(findings, observedAt);
    }

    /**
     * The findings matching a query, in its order and page, each whole (rule, keys and evidence). Each finding
     * carries up to {@link Finding#MAX_EVIDENCE} raw records, so walk large workspaces page by page rather than
     * with {@link FindingQuery#NO_LIMIT}.
     */
    public synchronized List<StoredFinding> list(FindingQuery query) {
        Objects.requireNonNull(query, "query");
        ensureOpen();
        try {
            return reader.list(query);
        } catch (SQLException e) {
            throw readFailure(e);
        }
    }

    /** How many findings match a query's filters; its limit, offset and sort are ignored. */
    public synchronized long count(FindingQuery query) {
        Objects.requireNonNull(query, "query");
        ensureOpen();
        try {
            return reader.count(query);
        } catch (SQLException e) {
            throw readFailure(e);
        }
    }

    /**
     * The finding with this id, or with an id that starts with this prefix of at least
     * {@value #MIN_ID_PREFIX} characters when exactly one does. Surrounding whitespace is ignored, and hex
     * digits match in either case.
     *
     * @return the finding, or empty when no finding has this id or prefix
     * @throws AmbiguousIdException when the prefix matches several findings (it names them)
     * @throws StoreException       when the text is empty, or shorter than {@value #MIN_ID_PREFIX}
     *                              characters and not a whole id
     */
    public synchronized Optional<StoredFinding> get(String idOrPrefix) {
        Objects.requireNonNull(idOrPrefix, "idOrPrefix");
        ensureOpen();
        try {
            return lookup.find(idOrPrefix);
        } catch (SQLException e) {
            throw readFailure(e);
        }
    }

    /** The absolute path of the database file. */
    public Path databaseFile() {
        return databaseFile;
    }

    /** Closes the database; DuckDB writes its log into the file. Closing twice does nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("Could not close the workspace database " + databaseFile + " cleanly ("
                    + String.valueOf(e.getMessage()).strip() + "). The findings already saved are safe; DuckDB"
                    + " replays its log the next time the workspace is opened.", e);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the findings store of " + databaseFile + " is closed");
        }
    }

    private StoreException readFailure(SQLException e) {
        return new StoreException("Could not read findings from " + databaseFile + " ("
                + String.valueOf(e.getMessage()).strip() + "). If the file was changed outside Vigil, restore it"
                + " or start a fresh workspace.", e);
    }
}
