package dev.vigil.cli;

import dev.vigil.formats.findings.AsffTarget;
import dev.vigil.formats.findings.CsvFindingWriter;
import dev.vigil.formats.findings.ExportFormat;
import dev.vigil.formats.findings.ExportableFinding;
import dev.vigil.formats.findings.FindingExportWriter;
import dev.vigil.hub.FindingQuery;
import dev.vigil.hub.FindingSort;
import dev.vigil.hub.FindingStore;
import dev.vigil.hub.StoredFinding;
import dev.vigil.model.Problem;
import dev.vigil.report.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.LongAdder;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export stored findings: asff (BatchImportFindings batches of at most 100, one per line, ready "
                + "for 'aws securityhub batch-import-findings'), ocsf (JSON lines), csv (spreadsheet-safe) or sarif "
                + "(SARIF 2.1.0 for CI code-scanning tools).",
                "Takes the same filters as 'findings list'. Findings a format cannot express (ASFF without a 12-digit "
                        + "account) are reported and left out (exit 3)."})
final class FindingsExportCommand implements Callable<Integer> {

    private static final int PAGE = 500;

    @Mixin
    WorkspaceOption workspace;

    @Mixin
    FindingFilterOptions filters;

    @Option(names = "--format", paramLabel = "FORMAT", required = true, description = "asff, ocsf, csv or sarif.")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here instead of standard output.")
    Path output;

    @Option(names = "--asff-account", paramLabel = "ID",
            description = "ASFF: the account whose Security Hub imports the batches (its ProductArn).")
    String asffAccount;

    @Option(names = "--asff-region", paramLabel = "REGION",
            description = "ASFF: the region of that Security Hub.")
    String asffRegion;

    @Override
    public Integer call() throws IOException {
        ExportFormat fmt;
        AsffTarget target = null;
        try {
            fmt = ExportFormat.parse(format);
            if (fmt == ExportFormat.ASFF) {
                if (asffAccount == null || asffRegion == null) {
                    throw new UserError("--format asff needs --asff-account and --asff-region: the Security Hub "
                            + "that will import the batches (they form each finding's ProductArn)");
                }
                target = AsffTarget.of(asffRegion, asffAccount);
            }
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        FindingQuery q = filters.query(Clock.systemUTC()).withSort(FindingSort.SEVERITY).withLimit(PAGE);
        LongAdder problems = new LongAdder();
        long written;
        try (FindingStore store = workspace.location().openExisting();
             OutputStream out = output == null ? nonClosing(System.out)
                     : new BufferedOutputStream(Files.newOutputStream(output));
             FindingExportWriter writer = fmt.open(out, target, VigilCommand.version(), p -> problem(p, problems))) {
            for (long offset = 0; ; offset += PAGE) {
                List<StoredFinding> page = store.list(q.withOffset(offset));
                for (StoredFinding sf : page) {
                    writer.write(exportable(sf));
                }
                if (page.size() < PAGE) {
                    break;
                }
            }
            written = writer.written();
        }
        if (output != null) {
            System.err.println("vigil: wrote " + written + " findings to " + output + " (" + fmt.name().toLowerCase(
                    java.util.Locale.ROOT) + ")");
        }
        if (problems.sum() > 0) {
            System.err.println("vigil: " + problems.sum() + " findings left out; the export is partial (exit "
                    + ExitCode.PARTIAL + ")");
            return ExitCode.PARTIAL;
        }
        return ExitCode.OK;
    }

    private static void problem(Problem p, LongAdder count) {
        count.increment();
        System.err.println("vigil: left out " + TerminalText.sanitize(p.location() + ": " + p.message()));
    }

    static ExportableFinding exportable(StoredFinding sf) {
        return new ExportableFinding(sf.finding(), sf.origin(), sf.workflow(), sf.recordState(), sf.firstObservedAt(),
                sf.updatedAt(), sf.risk());
    }

    /** {@code findings list --format csv}: the same columns as the CSV export. */
    static void writeCsv(List<StoredFinding> found, PrintStream out) {
        try {
            OutputStreamWriter w = new OutputStreamWriter(nonClosing(out), StandardCharsets.UTF_8);
            CsvFindingWriter csv = new CsvFindingWriter(w);
            for (StoredFinding sf : found) {
                csv.write(exportable(sf));
            }
            csv.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Standard output must outlive the writer that wraps it. */
    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        };
    }
}
