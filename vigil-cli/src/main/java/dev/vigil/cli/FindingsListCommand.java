package dev.vigil.cli;

import dev.vigil.formats.ocsf.OcsfFindingWriter;
import dev.vigil.hub.FindingQuery;
import dev.vigil.hub.FindingSort;
import dev.vigil.hub.FindingStore;
import dev.vigil.hub.StoredFinding;
import dev.vigil.model.Finding;
import dev.vigil.model.Severity;
import dev.vigil.report.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List stored findings, most severe and most recent first.")
final class FindingsListCommand implements Callable<Integer> {

    enum Format { TABLE, JSONL, CSV }

    @Mixin
    WorkspaceOption workspace;

    @Mixin
    FindingFilterOptions filters;

    @Option(names = "--sort", paramLabel = "ORDER", defaultValue = "severity",
            description = "severity (default), risk, last_seen, first_seen or count.")
    String sort;

    @Option(names = "--limit", defaultValue = "100", description = "At most N findings (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--offset", defaultValue = "0", description = "Skip the first N findings (paging).")
    long offset;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (default), jsonl (one OCSF finding per line, with origin and workflow status) or csv "
                    + "(spreadsheet-safe).")
    Format format;

    @Override
    public Integer call() {
        Clock clock = Clock.systemUTC();
        FindingQuery q;
        try {
            q = filters.query(clock).withLimit(limit).withOffset(offset).withSort(parseSort(sort));
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        try (FindingStore store = workspace.location().openExisting()) {
            // the table and CSV show no evidence: leave it (and the product's original) out of the read
            List<StoredFinding> found = format == Format.JSONL ? store.list(q) : store.listWithoutEvidence(q);
            PrintStream out = System.out;
            switch (format) {
                case JSONL -> {
                    for (StoredFinding sf : found) {
                        out.println(OcsfFindingWriter.toJson(sf.finding(), sf.origin(), sf.workflow(), sf.recordState(),
                                VigilCommand.version()));
                    }
                }
                case CSV -> FindingsExportCommand.writeCsv(found, out);
                case TABLE -> printTable(out, found, store.count(q));
            }
        }
        return ExitCode.OK;
    }

    private static FindingSort parseSort(String s) {
        try {
            return FindingSort.valueOf(s.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new UserError("--sort '" + s + "' is not one of severity, risk, last_seen, first_seen, count");
        }
    }

    static void printTable(PrintStream out, List<StoredFinding> found, long total) {
        if (found.isEmpty()) {
            out.println("No findings match.");
            return;
        }
        String fmt = "%-12s  %-13s  %4s  %-10s  %-19s  %7s  %-10s  %-40s  %-12s  %-14s  %s%n";
        out.printf(Locale.ROOT, fmt, "ID", "SEVERITY", "RISK", "WORKFLOW", "LAST SEEN (UTC)", "COUNT", "PRODUCT", "RULE",
                "ACCOUNT", "REGION", "PRINCIPAL");
        for (StoredFinding sf : found) {
            Finding f = sf.finding();
            out.printf(Locale.ROOT, fmt, f.id().substring(0, 12), f.severity().name(), sf.risk(), sf.workflow().name(),
                    f.lastSeen().toString().replace("T", " ").replaceAll("\\.\\d+Z$|Z$", ""),
                    f.count(), cut(sf.origin().product(), 10), cut(f.rule().id(), 40), cut(f.account(), 12),
                    cut(f.region(), 14), cut(f.principal(), 80));
        }
        if (total > found.size()) {
            out.printf(Locale.ROOT, "(%d of %d shown; use --limit, --offset or filters)%n", found.size(), total);
        }
    }

    static String cut(String s, int max) {
        String clean = TerminalText.sanitize(s);
        return clean.length() <= max ? clean : clean.substring(0, max - 1) + "…";
    }
}
