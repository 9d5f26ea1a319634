package dev.vigil.formats.findings;

import dev.vigil.formats.ocsf.OcsfFindingWriter;
import dev.vigil.model.Problem;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Consumer;

/** The formats {@code vigil findings export --format} writes. */
public enum ExportFormat {
    /** JSON lines, one {@code {"Findings":[…]}} BatchImportFindings batch per line. */
    ASFF,
    /** OCSF 1.1.0 Detection Findings, one per line. */
    OCSF,
    /** RFC 4180 CSV with a header row, formula-injection safe. */
    CSV,
    /** SARIF 2.1.0, one run. */
    SARIF;

    /** Parses a format name in any case, naming the valid ones when it is none of them. */
    public static ExportFormat parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown export format '" + text + "'; use asff, ocsf, csv or sarif", e);
        }
    }

    /**
     * Opens a writer of this format on {@code out} (UTF-8).
     *
     * @param asffTarget     the account and region whose Security Hub receives ASFF batches; required for ASFF only
     * @param productVersion Vigil's version, written where the format names the tool
     * @param problems       receives findings the format cannot express
     */
    public FindingExportWriter open(OutputStream out, AsffTarget asffTarget, String productVersion,
                                    Consumer<Problem> problems) throws IOException {
        return switch (this) {
            case ASFF -> {
                if (asffTarget == null) {
                    throw new IllegalArgumentException("ASFF export needs the account and region of the Security Hub"
                            + " that will import it (ProductArn); pass them");
                }
                yield new AsffBatchWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), asffTarget, problems);
            }
            case OCSF -> new OcsfExportWriter(new OcsfFindingWriter(out, productVersion));
            case CSV -> new CsvFindingWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            case SARIF -> new SarifFindingWriter(out, productVersion);
        };
    }
}
