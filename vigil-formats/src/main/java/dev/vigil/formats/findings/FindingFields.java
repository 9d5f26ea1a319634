package dev.vigil.formats.findings;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Reads fields of one finding's JSON tree by dotted path, treating every value as untrusted: a field of the wrong
 * type counts as absent when optional and as a {@link BadFinding} naming the field when required — never an
 * exception from a cast.
 *
 * <p>With {@code tolerantCase}, each path segment also matches with its first letter's case flipped, because
 * GuardDuty's wire JSON is camelCase while the AWS SDKs print PascalCase ({@code accountId} / {@code AccountId}).
 */
final class FindingFields {

    private final String formatName;
    private final boolean tolerantCase;

    FindingFields(String formatName, boolean tolerantCase) {
        this.formatName = formatName;
        this.tolerantCase = tolerantCase;
    }

    /** The node at {@code path}, or null when absent, JSON null, or a step is not an object. */
    JsonNode node(JsonNode root, String path) {
        JsonNode n = root;
        int from = 0;
        while (n != null) {
            int dot = path.indexOf('.', from);
            String seg = dot < 0 ? path.substring(from) : path.substring(from, dot);
            n = child(n, seg);
            if (dot < 0) {
                break;
            }
            from = dot + 1;
        }
        return n == null || n.isNull() || n.isMissingNode() ? null : n;
    }

    private JsonNode child(JsonNode n, String name) {
        if (!n.isObject()) {
            return null;
        }
        JsonNode c = n.get(name);
        if (c == null && tolerantCase && !name.isEmpty()) {
            char first = name.charAt(0);
            char flipped = Character.isUpperCase(first) ? Character.toLowerCase(first) : Character.toUpperCase(first);
            c = n.get(flipped + name.substring(1));
        }
        return c;
    }

    /** A string field, or "" when absent or not a string. */
    String text(JsonNode root, String path) {
        JsonNode n = node(root, path);
        return n != null && n.isTextual() ? n.textValue() : "";
    }

    /** A non-blank string field, or a {@link BadFinding} naming it. */
    String requireText(JsonNode root, String path) throws BadFinding {
        JsonNode n = node(root, path);
        if (n == null) {
            throw missing(path);
        }
        if (!n.isTextual()) {
            throw invalid(path, "must be a string, found " + kind(n));
        }
        if (n.textValue().isBlank()) {
            throw invalid(path, "is empty");
        }
        return n.textValue();
    }

    /** A number field (JSON number or numeric string), or empty. */
    OptionalDouble number(JsonNode root, String path) {
        JsonNode n = node(root, path);
        if (n == null) {
            return OptionalDouble.empty();
        }
        if (n.isNumber()) {
            return OptionalDouble.of(n.doubleValue());
        }
        if (n.isTextual()) {
            try {
                double d = Double.parseDouble(n.textValue().strip());
                return Double.isFinite(d) ? OptionalDouble.of(d) : OptionalDouble.empty();
            } catch (NumberFormatException e) {
                return OptionalDouble.empty();
            }
        }
        return OptionalDouble.empty();
    }

    /** A whole number field, or empty when absent, fractional or out of range. */
    OptionalLong whole(JsonNode root, String path) {
        OptionalDouble d = number(root, path);
        if (d.isEmpty() || d.getAsDouble() != Math.rint(d.getAsDouble()) || Math.abs(d.getAsDouble()) > 9e15) {
            return OptionalLong.empty();
        }
        return OptionalLong.of((long) d.getAsDouble());
    }

    /** An ISO-8601 time with offset, or null when absent or unparseable. */
    Instant time(JsonNode root, String path) {
        String t = text(root, path);
        return t.isEmpty() ? null : parseTime(t);
    }

    Instant requireTime(JsonNode root, String path) throws BadFinding {
        String t = requireText(root, path);
        Instant i = parseTime(t);
        if (i == null) {
            throw invalid(path, "is not an ISO-8601 time with a zone ('" + shorten(t) + "')");
        }
        return i;
    }

    static Instant parseTime(String t) {
        try {
            return OffsetDateTime.parse(t.strip()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(t.strip());
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    /** The string elements of an array field (other elements ignored); empty when absent or not an array. */
    List<String> texts(JsonNode root, String path) {
        JsonNode n = node(root, path);
        List<String> out = new ArrayList<>();
        if (n != null && n.isArray()) {
            for (JsonNode e : n) {
                if (e.isTextual() && !e.textValue().isBlank()) {
                    out.add(e.textValue());
                }
            }
        }
        return out;
    }

    /** The object elements of an array field; empty when absent or not an array. */
    List<JsonNode> objects(JsonNode root, String path) {
        JsonNode n = node(root, path);
        List<JsonNode> out = new ArrayList<>();
        if (n != null && n.isArray()) {
            for (JsonNode e : n) {
                if (e.isObject()) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    BadFinding missing(String path) {
        return new BadFinding("missing-field", formatName + " finding lacks the required field '" + path + "'");
    }

    BadFinding invalid(String path, String what) {
        return new BadFinding("invalid-field", formatName + " finding's field '" + path + "' " + what);
    }

    static String kind(JsonNode n) {
        return switch (n.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case STRING -> "a string";
            default -> "null";
        };
    }

    /** Quotes at most 80 characters of a hostile value in a message. */
    static String shorten(String s) {
        String t = s.length() > 80 ? s.substring(0, 80) + "…" : s;
        StringBuilder b = new StringBuilder(t.length());
        t.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return b.toString();
    }
}
