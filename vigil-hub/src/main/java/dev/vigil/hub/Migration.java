package dev.vigil.hub;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One step of the schema history: a version, a line saying what it does, and the SQL that does it.
 *
 * <p>{@code statements} are plain SQL that DuckDB and PostgreSQL both accept, so one history serves both stores;
 * {@code dialectStatements} holds what only one of them runs, after the common statements (PostgreSQL's
 * secondary indexes, for instance).
 */
record Migration(int version, String description, List<String> statements,
                 Map<SqlDialect, List<String>> dialectStatements) {

    Migration {
        if (version < 1) {
            throw new IllegalArgumentException("migration versions start at 1, was " + version);
        }
        statements = List.copyOf(statements);
        dialectStatements = Map.copyOf(dialectStatements);
    }

    /** A step whose SQL is the same for every database. */
    Migration(int version, String description, List<String> statements) {
        this(version, description, statements, Map.of());
    }

    /** The statements to run on one database, in order. */
    List<String> statementsFor(SqlDialect dialect) {
        List<String> all = new ArrayList<>(statements);
        all.addAll(dialectStatements.getOrDefault(dialect, List.of()));
        return all;
    }
}
