package dev.vigil.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.formats.ocsf.OcsfFindingWriter;
import dev.vigil.hub.FindingStore;
import dev.vigil.hub.HistoryEntry;
import dev.vigil.hub.StoreException;
import dev.vigil.hub.StoredFinding;
import dev.vigil.model.Evidence;
import dev.vigil.model.Finding;
import dev.vigil.report.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show one stored finding with the records that triggered it.")
final class FindingsShowCommand implements Callable<Integer> {

    enum Format { TEXT, JSON }

    @Parameters(paramLabel = "ID", description = "Finding id, or a unique prefix of at least 6 characters.")
    String id;

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--format", defaultValue = "text", description = "text (default) or json (the OCSF finding).")
    Format format;

    @Override
    public Integer call() {
        try (FindingStore store = workspace.location().openExisting()) {
            StoredFinding sf;
            try {
                sf = store.get(id).orElseThrow(() -> new UserError("no finding with id " + TerminalText.sanitize(id)
                        + " in " + store.location() + "; 'vigil findings list' shows the ids"));
            } catch (StoreException e) {
                throw new UserError(e.getMessage(), e);
            }
            if (format == Format.JSON) {
                System.out.println(OcsfFindingWriter.toJson(sf.finding(), sf.origin(), sf.workflow(), sf.recordState(),
                        VigilCommand.version()));
            } else {
                print(System.out, sf);
                printHistory(System.out, store.history(sf.id()));
            }
        }
        return ExitCode.OK;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    static void print(PrintStream out, StoredFinding sf) {
        Finding f = sf.finding();
        out.println(s(f.rule().title()));
        out.println("  id:          " + f.id());
        out.println("  severity:    " + f.severity().name());
        out.println("  rule:        " + s(f.rule().id()));
        out.println("  ATT&CK:      " + String.join(", ", f.rule().attack().stream().map(FindingsShowCommand::s).toList()));
        out.println("  account:     " + s(f.account()) + "   region: " + s(f.region()));
        out.println("  principal:   " + s(f.principal()));
        if (!f.resource().isEmpty()) {
            out.println("  resource:    " + s(f.resource()));
        }
        for (Map.Entry<String, String> k : f.keys().entrySet()) {
            out.println("  key " + s(k.getKey()) + " = " + s(k.getValue()));
        }
        out.println("  first seen:  " + f.firstSeen() + "   last seen: " + f.lastSeen() + "   count: " + f.count());
        out.println("  observed:    " + sf.observations() + " scan(s) or import(s), first " + sf.firstObservedAt()
                + ", last " + sf.lastObservedAt());
        out.println("  product:     " + s(sf.origin().product()) + (sf.origin().isVigil() ? ""
                : "   its id: " + s(sf.origin().productFindingId()) + "   format: " + s(sf.origin().format())
                + (sf.origin().location().isEmpty() ? "" : "   from " + s(sf.origin().location()))));
        if (sf.origin().confidence() != dev.vigil.model.FindingOrigin.UNKNOWN_CONFIDENCE) {
            out.println("  confidence:  " + sf.origin().confidence());
        }
        out.println("  workflow:    " + sf.workflow() + "   record state: " + sf.recordState()
                + (sf.suppressedBy().isEmpty() ? "" : "   suppressed by rule " + s(sf.suppressedBy())));
        String risk = dev.vigil.hub.analysis.StoreScoring.explanation(sf.riskReasons());
        out.println("  risk:        " + (risk.isEmpty() ? sf.risk() + " (not scored yet)" : s(risk)));
        out.println();
        out.println(s(f.rule().description()));
        out.println();
        if (!sf.origin().rawOriginal().isEmpty()) {
            out.println("As " + s(sf.origin().product()) + " reported it:");
            out.println(pretty(sf.origin().rawOriginal()));
            out.println();
        }
        out.println("Evidence (" + f.evidence().size() + (f.count() > f.evidence().size() ? " of " + f.count() : "")
                + " records):");
        for (Evidence e : f.evidence()) {
            out.println("--- eventID " + s(e.eventId()) + "  " + e.time() + "  from " + s(e.origin()));
            out.println(pretty(e.rawJson()));
        }
    }

    static void printHistory(PrintStream out, List<HistoryEntry> history) {
        if (history.isEmpty()) {
            return;
        }
        out.println();
        out.println("History:");
        for (HistoryEntry h : history) {
            out.println("  " + h.at() + "  " + s(h.actor()) + ": " + s(h.field()) + " " + s(h.oldValue()) + " -> "
                    + s(h.newValue()) + (h.reason().isEmpty() ? "" : " (" + s(h.reason()) + ")"));
        }
    }

    private static String pretty(String json) {
        try {
            String text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(json));
            // Sanitise line by line: the pretty printer's own newlines stay, anything hostile inside values goes.
            return text.lines().map(TerminalText::sanitize).collect(java.util.stream.Collectors.joining("\n"));
        } catch (Exception e) {
            return TerminalText.sanitize(json);
        }
    }

    private static String s(String v) {
        return TerminalText.sanitize(v);
    }
}
