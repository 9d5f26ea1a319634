package dev.vigil.hub;

/**
 * The few places where DuckDB and PostgreSQL need different SQL. Everything else the store runs is plain SQL that
 * both accept, so one schema history and one set of statements serve both.
 */
enum SqlDialect {

    DUCKDB {
        @Override
        String rowLock() {
            // DuckDB is embedded and its file is locked to one process, so rows need no locks of their own.
            return "";
        }

        @Override
        String regexMatch(String column) {
            return "regexp_matches(" + column + ", ?)";
        }

        @Override
        ContainsCondition containsIgnoringCase(String column, String text) {
            // contains() is DuckDB's substring search; LIKE '%…%' with an ESCAPE clause is evaluated as a general
            // pattern. Over a million findings a principal search took 168 ms this way against 225 ms, a resource
            // search 206 ms against 324 ms (ILIKE and a case-insensitive regular expression were slower still).
            return new ContainsCondition("contains(lower(" + column + "), lower(?))", text);
        }
    },

    POSTGRESQL {
        @Override
        String rowLock() {
            return " FOR UPDATE";
        }

        @Override
        String regexMatch(String column) {
            return column + " ~ ?";
        }

        @Override
        String text(String value) {
            return value.indexOf('\0') < 0 ? value : value.replace('\0', '\uFFFD');
        }
    };

    /**
     * Appended to a SELECT of findings rows that the transaction will then update: on PostgreSQL another Vigil
     * process may be writing the same findings, and locking the rows read makes its read-merge-write wait for
     * ours instead of overwriting it.
     */
    abstract String rowLock();

    /** A condition with its one parameter. */
    record ContainsCondition(String sql, Object parameter) {
    }

    /** A condition that {@code column} contains {@code text}, ignoring case. */
    ContainsCondition containsIgnoringCase(String column, String text) {
        // lower() on both sides so the database alone decides what "ignoring case" means
        return new ContainsCondition("lower(" + column + ") LIKE lower(?) ESCAPE '\\'", LikePattern.contains(text));
    }

    /** A condition that {@code column} matches a regular expression bound as the next parameter. */
    abstract String regexMatch(String column);

    /**
     * Text as this database can hold it. PostgreSQL's text types cannot contain NUL, so there it becomes U+FFFD,
     * the same visible replacement {@link StoredText} uses for unpaired surrogates; DuckDB stores NUL as is.
     * JSON columns are unaffected: their NULs are written as {@code \u0000}.
     */
    String text(String value) {
        return value;
    }
}
