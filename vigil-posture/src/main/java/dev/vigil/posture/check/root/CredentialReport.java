package dev.vigil.posture.check.root;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The root user's row of an IAM credential report, from what {@code aws iam get-credential-report} prints:
 * {@code {"Content": "<base64 CSV>", "ReportFormat": "text/csv", "GeneratedTime": "..."}}. The CSV holds user names
 * and other text chosen by whoever can create IAM users, so it is parsed as data: columns are found by header name,
 * unknown values are treated as "no information", and nothing from it is trusted beyond the root row's fields.
 *
 * @param generatedTime when AWS produced the report, when known
 * @param root          the {@code <root_account>} row, column name → value
 */
record CredentialReport(Optional<Instant> generatedTime, Map<String, String> root) {

    static final String ROOT_USER = "<root_account>";

    /** What the export held. */
    sealed interface Reading {
        record Parsed(CredentialReport report) implements Reading {
        }

        record Unreadable(String why) implements Reading {
        }
    }

    static Reading read(JsonNode body) {
        JsonNode content = body.path("Content");
        if (!content.isTextual()) {
            return new Reading.Unreadable("it has no Content text");
        }
        String csv;
        try {
            csv = new String(Base64.getMimeDecoder().decode(content.textValue()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return new Reading.Unreadable("its Content is not base64");
        }
        if (csv.startsWith("\uFEFF")) {
            csv = csv.substring(1);
        }
        List<List<String>> rows = CsvRows.parse(csv);
        if (rows.isEmpty() || !rows.get(0).contains("user")) {
            return new Reading.Unreadable("its Content is not a credential report CSV (no user column)");
        }
        List<String> header = rows.get(0);
        int userColumn = header.indexOf("user");
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.size() > userColumn && row.get(userColumn).equals(ROOT_USER)) {
                Map<String, String> fields = new HashMap<>();
                for (int i = 0; i < header.size() && i < row.size(); i++) {
                    fields.putIfAbsent(header.get(i), row.get(i));
                }
                return new Reading.Parsed(new CredentialReport(instant(body.path("GeneratedTime").asText("")), fields));
            }
        }
        return new Reading.Unreadable("it has no " + ROOT_USER + " row");
    }

    /** {@code true}/{@code false} for a boolean column, empty when absent or not a boolean. */
    Optional<Boolean> flag(String column) {
        return switch (root.getOrDefault(column, "")) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    /** A timestamp column; "N/A", "no_information" and anything unparseable are empty. */
    Optional<Instant> time(String column) {
        return instant(root.getOrDefault(column, ""));
    }

    static Optional<Instant> instant(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text.strip()).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(Instant.parse(text.strip()));
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }
}
