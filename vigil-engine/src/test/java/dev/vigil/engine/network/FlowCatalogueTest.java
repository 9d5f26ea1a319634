package dev.vigil.engine.network;

import dev.vigil.model.DetectionInfo;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FlowCatalogueTest {

    private static final Path DOC = Path.of("..", "docs", "network-detections.md");

    @Test
    void everyDetectionIsCompleteAndUnique() {
        List<DetectionInfo> all = new FlowDetections(FlowDetectionSettings.defaults(),
                dev.vigil.engine.intel.IpReputation.NONE, NetworkPolicy.NONE).detections();
        assertEquals(26, all.size());
        Set<String> ids = new HashSet<>();
        for (DetectionInfo d : all) {
            assertTrue(ids.add(d.id()), d.id());
            assertTrue(d.id().matches("vigil-net-[a-z0-9-]+"), d.id());
            assertFalse(d.attack().isEmpty(), d.id());
            assertEquals(1, d.types().size(), d.id());
            assertTrue(d.description().length() > 80, d.id());
        }
    }

    @Test
    void theDocumentationNamesEveryDetectionAndEverySetting() throws Exception {
        String doc = Files.readString(DOC);
        for (DetectionInfo d : FlowCatalogue.all()) {
            String shortId = d.id().replaceFirst("^vigil-net-dos-.*", "vigil-net-dos-");
            assertTrue(doc.contains(shortId), d.id() + " is not in " + DOC);
            assertTrue(doc.contains(d.types().get(0).replaceFirst("DenialOfService\\..*", "DenialOfService")),
                    d.types().get(0));
        }
        for (String key : FlowDetectionSettings.KEYS.keySet()) {
            String leaf = key.substring(key.lastIndexOf('.') + 1);
            assertTrue(doc.contains(leaf + ":"), key + " is not in the settings example of " + DOC);
        }
    }
}
