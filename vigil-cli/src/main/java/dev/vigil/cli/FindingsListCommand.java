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

    enum Format { TABLE, JSONL }

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--severity", paramLabel = "SEVERITY", converter = SeverityConverter.class,
            description = "Only findings at or above this severity.")
    Severity severity;

    @Option(names = "--rule", paramLabel = "ID", description = "Rule id, exact or a glob with * (e.g. 'vigil-cloudtrail-*').")
    String rule;

    @Option(names = "--account", paramLabel = "ID", description = "AWS account id.")
    String account;

    @Option(names = "--region", paramLabel = "REGION", description = "AWS region.")
    String region;

    @Option(names = "--principal", paramLabel = "TEXT", description = "Principal containing TEXT (any case).")
    String principal;

    @Option(names = "--since", paramLabel = "TIME",
            description = "Activity at or after TIME (ISO-8601, a date, or an age like 24h, 7d).")
    String since;

    @Option(names = "--until", paramLabel = "TIME", description = "Activity before TIME.")
    String until;

    @Option(names = "--sort", paramLabel = "ORDER", defaultValue = "severity",
            description = "severity (default), last_seen, first_seen or count.")
    String sort;

    @Option(names = "--limit", defaultValue = "100", description = "At most N findings (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (default) or jsonl (one OCSF Detection Finding per line).")
    Format format;

    @Override
    public Integer call() {
        Clock clock = Clock.systemUTC();
        FindingQuery q;
        try {
            q = FindingQuery.all().withMinSeverity(severity).withRuleId(rule).withAccount(account).withRegion(region)
                    .withPrincipalContaining(principal)
                    .withSince(since == null ? null : TimeArgument.parse(since, "--since", clock))
                    .withUntil(until == null ? null : TimeArgument.parse(until, "--until", clock))
                    .withLimit(limit).withSort(parseSort(sort));
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        try (FindingStore store = Stores.open(workspace.dir)) {
            List<StoredFinding> found = store.list(q);
            long total = store.count(q.withoutLimit());
            PrintStream out = System.out;
            if (format == Format.JSONL) {
                for (StoredFinding sf : found) {
                    out.println(OcsfFindingWriter.toJson(sf.finding(), VigilCommand.version()));
                }
            } else {
                printTable(out, found, total);
            }
        }
        return ExitCode.OK;
    }

    private static FindingSort parseSort(String s) {
        try {
            return FindingSort.valueOf(s.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new UserError("--sort '" + s + "' is not one of severity, last_seen, first_seen, count");
        }
    }

    static void printTable(PrintStream out, List<StoredFinding> found, long total) {
        if (found.isEmpty()) {
            out.println("No findings match.");
            return;
        }
        String fmt = "%-12s  %-13s  %-20s  %7s  %-40s  %-12s  %-14s  %s%n";
        out.printf(Locale.ROOT, fmt, "ID", "SEVERITY", "LAST SEEN (UTC)", "COUNT", "RULE", "ACCOUNT", "REGION", "PRINCIPAL");
        for (StoredFinding sf : found) {
            Finding f = sf.finding();
            out.printf(Locale.ROOT, fmt, f.id().substring(0, 12), f.severity().name(),
                    f.lastSeen().toString().replace("T", " ").replaceAll("\\.\\d+Z$|Z$", ""),
                    f.count(), cut(f.rule().id(), 40), cut(f.account(), 12), cut(f.region(), 14), cut(f.principal(), 80));
        }
        if (total > found.size()) {
            out.printf(Locale.ROOT, "(%d of %d shown; use --limit or filters)%n", found.size(), total);
        }
    }

    static String cut(String s, int max) {
        String clean = TerminalText.sanitize(s);
        return clean.length() <= max ? clean : clean.substring(0, max - 1) + "…";
    }
}
