package dev.vigil.posture.check.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code cloudtrail get-event-selectors} response: which management and S3 data events a trail logs.
 * Both shapes are handled: basic {@code EventSelectors} (ReadWriteType, IncludeManagementEvents, DataResources) and
 * {@code AdvancedEventSelectors} (FieldSelectors on eventCategory, readOnly, resources.type, resources.ARN).
 */
final class EventSelectors {

    /** Which halves of a kind of event are logged. */
    record Coverage(boolean reads, boolean writes) {
        static final Coverage NONE = new Coverage(false, false);

        Coverage or(Coverage other) {
            return new Coverage(reads || other.reads, writes || other.writes);
        }

        boolean complete() {
            return reads && writes;
        }

        String describe() {
            return complete() ? "read and write" : reads ? "read-only" : writes ? "write-only" : "no";
        }
    }

    private EventSelectors() {
    }

    /** Management events logged by the trail. */
    static Coverage management(JsonNode body) {
        Coverage c = Coverage.NONE;
        for (JsonNode s : body.path("EventSelectors")) {
            JsonNode include = s.path("IncludeManagementEvents");
            // The API default is true; only an explicit false (or a non-boolean) turns management events off.
            boolean includes = include.isMissingNode() || include.isNull() || Trail.flag(include);
            if (includes) {
                c = c.or(readWrite(Trail.text(s.path("ReadWriteType"))));
            }
        }
        for (JsonNode s : body.path("AdvancedEventSelectors")) {
            List<JsonNode> fields = fields(s);
            if (equalsAny(fields, "eventCategory", "Management")) {
                c = c.or(readOnly(fields));
            }
        }
        return c;
    }

    /** S3 object data events logged for the bucket ({@code *} asks for a selector covering every bucket). */
    static Coverage s3Data(JsonNode body, String bucket) {
        Coverage c = Coverage.NONE;
        for (JsonNode s : body.path("EventSelectors")) {
            for (JsonNode r : s.path("DataResources")) {
                if (!Trail.text(r.path("Type")).equals("AWS::S3::Object")) {
                    continue;
                }
                for (JsonNode v : r.path("Values")) {
                    if (coversBucket(Trail.text(v), bucket)) {
                        c = c.or(readWrite(Trail.text(s.path("ReadWriteType"))));
                    }
                }
            }
        }
        for (JsonNode s : body.path("AdvancedEventSelectors")) {
            List<JsonNode> fields = fields(s);
            if (equalsAny(fields, "eventCategory", "Data") && equalsAny(fields, "resources.type", "AWS::S3::Object")
                    && arnFilterCovers(fields, bucket)) {
                c = c.or(readOnly(fields));
            }
        }
        return c;
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
        List<JsonNode> arnFields = fields.stream().filter(f -> Trail.text(f.path("Field")).equals("resources.ARN")).toList();
        if (arnFields.isEmpty()) {
            return true;
        }
        if (bucket.equals("*")) {
            return false;
        }
        for (JsonNode f : arnFields) {
            for (String op : List.of("StartsWith", "Equals")) {
                for (JsonNode v : f.path(op)) {
                    String value = Trail.text(v);
                    if (value.equals("arn:aws:s3:::" + bucket + "/") || value.equals("arn:aws:s3:::" + bucket)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static Coverage readWrite(String type) {
        return switch (type) {
            case "", "All" -> new Coverage(true, true);
            case "ReadOnly" -> new Coverage(true, false);
            case "WriteOnly" -> new Coverage(false, true);
            default -> Coverage.NONE;
        };
    }

    /** An advanced selector's readOnly field: absent = both; Equals ["true"] = reads; ["false"] = writes. */
    private static Coverage readOnly(List<JsonNode> fields) {
        Coverage c = null;
        for (JsonNode f : fields) {
            if (!Trail.text(f.path("Field")).equals("readOnly")) {
                continue;
            }
            Coverage here = Coverage.NONE;
            for (JsonNode v : f.path("Equals")) {
                here = here.or(Trail.text(v).equalsIgnoreCase("true") ? new Coverage(true, false)
                        : Trail.text(v).equalsIgnoreCase("false") ? new Coverage(false, true) : Coverage.NONE);
            }
            for (JsonNode v : f.path("NotEquals")) {
                here = here.or(Trail.text(v).equalsIgnoreCase("true") ? new Coverage(false, true)
                        : Trail.text(v).equalsIgnoreCase("false") ? new Coverage(true, false) : Coverage.NONE);
            }
            c = c == null ? here : new Coverage(c.reads && here.reads, c.writes && here.writes);
        }
        return c == null ? new Coverage(true, true) : c;
    }

    private static List<JsonNode> fields(JsonNode selector) {
        List<JsonNode> out = new ArrayList<>();
        selector.path("FieldSelectors").forEach(f -> { if (f.isObject()) out.add(f); });
        return out;
    }

    private static boolean equalsAny(List<JsonNode> fields, String field, String value) {
        for (JsonNode f : fields) {
            if (Trail.text(f.path("Field")).equals(field)) {
                for (JsonNode v : f.path("Equals")) {
                    if (Trail.text(v).equals(value)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
