package dev.vigil.sim;

import dev.vigil.sim.Json.Obj;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.vigil.sim.Json.list;
import static dev.vigil.sim.Json.obj;

/**
 * One AWS Config configuration item (version 1.3) as Config writes it into its S3 files, with the account and
 * region whose snapshot holds it and the time it was captured. {@link #of} lays out the common fields in Config's
 * order: {@code ARN} in upper case, {@code configurationStateId} as a number, empty {@code relatedEvents} and
 * {@code configurationStateMd5Hash}; IAM's {@code global} items go into the home region's snapshot.
 *
 * @param region the snapshot's region (the home region for global items)
 */
record ConfigItem(String account, String region, String type, String id, long captureMillis, Obj body) {

    private static final DateTimeFormatter CI_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** Config's timestamp format: {@code 2026-10-01T23:45:00.000Z}. */
    static String time(long millis) {
        return CI_TIME.format(Instant.ofEpochMilli(millis));
    }

    /** Config captures a new resource about a minute and a half after it is created. */
    static long captured(long created) {
        return created + 90_000L;
    }

    static Obj relationship(String type, String id, String name) {
        return obj("resourceId", id, "resourceType", type, "name", name);
    }

    /** EC2-style tags: {@code [{"key":…,"value":…}]}. */
    static List<Obj> tagList(Map<String, String> tags) {
        List<Obj> out = new ArrayList<>();
        tags.forEach((k, v) -> out.add(obj("key", k, "value", v)));
        return out;
    }

    /** A string map as an ordered JSON object. */
    static Obj stringMap(Map<String, String> m) {
        Object[] kv = new Object[m.size() * 2];
        int i = 0;
        for (Map.Entry<String, String> e : m.entrySet()) {
            kv[i++] = e.getKey();
            kv[i++] = e.getValue();
        }
        return obj(kv);
    }

    static ConfigItem of(String type, String id, String name, String arn, String account, String region, String az,
                        long created, long capture, Map<String, String> tags, List<Obj> relationships,
                        Obj configuration,
                        Obj supplementary) {
        List<Object> kv = new ArrayList<>(List.of(
                "relatedEvents", list(), "relationships", List.copyOf(relationships),
                "configuration", configuration, "supplementaryConfiguration", supplementary,
                "tags", stringMap(tags), "configurationItemVersion", "1.3",
                "configurationItemCaptureTime", time(capture), "configurationStateId", capture,
                "awsAccountId", account, "configurationItemStatus", "OK", "resourceType", type,
                "resourceId", id, "resourceName", name));
        if (arn != null) {
            kv.add("ARN");
            kv.add(arn);
        }
        kv.addAll(List.of("awsRegion", region, "availabilityZone", az, "configurationStateMd5Hash", "",
                "resourceCreationTime", time(created)));
        Obj body = obj(kv.toArray());
        return new ConfigItem(account, region.equals("global") ? Estate.HOME_REGION : region, type, id, capture, body);
    }
}
