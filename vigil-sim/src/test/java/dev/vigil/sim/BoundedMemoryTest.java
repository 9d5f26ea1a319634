package dev.vigil.sim;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Memory does not grow with the number of events: the delivery writer holds a fixed number of open files
 * with a small reservoir each, whatever the volume; the flow-log writer holds one 5-minute window.
 */
class BoundedMemoryTest {

    @Test
    void bufferedRecordsStayCappedWhileHundredsOfThousandsAreWritten(@TempDir Path dir) {
        EstateSimulator.DeliveryStats stats = new EstateSimulator.DeliveryStats();
        SimulationResult result = EstateSimulator.writeMeasured(dir,
                EstateSimulator.Options.defaults().withEvents(300_000), stats);
        assertThat(result.events()).isEqualTo(300_000);
        // at most five delivery windows per account and region are ever open (6 accounts x 3 regions)
        assertThat(stats.peakOpenFiles).isPositive().isLessThanOrEqualTo(6 * 3 * 5);
        assertThat(stats.peakBufferedRecords).isLessThanOrEqualTo(stats.peakOpenFiles * DeliveryWriter.RESERVOIR)
                .isLessThan(1_500);
        // flow logs: only the current 5-minute window is held, about 1/288 of the day's 300 000 benign records
        assertThat(result.flowRecords()).isGreaterThan(300_000);
        assertThat(stats.peakFlowWindowRecords).isPositive().isLessThan(6_000);
    }
}
