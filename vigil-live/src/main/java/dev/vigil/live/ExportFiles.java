package dev.vigil.live;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.posture.check.RootUse;
import dev.vigil.posture.inventory.Inventory;
import dev.vigil.posture.supplement.SupplementDoc;
import dev.vigil.posture.supplement.Supplements;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Reads the kinds of saved files this module writes, wherever they are stored (a folder, an S3 bucket): AWS Config
 * snapshot/history files ({@code configurationItems}, plain or gzip), supplementary exports named by the offline
 * convention, and CloudTrail log files (for root uses only). Everything else is reported as skipped. The full offline reader (CloudTrail logs, the other
 * configservice outputs, the posture policy) lives in the posture input package; this is the subset an auditor's
 * bucket of Config deliveries and saved live runs holds.
 */
public final class ExportFiles {

    private final Inventory inventory = new Inventory();
    private final Supplements supplements = new Supplements();
    private final List<RootUse> rootUses = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();

    /** Classifies and reads one file; {@code name} is its path or S3 key (used for the supplement convention). */
    public void read(String name, byte[] content) {
        Optional<SupplementPaths.Key> key = SupplementPaths.parse(name);
        JsonNode json;
        try {
            json = CliJsonNodes.JSON.readTree(gunzipIfNeeded(content));
        } catch (IOException broken) {
            skipped.add(name + ": not readable JSON (" + broken.getMessage() + ")");
            return;
        }
        if (key.isPresent() && json != null) {
            SupplementPaths.Key k = key.get();
            supplements.add(new SupplementDoc(k.account(), k.region(), k.service(), k.operation(), k.subject(), json,
                    name));
            return;
        }
        if (json != null && json.path("Records").isArray()) {
            json.path("Records").forEach(record -> RootActivityCalls.rootUse(record).ifPresent(rootUses::add));
            return;
        }
        if (json != null && json.path("configurationItems").isArray()) {
            int index = 0;
            for (JsonNode item : json.path("configurationItems")) {
                ConfigItems.toResource(item, name + "#" + index++).ifPresent(inventory::add);
            }
            return;
        }
        skipped.add(name + ": neither a Config snapshot/history file nor a supplementary/<ACCOUNT>/<REGION>/ export");
    }

    public Inventory inventory() {
        return inventory;
    }

    public Supplements supplements() {
        return supplements;
    }

    /** Uses of root users in the CloudTrail log files read, in reading order. */
    public List<RootUse> rootUses() {
        return List.copyOf(rootUses);
    }

    /** One line per skipped file: its name and why. */
    public List<String> skipped() {
        return List.copyOf(skipped);
    }

    private static byte[] gunzipIfNeeded(byte[] content) throws IOException {
        if (content.length < 2 || (content[0] & 0xff) != 0x1f || (content[1] & 0xff) != 0x8b) {
            return content;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(content))) {
            return in.readAllBytes();
        }
    }
}
