package dev.vigil.hub;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * SQL text with its parameters. The text is assembled only from constants in this package; every value that
 * came from a user or a log is a parameter.
 */
record BoundSql(String sql, List<Object> parameters) {

    /** Parameters may hold {@code null}, bound as a SQL NULL BIGINT (the only nullable columns are times). */
    BoundSql {
        parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
    }

    /** This SQL followed by another, parameters in order. */
    BoundSql then(String moreSql, List<Object> moreParameters) {
        List<Object> all = new ArrayList<>(parameters);
        all.addAll(moreParameters);
        return new BoundSql(sql + moreSql, all);
    }

    PreparedStatement prepare(Connection connection) throws SQLException {
        return prepare(connection, SqlDialect.DUCKDB);
    }

    PreparedStatement prepare(StoreDatabase database) throws SQLException {
        return prepare(database.connection(), database.dialect());
    }

    private PreparedStatement prepare(Connection connection, SqlDialect dialect) throws SQLException {
        PreparedStatement p = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.size(); i++) {
                switch (parameters.get(i)) {
                    case null -> p.setNull(i + 1, Types.BIGINT);
                    case String s -> p.setString(i + 1, dialect.text(s));
                    case Integer n -> p.setInt(i + 1, n);
                    case Long n -> p.setLong(i + 1, n);
                    case Boolean b -> p.setBoolean(i + 1, b);
                    default -> throw new IllegalArgumentException(
                            "unsupported parameter type " + parameters.get(i).getClass().getName());
                }
            }
            return p;
        } catch (SQLException | RuntimeException e) {
            p.close();
            throw e;
        }
    }
}
