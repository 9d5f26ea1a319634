package dev.vigil.posture.check;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a {@code cloudtrail get-event-selectors} response: which management and S3 data events a trail logs. Shared
 * by the CloudTrail checks (is every management event logged? are a bucket's data events logged?) and the CloudWatch
 * monitoring checks (does the trail log the events a metric filter must count?).
 *
 * <p>Both shapes are read: basic {@code EventSelectors} (ReadWriteType, IncludeManagementEvents,
 * ExcludeManagementEventSources, DataResources) and {@code AdvancedEventSelectors} (FieldSelectors). The reading
 * errs towards "not logged": an advanced field this class does not model (eventName, userIdentity.arn, …), or a
 * negative or suffix condition on resources.ARN, makes its selector partial, so it never counts as complete
 * coverage. A selector that logs only reads (ReadWriteType ReadOnly, {@code readOnly} Equals true) leaves writes out.
 */
public final class EventSelectors {

    /** Which halves of a kind of event are logged. */
    public record Coverage(boolean reads, boolean writes) {
        public static final Coverage NONE = new Coverage(false, false);
        public static final Coverage ALL = new Coverage(true, true);

        public Coverage or(Coverage other) {
            return new Coverage(reads || other.reads, writes || other.writes);
        }

        public boolean complete() {
            return reads && writes;
        }

        /** "read and write", "read-only", "write-only" or "no". */
        public String describe() {
            return complete() ? "read and write" : reads ? "read-only" : writes ? "write-only" : "no";
        }
    }

    /**
     * Management events logged: {@code unrestricted} is what selectors without any narrowing condition log, from
     * every service; {@code limits} says how the other management selectors are narrowed, for reasons.
     */
    public record Management(Coverage unrestricted, List<String> limits) {
        public Management {
            limits = List.copyOf(limits);
        }

        public boolean complete() {
            return unrestricted.complete();
        }

        /** Why management coverage is incomplete, as a clause for a reason; empty when complete. */
        public String gap() {
            if (complete()) {
                return "";
            }
            List<String> parts = new ArrayList<>();
            if (unrestricted.equals(Coverage.NONE)) {
                parts.add(limits.isEmpty() ? "no management events are logged" : "no selector logs every service's management events");
            } else {
                parts.add("only " + unrestricted.describe() + " management events are logged");
            }
            parts.addAll(limits);
            return String.join("; ", parts);
        }
    }

    /** Advanced fields a management selector may use without this class treating it as narrowed. */
    private static final Set<String> MANAGEMENT_FIELDS = Set.of("eventCategory", "readOnly");
    /** Advanced fields an S3 data selector may use ({@code resources.ARN} only with Equals or StartsWith). */
    private static final Set<String> DATA_FIELDS = Set.of("eventCategory", "readOnly", "resources.type", "resources.ARN");
    private static final List<String> OPERATORS = List.of("Equals", "StartsWith", "EndsWith", "NotEquals",
            "NotStartsWith", "NotEndsWith");

    private EventSelectors() {
    }

    /** Management events logged by the trail, from every service or narrowed. */
    public static Management management(JsonNode body) {
        Coverage unrestricted = Coverage.NONE;
        List<String> limits = new ArrayList<>();
        for (JsonNode s : body.path("EventSelectors")) {
            if (!includesManagement(s)) {
                continue;
            }
            Coverage kinds = readWrite(text(s.path("ReadWriteType")));
            List<String> excluded = strings(s.path("ExcludeManagementEventSources"));
            if (excluded.isEmpty()) {
                unrestricted = unrestricted.or(kinds);
            } else {
                limits.add("a selector excludes management events from " + Verdicts.clip(String.join(", ", excluded)));
            }
        }
        for (JsonNode s : body.path("AdvancedEventSelectors")) {
            List<JsonNode> fields = fields(s);
            if (!equalsAny(fields, "eventCategory", "Management")) {
                continue;
            }
            List<String> narrowing = new ArrayList<>();
            for (JsonNode f : fields) {
                if (!MANAGEMENT_FIELDS.contains(text(f.path("Field")))) {
                    narrowing.add(describe(f));
                }
            }
            if (narrowing.isEmpty()) {
                unrestricted = unrestricted.or(readOnly(fields));
            } else {
                limits.add("a selector logs only management events with " + Verdicts.clip(String.join(" and ", narrowing)));
            }
        }
        return new Management(unrestricted, limits);
    }

    /**
     * Management events from one service ({@code iam.amazonaws.com}) that the trail logs: selectors that leave the
     * service out, or narrow on anything but the service and read/write, do not count.
     */
    public static Coverage managementFrom(JsonNode body, String eventSource) {
        Coverage c = Coverage.NONE;
        for (JsonNode s : body.path("EventSelectors")) {
            if (includesManagement(s) && !strings(s.path("ExcludeManagementEventSources")).contains(eventSource)) {
                c = c.or(readWrite(text(s.path("ReadWriteType"))));
            }
        }
        for (JsonNode s : body.path("AdvancedEventSelectors")) {
            List<JsonNode> fields = fields(s);
            if (!equalsAny(fields, "eventCategory", "Management")) {
                continue;
            }
            boolean counts = true;
            for (JsonNode f : fields) {
                String name = text(f.path("Field"));
                if (name.equals("eventSource")) {
                    counts &= matches(f, eventSource);
                } else if (!MANAGEMENT_FIELDS.contains(name)) {
                    counts = false;
                }
            }
            if (counts) {
                c = c.or(readOnly(fields));
            }
        }
        return c;
    }

    /** S3 object data events logged for the bucket ({@code *} asks for a selector covering every bucket). */
    public static Coverage s3Data(JsonNode body, String bucket) {
        Coverage c = Coverage.NONE;
        for (JsonNode s : body.path("EventSelectors")) {
            for (JsonNode r : s.path("DataResources")) {
                if (!text(r.path("Type")).equals("AWS::S3::Object")) {
                    continue;
                }
                for (JsonNode v : r.path("Values")) {
                    if (coversBucket(text(v), bucket)) {
                        c = c.or(readWrite(text(s.path("ReadWriteType"))));
                    }
                }
            }
        }
        for (JsonNode s : body.path("AdvancedEventSelectors")) {
            List<JsonNode> fields = fields(s);
            if (selectsS3Objects(fields) && arnFilterCovers(fields, bucket) && dataNarrowing(fields).isEmpty()) {
                c = c.or(readOnly(fields));
            }
        }
        return c;
    }

    /** How S3 object data selectors that would otherwise cover the bucket are narrowed, for reasons. */
    public static List<String> s3DataLimits(JsonNode body, String bucket) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : body.path("AdvancedEventSelectors")) {
            List<JsonNode> fields = fields(s);
            List<String> narrowing = dataNarrowing(fields);
            // Only selectors that would cover the bucket but for the narrowing: an ARN field with no positive
            // condition (only NotStartsWith, say) would.
            boolean onlyNegativeArn = fields.stream().filter(f -> text(f.path("Field")).equals("resources.ARN"))
                    .noneMatch(f -> f.has("Equals") || f.has("StartsWith"));
            if (selectsS3Objects(fields) && !narrowing.isEmpty() && (arnFilterCovers(fields, bucket) || onlyNegativeArn)) {
                out.add("a selector logs only data events with " + Verdicts.clip(String.join(" and ", narrowing)));
            }
        }
        return out;
    }

    private static boolean selectsS3Objects(List<JsonNode> fields) {
        return equalsAny(fields, "eventCategory", "Data") && equalsAny(fields, "resources.type", "AWS::S3::Object");
    }

    /** Conditions of an S3 data selector that narrow it below "every object call on the bucket". */
    private static List<String> dataNarrowing(List<JsonNode> fields) {
        List<String> out = new ArrayList<>();
        for (JsonNode f : fields) {
            String name = text(f.path("Field"));
            boolean arnOnlyPositive = name.equals("resources.ARN")
                    && OPERATORS.stream().filter(op -> !op.equals("Equals") && !op.equals("StartsWith"))
                    .noneMatch(op -> f.has(op));
            if (!DATA_FIELDS.contains(name) || (name.equals("resources.ARN") && !arnOnlyPositive)) {
                out.add(describe(f));
            }
        }
        return out;
    }

    private static boolean includesManagement(JsonNode basicSelector) {
        JsonNode include = basicSelector.path("IncludeManagementEvents");
        // The API default is true; only an explicit false (or a non-boolean) turns management events off.
        return include.isMissingNode() || include.isNull() || flag(include);
    }

    /** A basic DataResources value: {@code arn:aws:s3} or {@code arn:aws:s3:::} = all buckets; else bucket/prefix. */
    private static boolean coversBucket(String value, String bucket) {
        if (value.equals("arn:aws:s3") || value.equals("arn:aws:s3:::")) {
            return true;
        }
        if (bucket.equals("*")) {
            return false;
        }
        return value.equals("arn:aws:s3:::" + bucket + "/") || value.equals("arn:aws:s3:::" + bucket);
    }

    /** No resources.ARN selector = all buckets; else an Equals/StartsWith naming the bucket (whole bucket only). */
    private static boolean arnFilterCovers(List<JsonNode> fields, String bucket) {
        List<JsonNode> arnFields = fields.stream().filter(f -> text(f.path("Field")).equals("resources.ARN")).toList();
        if (arnFields.isEmpty()) {
            return true;
        }
        if (bucket.equals("*")) {
            return false;
        }
        for (JsonNode f : arnFields) {
            for (String op : List.of("StartsWith", "Equals")) {
                for (JsonNode v : f.path(op)) {
                    String value = text(v);
                    if (value.equals("arn:aws:s3:::" + bucket + "/") || value.equals("arn:aws:s3:::" + bucket)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Whether a value meets every condition of one field selector (values within an operator are alternatives). */
    private static boolean matches(JsonNode field, String value) {
        for (String op : OPERATORS) {
            if (!field.has(op)) {
                continue;
            }
            List<String> values = strings(field.path(op));
            boolean any = switch (op) {
                case "Equals", "NotEquals" -> values.contains(value);
                case "StartsWith", "NotStartsWith" -> values.stream().anyMatch(value::startsWith);
                default -> values.stream().anyMatch(value::endsWith);
            };
            if (op.startsWith("Not") == any) {
                return false;
            }
        }
        return true;
    }

    /** "eventName Equals GetObject", for reasons. */
    private static String describe(JsonNode field) {
        StringBuilder s = new StringBuilder(text(field.path("Field")));
        for (String op : OPERATORS) {
            if (field.has(op)) {
                s.append(' ').append(op).append(' ').append(String.join(", ", strings(field.path(op))));
            }
        }
        return s.toString();
    }

    private static Coverage readWrite(String type) {
        return switch (type) {
            case "", "All" -> Coverage.ALL;
            case "ReadOnly" -> new Coverage(true, false);
            case "WriteOnly" -> new Coverage(false, true);
            default -> Coverage.NONE;
        };
    }

    /** An advanced selector's readOnly field: absent = both; Equals ["true"] = reads; ["false"] = writes. */
    private static Coverage readOnly(List<JsonNode> fields) {
        Coverage c = null;
        for (JsonNode f : fields) {
            if (!text(f.path("Field")).equals("readOnly")) {
                continue;
            }
            Coverage here = Coverage.NONE;
            for (JsonNode v : f.path("Equals")) {
                here = here.or(text(v).equalsIgnoreCase("true") ? new Coverage(true, false)
                        : text(v).equalsIgnoreCase("false") ? new Coverage(false, true) : Coverage.NONE);
            }
            for (JsonNode v : f.path("NotEquals")) {
                here = here.or(text(v).equalsIgnoreCase("true") ? new Coverage(false, true)
                        : text(v).equalsIgnoreCase("false") ? new Coverage(true, false) : Coverage.NONE);
            }
            c = c == null ? here : new Coverage(c.reads() && here.reads(), c.writes() && here.writes());
        }
        return c == null ? Coverage.ALL : c;
    }

    private static List<JsonNode> fields(JsonNode selector) {
        List<JsonNode> out = new ArrayList<>();
        selector.path("FieldSelectors").forEach(f -> { if (f.isObject()) out.add(f); });
        return out;
    }

    private static boolean equalsAny(List<JsonNode> fields, String field, String value) {
        for (JsonNode f : fields) {
            if (text(f.path("Field")).equals(field) && strings(f.path("Equals")).contains(value)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array.isArray()) {
            array.forEach(v -> { if (!text(v).isEmpty()) out.add(text(v)); });
        }
        return out;
    }

    /** Text of a value, empty for null/missing/non-scalar (attacker-controlled data may use any type). */
    private static String text(JsonNode node) {
        return node != null && node.isValueNode() && !node.isNull() ? node.asText().strip() : "";
    }

    /** True only for a JSON true or the string "true". */
    private static boolean flag(JsonNode node) {
        return node != null && (node.isBoolean() ? node.asBoolean() : node.isTextual() && node.asText().equalsIgnoreCase("true"));
    }
}
