package dev.vigil.hub;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds a finding by its id or by a unique prefix of it, the way git resolves abbreviated commit ids.
 */
final class IdLookup {

    /** Shortest prefix accepted: short enough to type, long enough to be unique in large workspaces. */
    static final int MIN_PREFIX = 6;

    /** Matching ids named when a prefix is ambiguous. */
    static final int MAX_CANDIDATES = 10;

    private final StoreDatabase database;
    private final FindingReader reader;

    IdLookup(StoreDatabase database, FindingReader reader) {
        this.database = database;
        this.reader = reader;
    }

    Optional<StoredFinding> find(String idOrPrefix) throws SQLException {
        String wanted = normalised(idOrPrefix);
        if (wanted.isEmpty()) {
            throw new StoreException("No finding id given: give a finding id or at least " + MIN_PREFIX
                    + " of its first characters.");
        }
        Optional<StoredFinding> exact = reader.byId(wanted);
        if (exact.isPresent()) {
            return exact;
        }
        if (wanted.length() < MIN_PREFIX) {
            throw new StoreException("'" + wanted + "' is too short to identify a finding: give at least "
                    + MIN_PREFIX + " characters of its id.");
        }
        List<String> candidates = new ArrayList<>();
        long matches = 0;
        try (PreparedStatement p = new BoundSql(
                "SELECT id, count(*) OVER () FROM findings WHERE id LIKE ? ESCAPE '\\' ORDER BY id LIMIT ?",
                List.of(LikePattern.prefix(wanted), MAX_CANDIDATES)).prepare(database);
             ResultSet r = p.executeQuery()) {
            while (r.next()) {
                candidates.add(r.getString(1));
                matches = r.getLong(2);
            }
        }
        if (matches > 1) {
            throw new AmbiguousIdException(wanted, matches, candidates);
        }
        return candidates.isEmpty() ? Optional.empty() : reader.byId(candidates.getFirst());
    }

    /** Vigil ids are lowercase hex; an id typed or pasted in capitals still finds them. */
    private static String normalised(String idOrPrefix) {
        String s = StoredText.of(idOrPrefix.strip());
        boolean hex = s.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F');
        return hex ? s.toLowerCase(Locale.ROOT) : s;
    }
}
