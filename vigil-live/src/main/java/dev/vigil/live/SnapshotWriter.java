package dev.vigil.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.posture.supplement.SupplementDoc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Saves a live run as offline files, so a later {@code vigil posture DIR} reads exactly what was collected:
 * <ul>
 *   <li>one AWS Config snapshot file per account and region, at the path Config itself delivers to
 *       ({@code AWSLogs/<ACCOUNT>/Config/<REGION>/<Y>/<M>/<D>/ConfigSnapshot/<ACCOUNT>_Config_<REGION>_ConfigSnapshot_<TIME>_vigil-live.json});</li>
 *   <li>the root user's CloudTrail events (from the event history) as one CloudTrail log file per account and
 *       region, {@code AWSLogs/<ACCOUNT>/CloudTrail/<REGION>/<Y>/<MM>/<DD>/…_vigil-live-root-events.json};</li>
 *   <li>every supplement document at {@code supplementary/<ACCOUNT>/<REGION>/<service>.<operation>[.<subject>].json},
 *       Error documents included (a later run must still say ERROR for them).</li>
 * </ul>
 * Names come from API data (trail names, key ids), so a name that is not a plain file-name part is not written and
 * is listed in the returned skips rather than risking a path outside the folder.
 */
public final class SnapshotWriter {

    private static final Pattern SAFE_PART = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@+=,-]{0,200}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private SnapshotWriter() {
    }

    /**
     * Writes {@code collection} below {@code folder} (created if needed), dated {@code capturedAt}.
     *
     * @return the documents or regions not written, one sentence each (normally empty)
     */
    public static List<String> write(LiveCollection collection, Path folder, Instant capturedAt) throws IOException {
        List<String> skipped = new ArrayList<>();
        ZonedDateTime at = capturedAt.atZone(ZoneOffset.UTC);
        for (LiveCollection.RegionItems region : collection.configItems()) {
            if (!safe(region.account()) || !safe(region.region())) {
                skipped.add("Config items of " + region.account() + "/" + region.region() + ": unsafe name");
                continue;
            }
            Path dir = folder.resolve(Path.of("AWSLogs", region.account(), "Config", region.region(),
                    Integer.toString(at.getYear()), Integer.toString(at.getMonthValue()),
                    Integer.toString(at.getDayOfMonth()), "ConfigSnapshot"));
            String name = region.account() + "_Config_" + region.region() + "_ConfigSnapshot_" + STAMP.format(at)
                    + "_vigil-live.json";
            ObjectNode snapshot = CliJsonNodes.object();
            snapshot.put("fileVersion", "1.0");
            snapshot.put("configSnapshotId", "vigil-live-" + STAMP.format(at));
            ArrayNode items = snapshot.putArray("configurationItems");
            region.items().forEach(items::add);
            writeJson(dir.resolve(name), snapshot);
            if (!region.rootEvents().isEmpty()) {
                Path trailDir = folder.resolve(Path.of("AWSLogs", region.account(), "CloudTrail", region.region(),
                        Integer.toString(at.getYear()), String.format("%02d", at.getMonthValue()),
                        String.format("%02d", at.getDayOfMonth())));
                ObjectNode log = CliJsonNodes.object();
                ArrayNode records = log.putArray("Records");
                region.rootEvents().forEach(records::add);
                writeJson(trailDir.resolve(region.account() + "_CloudTrail_" + region.region() + "_"
                        + STAMP.format(at) + "_vigil-live-root-events.json"), log);
            }
        }
        for (SupplementDoc doc : collection.documents()) {
            if (!safe(doc.account()) || !safe(doc.region()) || !safe(doc.service()) || !safe(doc.operation())
                    || !(doc.subject().isEmpty() || safe(doc.subject()))) {
                skipped.add(doc.service() + "." + doc.operation() + " for " + doc.account() + "/" + doc.region()
                        + ": its subject is not a safe file name, so it was not saved");
                continue;
            }
            writeJson(folder.resolve("supplementary").resolve(SupplementPaths.relative(doc)), doc.body());
        }
        return skipped;
    }

    private static boolean safe(String part) {
        return SAFE_PART.matcher(part).matches() && !part.contains("..");
    }

    private static void writeJson(Path file, JsonNode body) throws IOException {
        Files.createDirectories(file.getParent());
        CliJsonNodes.JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), body);
    }
}
