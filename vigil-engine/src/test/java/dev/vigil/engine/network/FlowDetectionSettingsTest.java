package dev.vigil.engine.network;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FlowDetectionSettingsTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        FlowDetectionSettings d = FlowDetectionSettings.defaults();
        assertEquals(Duration.ofMinutes(10), d.scanWindow());
        assertEquals(Duration.ofHours(1), d.volumeWindow());
        assertEquals(Duration.ofDays(7), d.learningPeriod());
        assertEquals(25, d.portscanMinPorts());
        assertEquals(Set.of(22), d.sshPorts());
        assertEquals(49, d.evidenceFlows());
        assertTrue(d.evidenceText());
    }

    @Test
    void aFileOverridesTheKeysItNames(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("network.yaml");
        Files.writeString(file, """
                # thresholds for the lab VPC
                scan-window: PT5M
                learning-period: PT8H
                portscan:
                  min-ports: 40
                brute-force:
                  ssh-ports: [22, 2222]
                volume:
                  factor: 4
                """);
        FlowDetectionSettings s = FlowDetectionSettings.load(file);
        assertEquals(Duration.ofMinutes(5), s.scanWindow());
        assertEquals(Duration.ofHours(8), s.learningPeriod());
        assertEquals(40, s.portscanMinPorts());
        assertEquals(Set.of(22, 2222), s.sshPorts());
        assertEquals(4.0, s.volumeFactor());
        assertEquals(25, s.portSweepMinHosts());
    }

    @Test
    void theLearningPeriodCanBeOverriddenAndTheRestStays() throws Exception {
        FlowDetectionSettings file = FlowDetectionSettings.parse("f", "portscan:\n  min-ports: 40\n");
        FlowDetectionSettings demo = file.withLearningPeriod(Duration.ofHours(8));
        assertEquals(Duration.ofHours(8), demo.learningPeriod());
        assertEquals(40, demo.portscanMinPorts());
        assertEquals(file, demo.withLearningPeriod(Duration.ofDays(7)));
        assertEquals(FlowDetectionSettings.defaults(),
                FlowDetectionSettings.defaults().withLearningPeriod(Duration.ofDays(7)));
    }

    @Test
    void anEmptyFileIsTheDefaults() throws Exception {
        assertEquals(FlowDetectionSettings.defaults(), FlowDetectionSettings.parse("empty.yaml", "# nothing\n"));
    }

    @Test
    void unknownKeysAndBadValuesNameTheLine() {
        FlowSettingsException unknown = assertThrows(FlowSettingsException.class,
                () -> FlowDetectionSettings.parse("n.yaml", "scan-window: PT5M\nportscan:\n  min-port: 3\n"));
        assertEquals("n.yaml#line 3", unknown.location());
        assertTrue(unknown.getMessage().contains("unknown key 'portscan.min-port'"), unknown.getMessage());
        FlowSettingsException duration = assertThrows(FlowSettingsException.class,
                () -> FlowDetectionSettings.parse("n.yaml", "\nlearning-period: 7 days\n"));
        assertEquals("n.yaml#line 2", duration.location());
        assertTrue(duration.getMessage().contains("ISO-8601"), duration.getMessage());
        FlowSettingsException port = assertThrows(FlowSettingsException.class,
                () -> FlowDetectionSettings.parse("n.yaml", "brute-force:\n  ssh-ports: [22, 70000]\n"));
        assertEquals("n.yaml#line 2", port.location());
        FlowSettingsException section = assertThrows(FlowSettingsException.class,
                () -> FlowDetectionSettings.parse("n.yaml", "portscans:\n  min-ports: 3\n"));
        assertTrue(section.getMessage().contains("unknown section"), section.getMessage());
        assertThrows(FlowSettingsException.class,
                () -> FlowDetectionSettings.parse("n.yaml", "portscan:\n  min-ports: many\n"));
        assertThrows(FlowSettingsException.class,
                () -> FlowDetectionSettings.parse("n.yaml", "[1, 2]\n"));
        assertThrows(FlowSettingsException.class,
                () -> FlowDetectionSettings.parse("n.yaml", "evidence-text: 3\n"));
        assertThrows(FlowSettingsException.class,
                () -> FlowDetectionSettings.parse("n.yaml", "a: &x 1\nscan-window: *x\n"));
    }

    @Test
    void inconsistentValuesAreRefusedWithTheFix() {
        FlowSettingsException e = assertThrows(FlowSettingsException.class,
                () -> FlowDetectionSettings.parse("n.yaml", "limits:\n  max-distinct: 16\n"));
        assertTrue(e.getMessage().contains("max-distinct"), e.getMessage());
    }

    @Test
    void aMissingFileSaysSo(@TempDir Path dir) {
        FlowSettingsException e = assertThrows(FlowSettingsException.class,
                () -> FlowDetectionSettings.load(dir.resolve("absent.yaml")));
        assertTrue(e.getMessage().contains("cannot read"), e.getMessage());
    }
}
