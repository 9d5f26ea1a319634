package dev.vigil.formats.cloudtrail;

import dev.vigil.formats.input.InputOpener;
import dev.vigil.formats.input.LogFile;
import dev.vigil.formats.json.FieldSpans;
import dev.vigil.formats.json.JsonRecordScanner;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * The event time of a file's first record, read without going further: used to put files that carry no delivery
 * stamp in their names (exports, hand-made samples) in time order before a scan.
 */
public final class FirstRecordTime {

    private static final List<String> FIELDS = List.of("eventTime");

    private FirstRecordTime() {
    }

    /** Epoch milliseconds, or {@link Long#MAX_VALUE} when the file has no readable first record. */
    public static long of(LogFile file) {
        long[] time = {Long.MAX_VALUE};
        try (InputStream in = InputOpener.open(file.path(), new LongAdder(), 1L << 30)) {
            new JsonRecordScanner(in, 1 << 20, new FieldSpans(FIELDS), new JsonRecordScanner.Listener() {
                @Override
                public void record(byte[] buf, int off, int len, long byteOffset, FieldSpans f) {
                    if (f.start(0) >= 0 && buf[off + f.start(0)] == '"') {
                        long t = EventTimes.parseMillis(new String(buf, off + f.start(0) + 1,
                                f.end(0) - f.start(0) - 2, java.nio.charset.StandardCharsets.UTF_8));
                        if (t != Long.MIN_VALUE) {
                            time[0] = t;
                        }
                    }
                    throw new Found();
                }

                @Override
                public void problem(long byteOffset, String reason, String message) {
                    // the scan proper reports problems; here only the first record's time matters
                }
            }).scan();
        } catch (IOException | RuntimeException e) {
            // Found ends the scan early; unreadable files simply sort last and are reported by the scan
        }
        return time[0];
    }

    private static final class Found extends RuntimeException {
        Found() {
            super(null, null, false, false);
        }
    }
}
