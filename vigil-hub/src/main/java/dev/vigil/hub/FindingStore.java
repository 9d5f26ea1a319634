package dev.vigil.hub;

import dev.vigil.model.Finding;
import dev.vigil.model.ImportedFinding;
import dev.vigil.model.RecordState;
import dev.vigil.model.Workflow;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The findings hub's store: by default an embedded DuckDB database ({@value #DATABASE_FILE_NAME} in the
 * workspace directory, by default {@code ./.vigil/}); for a team, a PostgreSQL database ({@link #connect}). Both
 * hold the same schema, brought up to date by the same migrations.
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
 * <h2>Lifecycle</h2>
 * Every finding has a workflow status (NEW, NOTIFIED, SUPPRESSED, RESOLVED) and a record state (ACTIVE,
 * ARCHIVED), as Security Hub defines them. People change them with {@link #updateWorkflow} and
 * {@link #updateRecordState} ({@link WorkflowTransitions} says which changes are allowed); Vigil changes them
 * itself when a RESOLVED finding shows new activity (back to NEW), when a posture check passes
 * ({@link #markPassing}: RESOLVED), when the reporting product archives a finding, and through suppression rules.
 * Every change writes a row to the finding's audit trail ({@link #history}).
 *
 * <h2>Use</h2>
 * One store per process, closed when done. Methods are synchronized; the store is safe to share between threads,
 * though they take turns. A DuckDB workspace locks other processes out while it is open; several processes may
 * share a PostgreSQL database, and their writes to the same findings take turns through row locks.
 */
public final class FindingStore implements AutoCloseable {

    /** The workspace directory Vigil uses when the user names none. */
    public static final Path DEFAULT_WORKSPACE = Path.of(".vigil");

    /** The database file's name inside the workspace directory. */
    public static final String DATABASE_FILE_NAME = WorkspaceDatabase.FILE_NAME;

    /** The shortest id prefix {@link #get(String)} resolves. */
    public static final int MIN_ID_PREFIX = IdLookup.MIN_PREFIX;

    /** PostgreSQL states after which a lifecycle change is worth running again: it lost a race to another writer. */
    private static final Set<String> RETRYABLE = Set.of("40001", "40P01");
    private static final int ATTEMPTS = 5;

    private final StoreDatabase database;
    private final Clock clock;
    private final JsonColumns json;
    private final FindingUpserter upserter;
    private final FindingReader reader;
    private final IdLookup lookup;
    private final Suppressions suppressions;
    private final Lifecycle lifecycle;
    private final HistoryLog history;
    private boolean closed;

    private FindingStore(StoreDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
        this.json = new JsonColumns();
        this.suppressions = new Suppressions(database, json);
        this.upserter = new FindingUpserter(database, json, suppressions);
        this.reader = new FindingReader(database, json);
        this.lookup = new IdLookup(database, reader);
        this.lifecycle = new Lifecycle(database);
        this.history = new HistoryLog(database);
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

    /** As {@link #open(Path)}, with the clock that stamps schema migrations and removals of suppression rules. */
    static FindingStore open(Path workspaceDir, Clock clock) {
        Objects.requireNonNull(workspaceDir, "workspaceDir");
        Path file = WorkspaceDatabase.fileIn(workspaceDir);
        return prepared(StoreDatabase.duckDb(WorkspaceDatabase.open(workspaceDir), file), clock);
    }

    /**
     * Opens the store in a PostgreSQL database, given as users type it: {@code postgresql://user:pass@host:port/db}
     * (also {@code postgres://…} and {@code jdbc:postgresql://…}). A password missing from the URL comes from
     * {@code PGPASSWORD} or the password file ({@code PGPASSFILE}, else {@code ~/.pgpass}). The database must
     * exist; the schema is created or brought up to date in it.
     *
     * @throws StoreException with a message saying what to do, when the URL is malformed, the server cannot be
     *                        reached, the login is refused, the database does not exist or holds other tables, or
     *                        it was written by a newer Vigil
     */
    public static FindingStore connect(String databaseUrl) {
        return connect(databaseUrl, System.getenv(), Clock.systemUTC());
    }

    /** True when the text is a PostgreSQL URL that {@link #connect} accepts, rather than a directory. */
    public static boolean isDatabaseUrl(String text) {
        return PostgresUrl.isPostgres(text);
    }

    /** As {@link #connect(String)}, with the environment and clock to use. */
    static FindingStore connect(String databaseUrl, Map<String, String> env, Clock clock) {
        Objects.requireNonNull(databaseUrl, "databaseUrl");
        PostgresUrl url = PostgresUrl.parse(databaseUrl, env);
        return prepared(StoreDatabase.postgres(PostgresDatabase.connect(url), url), clock);
    }

    private static FindingStore prepared(StoreDatabase database, Clock clock) {
        try {
            new SchemaMigrator(SchemaMigrations.ALL, clock).migrate(database);
            return new FindingStore(database, clock);
        } catch (SQLException | RuntimeException e) {
            try {
                database.connection().close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            if (e instanceof StoreException se) {
                throw se;
            }
            throw new StoreException("Could not prepare the database " + database.location() + " ("
                    + String.valueOf(e.getMessage()).strip() + "). Check that it is writable, or "
                    + database.elsewhere() + ".", e);
        }
    }

    /**
     * Stores a batch of Vigil's own findings (origin {@code Vigil}) in one transaction, merging each with the
     * stored finding of the same id as the class documentation describes. Either the whole batch is stored or,
     * on failure, none of it.
     *
     * @param findings   the findings of a scan; an empty collection does nothing
     * @param observedAt when the scan ran (wall-clock time of the observation, not event time); also the time of
     *                   automatic lifecycle changes and of the suppression rules that apply
     * @return per distinct finding, what happened
     * @throws IllegalArgumentException naming the finding, when one cannot be stored (negative count, lastSeen
     *                                  before firstSeen, a time beyond ±292 million years, a null key); nothing
     *                                  of the batch is written
     * @throws StoreException           when the database fails; nothing of the batch is written
     */
    public synchronized UpsertResult upsert(Collection<Finding> findings, Instant observedAt) {
        Objects.requireNonNull(findings, "findings");
        ensureOpen();
        long observed = EpochMillis.of(Objects.requireNonNull(observedAt, "observedAt"), "observedAt");
        return upserter.upsert(upserter.rowsOf(findings), observed);
    }

    /**
     * Stores findings imported from other products, as {@link #upsert} does, merging by id (the product and its
     * finding id). The newest observation's raw original, confidence and location win. The record state is kept
     * (new findings: ACTIVE); use the other overload to pass what the product says.
     */
    public synchronized UpsertResult upsertImported(Collection<ImportedFinding> findings, Instant observedAt) {
        return upsertImported(findings, Map.of(), observedAt);
    }

    /**
     * As {@link #upsertImported(Collection, Instant)}, with the record state each product reports, by finding id
     * (ids missing from the map: the product said nothing). A product's state wins over the stored one, so a
     * finding GuardDuty archived becomes ARCHIVED, and one it reports active again becomes ACTIVE; each such change
     * is in the audit trail with actor {@code import:<product>}.
     */
    public synchronized UpsertResult upsertImported(Collection<ImportedFinding> findings,
                                                    Map<String, RecordState> sourceStates, Instant observedAt) {
        Objects.requireNonNull(findings, "findings");
        Objects.requireNonNull(sourceStates, "sourceStates");
        ensureOpen();
        long observed = EpochMillis.of(Objects.requireNonNull(observedAt, "observedAt"), "observedAt");
        Map<String, List<FindingRow>> batch = new LinkedHashMap<>();
        for (ImportedFinding f : findings) {
            Objects.requireNonNull(f, "findings must not contain null");
            FindingRow row = FindingRow.of(f.finding(), f.origin(),
                    Optional.ofNullable(sourceStates.get(f.finding().id())), json);
            batch.computeIfAbsent(row.id(), id -> new ArrayList<>(1)).add(row);
        }
        return upserter.upsert(batch, observed);
    }

    /**
     * Sets the workflow status of findings, all or none: an unknown id or a refused change (see
     * {@link WorkflowTransitions}, e.g. RESOLVED → NOTIFIED) refuses the whole batch, naming each problem.
     * Findings already in that status are left alone and get no history row. Leaving SUPPRESSED detaches a
     * finding from its suppression rule.
     *
     * @param actor  who makes the change (required)
     * @param reason why (required)
     * @return the history rows written, one per finding changed
     * @throws StoreException naming the refused findings
     */
    public synchronized List<HistoryEntry> updateWorkflow(Collection<String> ids, Workflow workflow, String actor,
                                                          String reason, Instant at) {
        Objects.requireNonNull(workflow, "workflow");
        return inTransaction("change the workflow of findings",
                () -> lifecycle.updateWorkflow(ids, workflow, actor, reason, at));
    }

    /** As {@link #updateWorkflow}, for the record state (ACTIVE ↔ ARCHIVED; both directions allowed). */
    public synchronized List<HistoryEntry> updateRecordState(Collection<String> ids, RecordState recordState,
                                                             String actor, String reason, Instant at) {
        Objects.requireNonNull(recordState, "recordState");
        return inTransaction("change the record state of findings",
                () -> lifecycle.updateRecordState(ids, recordState, actor, reason, at));
    }

    /**
     * Resolves the findings of posture checks that pass again (actor {@value HistoryEntry#VIGIL}). A later upsert
     * that reports the check failing, with a later {@code lastSeen}, reopens them. Ids the store does not hold
     * and findings already RESOLVED are skipped.
     */
    public synchronized List<HistoryEntry> markPassing(Collection<String> ids, Instant at) {
        return inTransaction("resolve passing findings", () -> lifecycle.markPassing(ids, at));
    }

    /** A finding's audit trail, oldest first (empty for an unknown id or a finding never changed). */
    public synchronized List<HistoryEntry> history(String findingId) {
        Objects.requireNonNull(findingId, "findingId");
        ensureOpen();
        try {
            return history.of(findingId.strip());
        } catch (SQLException e) {
            throw readFailure(e);
        }
    }

    /**
     * Adds a suppression rule and suppresses the stored findings it matches that are ACTIVE and NEW or NOTIFIED
     * (workflow SUPPRESSED, history actor {@code suppression:<id>}). Findings created or reopened later arrive
     * SUPPRESSED while the rule is active. Suppressed findings are kept, never deleted.
     *
     * @return how many stored findings it suppressed
     * @throws StoreException when a rule with that id exists
     */
    public synchronized long addSuppression(SuppressionRule rule) {
        Objects.requireNonNull(rule, "rule");
        return inTransaction("add suppression rule " + rule.id(), () -> suppressions.add(rule));
    }

    /** Returns the findings of rules whose expiry is at or before {@code now} to NEW (actor vigil). */
    public synchronized List<HistoryEntry> expireSuppressions(Instant now) {
        Objects.requireNonNull(now, "now");
        return inTransaction("expire suppression rules", () -> suppressions.expire(now));
    }

    /**
     * Removes a suppression rule (it stays listed in the report as REMOVED) and returns its findings to NEW, with
     * history rows naming {@code actor}.
     *
     * @throws StoreException when there is no such rule or it was removed already
     */
    public synchronized List<HistoryEntry> removeSuppression(String ruleId, String actor) {
        Objects.requireNonNull(ruleId, "ruleId");
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("removing a suppression rule needs an actor: who removes it");
        }
        Instant at = clock.instant();
        return inTransaction("remove suppression rule " + ruleId, () -> suppressions.remove(ruleId.strip(),
                actor.strip(), at));
    }

    /** Every rule ever added, oldest first: its state at {@code now}, how many findings it holds, when it last applied. */
    public synchronized List<SuppressionStatus> suppressionReport(Instant now) {
        Objects.requireNonNull(now, "now");
        ensureOpen();
        try {
            return suppressions.report(now);
        } catch (SQLException e) {
            throw readFailure(e);
        }
    }

    /**
     * Stores risk scores by finding id; ids the store does not hold are ignored. A finding whose score or reasons
     * change gets {@code updatedAt} = now (the store's clock).
     *
     * @return how many findings' scores changed
     */
    public synchronized int setRisk(Map<String, RiskScore> scores) {
        Objects.requireNonNull(scores, "scores");
        if (scores.isEmpty()) {
            return 0;
        }
        Instant at = clock.instant();
        return inTransaction("store risk scores", () -> new RiskWriter(database).write(scores, at));
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

    /**
     * Hands every finding matching the query's filters to {@code action}, in id order, without evidence and raw
     * original: for passes over the whole store (risk scoring, correlation) that would not fit in memory as whole
     * findings. The query's limit, offset and sort are ignored. {@code action} must not call back into the store.
     */
    public synchronized void forEachWithoutEvidence(FindingQuery query, java.util.function.Consumer<StoredFinding> action) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(action, "action");
        ensureOpen();
        try {
            reader.forEachWithoutEvidence(query, action);
        } catch (SQLException e) {
            throw readFailure(e);
        }
    }

    /**
     * The routing outbox kept in this store's database (schema migration 3), for enqueueing notifications of the
     * changes the store reports and delivering them. Use it from the thread that uses the store.
     */
    public dev.vigil.hub.routing.Outbox outbox() {
        ensureOpen();
        return new dev.vigil.hub.routing.Outbox(database.connection());
    }

    /**
     * As {@link #list}, but each finding without its evidence and raw original (empty): what a table of findings
     * shows, at a fraction of the cost of whole findings.
     */
    public synchronized List<StoredFinding> listWithoutEvidence(FindingQuery query) {
        Objects.requireNonNull(query, "query");
        ensureOpen();
        try {
            return reader.list(query, false);
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
     * digits match in either case. Archived findings are found too.
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

    /**
     * The absolute path of the database file of a workspace store.
     *
     * @throws IllegalStateException for a PostgreSQL store, which has no file (see {@link #location()})
     */
    public Path databaseFile() {
        return database.file().orElseThrow(() -> new IllegalStateException("the store at " + database.location()
                + " is a PostgreSQL database, not a file"));
    }

    /** Where the store is, for messages: the DuckDB file's path, or the PostgreSQL URL with the password masked. */
    public String location() {
        return database.location();
    }

    /** Closes the database; DuckDB writes its log into the file. Closing twice does nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            database.connection().close();
        } catch (SQLException e) {
            throw new StoreException("Could not close the database " + database.location() + " cleanly ("
                    + String.valueOf(e.getMessage()).strip() + "). The findings already saved are safe; the"
                    + " database replays its log the next time it is opened.", e);
        }
    }

    /**
     * The state a detection saved under this name in an earlier scan ({@code dev.vigil.engine.baseline}'s
     * snapshot), or empty when none was saved. The bytes are returned as stored; their owner checks them.
     *
     * @throws IllegalArgumentException when the name is blank or longer than 200 characters
     * @throws StoreException           when the database cannot be read
     */
    public synchronized Optional<byte[]> loadBaseline(String name) {
        ensureOpen();
        try {
            return new BaselineStates(database).load(BaselineStates.checkedName(name));
        } catch (SQLException e) {
            throw readFailure(e);
        }
    }

    /**
     * Saves a detection's state under a name, replacing what was saved under it before, in one transaction.
     *
     * @throws IllegalArgumentException when the name is blank or longer than 200 characters
     * @throws StoreException           when the database fails; the previous state is kept
     */
    public synchronized void saveBaseline(String name, byte[] state) {
        String checked = BaselineStates.checkedName(name);
        byte[] copy = Objects.requireNonNull(state, "state").clone();
        long at = clock.millis();
        inTransaction("save the baseline state " + checked,
                () -> new BaselineStates(database).save(checked, copy, at));
    }

    /** Work that runs inside one transaction. */
    private interface TransactionWork<T> {
        T run() throws SQLException;
    }

    private <T> T inTransaction(String what, TransactionWork<T> work) {
        ensureOpen();
        var connection = database.connection();
        for (int attempt = 1; ; attempt++) {
            try {
                connection.setAutoCommit(false);
                try {
                    T result = work.run();
                    connection.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    try {
                        connection.rollback();
                    } catch (SQLException rollback) {
                        e.addSuppressed(rollback);
                    }
                    throw e;
                } finally {
                    connection.setAutoCommit(true);
                }
            } catch (SQLException e) {
                if (database.dialect() == SqlDialect.POSTGRESQL && RETRYABLE.contains(e.getSQLState())
                        && attempt < ATTEMPTS) {
                    continue;
                }
                throw new StoreException("Could not " + what + " in " + database.location() + " ("
                        + String.valueOf(e.getMessage()).strip() + "). Nothing was changed; check that the"
                        + " database is reachable and writable, then try again.", e);
            }
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the findings store of " + database.location() + " is closed");
        }
    }

    private StoreException readFailure(SQLException e) {
        return new StoreException("Could not read findings from " + database.location() + " ("
                + String.valueOf(e.getMessage()).strip() + "). If the database was changed outside Vigil, restore"
                + " it or start a fresh one.", e);
    }
}
