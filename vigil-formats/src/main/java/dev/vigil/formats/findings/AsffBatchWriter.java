package dev.vigil.formats.findings;

import dev.vigil.model.Problem;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes ASFF findings as BatchImportFindings requests: one JSON object {@code {"Findings":[…]}} per line, each with
 * at most {@link #MAX_FINDINGS} findings and at most {@link #MAX_BATCH_BYTES} bytes, so each line can be passed
 * as is to {@code aws securityhub batch-import-findings --cli-input-json}. Only the current batch is held in memory.
 *
 * <p>A finding ASFF cannot carry (no 12-digit account, over 240 KB) is reported to the problem consumer, located by
 * its Vigil id, and left out.
 */
public final class AsffBatchWriter implements FindingExportWriter {

    /** BatchImportFindings accepts at most 100 findings per call. */
    public static final int MAX_FINDINGS = 100;
    /**
     * Bytes of JSON per batch. AWS documents 100 findings and 240 KB per finding; the request as a whole is kept
     * under this conservative bound so a batch of large findings is split rather than refused.
     */
    public static final int MAX_BATCH_BYTES = 5_000_000;

    private static final int WRAPPER_BYTES = "{\"Findings\":[]}".length();

    private final Writer out;
    private final AsffTarget target;
    private final Consumer<Problem> problems;
    private final List<String> batch = new ArrayList<>(MAX_FINDINGS);
    private int batchBytes = WRAPPER_BYTES;
    private long written;
    private long batches;

    public AsffBatchWriter(Writer out, AsffTarget target, Consumer<Problem> problems) {
        this.out = out;
        this.target = target;
        this.problems = problems;
    }

    @Override
    public boolean write(ExportableFinding f) throws IOException {
        String json;
        try {
            json = AsffFindingBuilder.build(f, target);
        } catch (BadFinding b) {
            problems.accept(new Problem("finding " + f.finding().id(), b.reason(), b.getMessage()));
            return false;
        }
        int bytes = json.getBytes(StandardCharsets.UTF_8).length + 1; // and a comma
        if (batch.size() == MAX_FINDINGS || (!batch.isEmpty() && batchBytes + bytes > MAX_BATCH_BYTES)) {
            flushBatch();
        }
        batch.add(json);
        batchBytes += bytes;
        written++;
        return true;
    }

    private void flushBatch() throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        out.write("{\"Findings\":[");
        for (int i = 0; i < batch.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(batch.get(i));
        }
        out.write("]}\n");
        batch.clear();
        batchBytes = WRAPPER_BYTES;
        batches++;
    }

    @Override
    public long written() {
        return written;
    }

    /** Batches completed so far. */
    public long batches() {
        return batches;
    }

    @Override
    public void close() throws IOException {
        try {
            flushBatch();
        } finally {
            out.close();
        }
    }
}
