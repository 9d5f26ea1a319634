package dev.vigil.cli;

import dev.vigil.engine.apithreat.ApiThreatDetections;
import dev.vigil.engine.baseline.BaselineSettings;
import dev.vigil.engine.baseline.BaselineSnapshot;
import dev.vigil.engine.baseline.BehaviourBaselines;
import dev.vigil.engine.intel.IpReputation;
import dev.vigil.engine.network.FlowDetectionSettings;
import dev.vigil.engine.network.FlowDetections;
import dev.vigil.engine.network.NetworkPolicy;
import dev.vigil.model.DetectionInfo;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/detections.md must list every detection the stateful detectors can raise, with its GuardDuty type. */
class DetectionsDocTest {

    @Test
    void everyStatefulDetectionIsListedWithItsType() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "detections.md"));
        List<DetectionInfo> all = new ArrayList<>();
        all.addAll(new FlowDetections(FlowDetectionSettings.defaults(), IpReputation.NONE, NetworkPolicy.NONE)
                .detections());
        all.addAll(new ApiThreatDetections(null, null, null).detections());
        all.addAll(new BehaviourBaselines(BaselineSettings.defaults(), BaselineSnapshot.EMPTY).detections());
        assertThat(all).hasSizeGreaterThan(40);
        for (DetectionInfo d : all) {
            assertThat(doc).as("docs/detections.md names %s", d.id()).contains("`" + d.id() + "`");
            for (String type : d.types()) {
                if (type.contains(":")) { // GuardDuty-style types; ASFF-only ones are described in words
                    String family = type.substring(0, type.lastIndexOf('/') + 1);
                    assertThat(doc).as("docs/detections.md names the type of %s", d.id()).contains(family);
                }
            }
        }
    }
}
