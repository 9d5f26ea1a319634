package dev.vigil.hub;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * SQL text with its parameters. The text is assembled only from constants in this package; every value that
 * came from a user or a log is a parameter.
 */
record BoundSql(String sql, List<Object> parameters) {

    BoundSql {
        parameters = List.copyOf(parameters);
    }

    PreparedStatement prepare(Connection connection) throws SQLException {
        PreparedStatement p = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.size(); i++) {
                switch (parameters.get(i)) {
                    case String s -> p.setString(i + 1, s);
                    case Integer n -> p.setInt(i + 1, n);
                    case Long n -> p.setLong(i + 1, n);
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
