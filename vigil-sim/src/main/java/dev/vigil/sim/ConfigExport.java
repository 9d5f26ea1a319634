package dev.vigil.sim;



import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

import static dev.vigil.sim.Json.obj;

/**
 * Writes the AWS Config files the organisation's delivery channel would have put in its bucket, under
 * {@code config/}: one configuration snapshot per account and recording region, taken just before the end of the
 * period, and the history files for the resource types that changed during it (with the earlier history file that
 * holds each changed resource's previous item). Keys follow Config's layout, with
 * month and day folders not zero-padded:
 * <pre>
 * config/AWSLogs/ACCOUNT/Config/REGION/YYYY/M/D/ConfigSnapshot/ACCOUNT_Config_REGION_ConfigSnapshot_YYYYMMDDTHHMMSSZ_UUID.json.gz
 * config/AWSLogs/ACCOUNT/Config/REGION/YYYY/M/D/ConfigHistory/ACCOUNT_Config_REGION_ConfigHistory_TYPE_START_END_1.json.gz
 * </pre>
 * A region whose recorder is stopped gets no snapshot. Files are gzip JSON, one file at a time.
 */
final class ConfigExport {

    static final String DIRECTORY = "config";
    private static final long SALT = 0x636f6e666967L;
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    /** Snapshots are delivered this long before the end of the period. */
    static final long SNAPSHOT_LEAD_MILLIS = 15 * 60_000L;
    /** Config delivers history files every six hours, each holding the items captured in its window. */
    static final long HISTORY_WINDOW_MILLIS = 6 * 3_600_000L;

    private ConfigExport() {
    }

    /** Writes the snapshot and history files; returns them in writing order. */
    static List<Path> write(Path outDir, PostureOrg org, long seed) {
        Ids ids = new Ids(Ids.mix(seed, SALT));
        ConfigItems items = new ConfigItems(org);
        Map<String, List<ConfigItem>> byScope = new LinkedHashMap<>();
        for (String account : org.estate().accounts().stream().map(Estate.Account::id).toList()) {
            for (String region : org.regions()) {
                if (!new PostureOrg.Scope(account, region).equals(org.faults().configStopped())) {
                    byScope.put(account + "/" + region, new ArrayList<>());
                }
            }
        }
        for (ConfigItem item : items.snapshot()) {
            byScope.computeIfAbsent(item.account() + "/" + item.region(), k -> new ArrayList<>()).add(item);
        }
        long snapshotAt = (org.endMillis() - SNAPSHOT_LEAD_MILLIS) / 1000 * 1000;
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, List<ConfigItem>> scope : byScope.entrySet()) {
            String account = scope.getKey().substring(0, scope.getKey().indexOf('/'));
            String region = scope.getKey().substring(scope.getKey().indexOf('/') + 1);
            String snapshotId = ids.uuid();
            String name = account + "_Config_" + region + "_ConfigSnapshot_" + STAMP.format(Instant.ofEpochMilli(snapshotAt))
                    + "_" + snapshotId + ".json.gz";
            Path file = folder(outDir, account, region, snapshotAt, "ConfigSnapshot").resolve(name);
            List<Object> bodies = scope.getValue().stream().map(i -> (Object) i.body()).toList();
            gzip(file, obj("fileVersion", "1.0", "configSnapshotId", snapshotId, "configurationItems", bodies));
            written.add(file);
        }
        written.addAll(history(outDir, org, items.history()));
        return written;
    }

    /**
     * The history files. Config delivers a history file per resource type every six hours, holding the items it
     * captured in those six hours; the simulated period's items go into one file per account, region and type
     * covering the period. A changed resource's earlier item, captured before the period (when it was
     * created), is not in the period's file: Config delivered it long ago, in the six-hour file of the day it was
     * captured, and that delivery is still in the bucket. So it is written as that file, under that day's
     * folder, with that window in its name. Without it a reader of the period sees each changed resource appear
     * out of nowhere (a creation) instead of changing, and cannot tell what it looked like before.
     */
    private static List<Path> history(Path outDir, PostureOrg org, List<ConfigItem> items) {
        long deliveredAt = (org.endMillis() - SNAPSHOT_LEAD_MILLIS) / 1000 * 1000;
        Map<String, List<ConfigItem>> byFile = new TreeMap<>();
        for (ConfigItem item : items) {
            long from = item.captureMillis() >= org.startMillis() ? org.startMillis()
                    : Math.floorDiv(item.captureMillis(), HISTORY_WINDOW_MILLIS) * HISTORY_WINDOW_MILLIS;
            long to = from == org.startMillis() ? deliveredAt : from + HISTORY_WINDOW_MILLIS;
            String fileKey = item.account() + "|" + item.region() + "|" + item.type() + "|"
                    + String.format(Locale.ROOT, "%015d|%015d", from, to);
            byFile.computeIfAbsent(fileKey, k -> new ArrayList<>()).add(item);
        }
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, List<ConfigItem>> e : byFile.entrySet()) {
            String[] parts = e.getKey().split("\\|");
            long from = Long.parseLong(parts[3]);
            long to = Long.parseLong(parts[4]);
            String name = parts[0] + "_Config_" + parts[1] + "_ConfigHistory_" + parts[2] + "_"
                    + STAMP.format(Instant.ofEpochMilli(from)) + "_" + STAMP.format(Instant.ofEpochMilli(to))
                    + "_1.json.gz";
            // an earlier window's file was delivered just after its window closed
            long delivered = to == deliveredAt ? deliveredAt : to + SNAPSHOT_LEAD_MILLIS;
            Path file = folder(outDir, parts[0], parts[1], delivered, "ConfigHistory").resolve(name);
            List<Object> bodies = e.getValue().stream().map(i -> (Object) i.body()).toList();
            gzip(file, obj("fileVersion", "1.0", "configurationItems", bodies));
            written.add(file);
        }
        return written;
    }

    private static Path folder(Path outDir, String account, String region, long millis, String kind) {
        ZonedDateTime t = Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC);
        return outDir.resolve(DIRECTORY).resolve("AWSLogs").resolve(account).resolve("Config").resolve(region)
                .resolve(Integer.toString(t.getYear())).resolve(Integer.toString(t.getMonthValue()))
                .resolve(Integer.toString(t.getDayOfMonth())).resolve(kind);
    }

    private static void gzip(Path file, Object body) {
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                out.write(TreeJson.compact(body));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the Config export " + file + ": " + e.getMessage(), e);
        }
    }
}
