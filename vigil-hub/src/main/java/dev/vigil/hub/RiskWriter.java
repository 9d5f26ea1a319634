package dev.vigil.hub;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;

/** Stores risk scores in bulk: staged, then one set-based UPDATE that touches only scores that changed. */
final class RiskWriter {

    private final StoreDatabase database;

    RiskWriter(StoreDatabase database) {
        this.database = database;
    }

    /** @return how many findings' scores changed (ids the store does not hold are ignored) */
    int write(Map<String, RiskScore> scores, Instant at) throws SQLException {
        try (Statement s = database.connection().createStatement()) {
            s.execute("DROP TABLE IF EXISTS risk_updates");
            s.execute("CREATE TEMP TABLE risk_updates (id VARCHAR, risk INTEGER, risk_reasons VARCHAR)");
        }
        try (StagingRows rows = StagingRows.open(database, "risk_updates", 3)) {
            for (Map.Entry<String, RiskScore> e : scores.entrySet()) {
                rows.row(StoredText.of(e.getKey()), e.getValue().score(), StoredText.of(e.getValue().reasonsJson()));
            }
        }
        int changed;
        try (PreparedStatement p = database.connection().prepareStatement("""
                UPDATE findings SET risk = s.risk, risk_reasons = s.risk_reasons, updated_at = ?
                FROM risk_updates AS s
                WHERE findings.id = s.id AND (findings.risk <> s.risk OR findings.risk_reasons <> s.risk_reasons)""")) {
            p.setLong(1, EpochMillis.of(at, "time of the change"));
            changed = p.executeUpdate();
        }
        try (Statement s = database.connection().createStatement()) {
            s.execute("DROP TABLE risk_updates");
        }
        return changed;
    }
}
