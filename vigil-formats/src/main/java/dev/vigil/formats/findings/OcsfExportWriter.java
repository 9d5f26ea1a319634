package dev.vigil.formats.findings;

import dev.vigil.formats.ocsf.OcsfFindingWriter;

import java.io.IOException;

/** OCSF JSON lines through Vigil's own OCSF mapping, with each finding's origin and workflow. */
final class OcsfExportWriter implements FindingExportWriter {

    private final OcsfFindingWriter ocsf;
    private long written;

    OcsfExportWriter(OcsfFindingWriter ocsf) {
        this.ocsf = ocsf;
    }

    @Override
    public boolean write(ExportableFinding f) throws IOException {
        ocsf.write(f.finding(), f.origin(), f.workflow(), f.recordState());
        written++;
        return true;
    }

    @Override
    public long written() {
        return written;
    }

    @Override
    public void close() throws IOException {
        ocsf.close();
    }
}
