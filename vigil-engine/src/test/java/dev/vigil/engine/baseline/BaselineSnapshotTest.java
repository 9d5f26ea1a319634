package dev.vigil.engine.baseline;

import static dev.vigil.engine.baseline.Calls.ALICE;
import static dev.vigil.engine.baseline.Calls.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class BaselineSnapshotTest {

    private static BaselineSnapshot learned() {
        BehaviourBaselines d = new BehaviourBaselines(Runs.COPIED, BaselineSnapshot.EMPTY);
        Runs.run(d, Runs.plus(Runs.ordinary(ALICE, 10),
                call(Calls.BOB).at(Duration.ofDays(1)).ip("2001:db8:77::1").agent("Boto3/1.3").event()));
        return d.snapshot();
    }

    @Test
    void aSnapshotReadsBackAsItWasWritten() throws Exception {
        BaselineSnapshot s = learned();
        BaselineSnapshot back = BaselineSnapshot.fromBytes(s.toBytes());
        assertThat(back).isEqualTo(s);
        assertThat(back.principals()).isEqualTo(2);
        assertThat(BaselineSnapshot.fromBytes(BaselineSnapshot.EMPTY.toBytes()).principals()).isZero();
    }

    @Test
    void aSnapshotRestoredIntoANewRunWritesTheSameBytes() throws Exception {
        BaselineSnapshot s = learned();
        BehaviourBaselines next = new BehaviourBaselines(Runs.COPIED, BaselineSnapshot.fromBytes(s.toBytes()));
        Runs.run(next, java.util.List.of());
        assertThat(next.snapshot()).isEqualTo(s);
    }

    @Test
    void sketchesAndDroppedValuesSurviveTheRoundTrip() throws Exception {
        BaselineSettings tight = new BaselineSettings(Duration.ofDays(7), 3, 2, 20, 4.0, 30, 100_000_000L,
                dev.vigil.engine.EvidenceText.COPIED, AnomalyScoring.defaults());
        BehaviourBaselines d = new BehaviourBaselines(tight, BaselineSnapshot.EMPTY);
        Runs.run(d, ReplayTest.workload(9));
        BaselineSnapshot s = d.snapshot();
        BehaviourBaselines next = new BehaviourBaselines(tight, BaselineSnapshot.fromBytes(s.toBytes()));
        Runs.run(next, java.util.List.of());
        assertThat(next.snapshot()).isEqualTo(s);
        assertThat(s.principals()).isEqualTo(3);
    }

    @Test
    void aFlippedByteIsCaughtByTheChecksum() {
        byte[] b = learned().toBytes();
        b[b.length / 2] ^= 0x10;
        assertThatThrownBy(() -> BaselineSnapshot.fromBytes(b)).isInstanceOf(BaselineSnapshotException.class)
                .hasMessageContaining("corrupt (its checksum does not match)").hasMessageContaining("delete it");
    }

    @Test
    void truncatedOrForeignBytesAreRefused() {
        byte[] b = learned().toBytes();
        assertThatThrownBy(() -> BaselineSnapshot.fromBytes(java.util.Arrays.copyOf(b, b.length - 3)))
                .isInstanceOf(BaselineSnapshotException.class).hasMessageContaining("length");
        assertThatThrownBy(() -> BaselineSnapshot.fromBytes("{\"not\":\"a snapshot\"}".getBytes()))
                .isInstanceOf(BaselineSnapshotException.class).hasMessageContaining("bad header");
        assertThatThrownBy(() -> BaselineSnapshot.fromBytes(new byte[0]))
                .isInstanceOf(BaselineSnapshotException.class);
    }

    @Test
    void anUnknownVersionIsRefusedByName() {
        byte[] b = learned().toBytes();
        ByteBuffer.wrap(b).putInt(4, 2);
        assertThatThrownBy(() -> BaselineSnapshot.fromBytes(b)).isInstanceOf(BaselineSnapshotException.class)
                .hasMessageContaining("format version 2, this Vigil reads version 1");
    }

    /** Changes inside a valid frame (checksum recomputed) are refused cleanly or read, never crash. */
    @Test
    void damageBehindAValidChecksumNeverEscapesAsAnotherException() {
        byte[] original = learned().toBytes();
        Random r = new Random(5);
        int refused = 0;
        for (int i = 0; i < 600; i++) {
            byte[] b = original.clone();
            int n = 1 + r.nextInt(4);
            for (int k = 0; k < n; k++) {
                b[12 + r.nextInt(b.length - 20)] = (byte) r.nextInt(256);
            }
            CRC32 crc = new CRC32();
            crc.update(b, 12, b.length - 20);
            ByteBuffer.wrap(b).putLong(b.length - 8, crc.getValue());
            try {
                BaselineSnapshot s = BaselineSnapshot.fromBytes(b);
                new BehaviourBaselines(Runs.COPIED, s).finish(java.util.List.of());
            } catch (BaselineSnapshotException expected) {
                refused++;
            }
        }
        assertThat(refused).isGreaterThan(30);
    }
}
