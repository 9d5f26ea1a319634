package dev.vigil.hub;

import java.util.List;

/**
 * One step of the schema history: a version, a line saying what it does, and the SQL that does it.
 *
 * <p>Statements are plain SQL that DuckDB and PostgreSQL both accept, so one history serves both stores;
 * where a later step needs dialect-specific SQL it can carry one list per dialect.
 */
record Migration(int version, String description, List<String> statements) {

    Migration {
        if (version < 1) {
            throw new IllegalArgumentException("migration versions start at 1, was " + version);
        }
        statements = List.copyOf(statements);
    }
}
