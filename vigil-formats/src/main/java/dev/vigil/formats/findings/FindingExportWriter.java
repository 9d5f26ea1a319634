package dev.vigil.formats.findings;

import java.io.Closeable;
import java.io.IOException;

/**
 * Writes findings in one export format to a stream, one at a time. {@link #close()} completes the document (a
 * last ASFF batch, SARIF's closing brackets) and closes the stream.
 */
public interface FindingExportWriter extends Closeable {

    /**
     * Writes one finding.
     *
     * @return false when the finding cannot be expressed in the format (e.g. ASFF without a 12-digit account); it
     *         was then reported to the writer's problem consumer and left out
     */
    boolean write(ExportableFinding finding) throws IOException;

    /** Findings written so far. */
    long written();
}
