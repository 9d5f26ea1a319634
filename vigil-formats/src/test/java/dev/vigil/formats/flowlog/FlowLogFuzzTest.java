package dev.vigil.formats.flowlog;

import dev.vigil.formats.cloudtrail.FileKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static dev.vigil.formats.flowlog.FlowLogFiles.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded mutations of valid lines (bytes flipped, deleted, duplicated, control and non-ASCII bytes, lines cut):
 * the reader never fails, and every non-blank line after the header is either a record or a counted problem.
 */
class FlowLogFuzzTest {

    @TempDir
    Path dir;

    @Test
    void mutatedLinesAreRecordsOrCountedProblemsNeverFailures() throws IOException {
        String[] seeds = {V2_SSH, V2_RDP, V2_NODATA, V2_SKIPDATA, V2_PING_IN, V2_IPV6};
        SplittableRandom r = new SplittableRandom(42);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((V2_HEADER + "\n").getBytes(StandardCharsets.US_ASCII));
        int lines = 20_000;
        for (int i = 0; i < lines; i++) {
            byte[] b = seeds[r.nextInt(seeds.length)].getBytes(StandardCharsets.US_ASCII);
            int mutations = r.nextInt(4);
            for (int m = 0; m < mutations; m++) {
                int at = r.nextInt(b.length);
                switch (r.nextInt(5)) {
                    case 0 -> b[at] = (byte) r.nextInt(256);
                    case 1 -> b[at] = (byte) "0123456789 -:.\t".charAt(r.nextInt(15));
                    case 2 -> b = java.util.Arrays.copyOf(b, Math.max(1, at));
                    case 3 -> {
                        byte[] longer = java.util.Arrays.copyOf(b, b.length + 1);
                        System.arraycopy(b, at, longer, at + 1, b.length - at);
                        b = longer;
                    }
                    default -> b[at] = ' ';
                }
            }
            for (int k = 0; k < b.length; k++) {
                if (b[k] == '\n') {
                    b[k] = 'x'; // one input line stays one line, so the counts can be compared
                }
            }
            if (isBlank(b)) {
                b = "x".getBytes(StandardCharsets.US_ASCII);
            }
            out.writeBytes(b);
            out.write('\n');
        }
        FlowLogFiles f = new FlowLogFiles(dir);
        FlowLogFileReader.Result result = f.read(f.write("fuzz.log.gz", gzip(out.toString(StandardCharsets.ISO_8859_1))));

        assertThat(result.kind()).isEqualTo(FileKind.VPC_FLOW_LOG);
        assertThat(result.records() + result.skippedRecords()).isEqualTo(lines);
        assertThat(f.records).hasSize((int) result.records());
        assertThat(f.problems).hasSize((int) result.skippedRecords());
        assertThat(result.records()).as("unmutated lines still read").isGreaterThan(lines / 5);
        assertThat(result.skippedRecords()).as("mutations are caught").isGreaterThan(lines / 5);
        assertThat(f.problems).allSatisfy(p -> {
            assertThat(p.location()).matches("fuzz\\.log\\.gz#line \\d+");
            assertThat(p.message()).doesNotContainPattern("[\\x00-\\x1f\\x7f]");
        });
    }

    private static boolean isBlank(byte[] b) {
        for (byte c : b) {
            if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }
}
