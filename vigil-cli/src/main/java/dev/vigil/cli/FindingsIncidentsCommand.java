package dev.vigil.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.hub.FindingStore;
import dev.vigil.hub.analysis.AssetCatalog;
import dev.vigil.hub.analysis.CandidateMember;
import dev.vigil.hub.analysis.CorrelationOptions;
import dev.vigil.hub.analysis.CorrelationResult;
import dev.vigil.hub.analysis.IncidentCandidate;
import dev.vigil.hub.analysis.LinkingEntity;
import dev.vigil.hub.analysis.StoreScoring;
import dev.vigil.hub.analysis.Tactic;
import dev.vigil.report.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "incidents", mixinStandardHelpOptions = true,
        description = {"Incident candidates: active findings — from any product — that share a principal, an access key "
                + "or a resource within the correlation window, with their ATT&CK tactic progression (initial access -> "
                + "discovery -> defense evasion -> exfiltration...), in the spirit of GuardDuty's attack sequences.",
                "Highest score first. Suppressed findings take no part. Each finding's risk score counts its "
                        + "candidate (refreshed by scan, import and 'findings rescore')."})
final class FindingsIncidentsCommand implements Callable<Integer> {

    enum Format { TEXT, JSONL }

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--correlation-window", paramLabel = "DURATION", defaultValue = "24h",
            description = "How close in time linked findings must be (default: ${DEFAULT-VALUE}).")
    String window;

    @Option(names = "--min-members", defaultValue = "2", description = "Fewest findings per candidate (default: 2).")
    int minMembers;

    @Option(names = "--min-tactics", defaultValue = "2",
            description = "Fewest distinct ATT&CK tactics per candidate (default: 2; 1 shows every group).")
    int minTactics;

    @Option(names = "--limit", defaultValue = "20", description = "At most N candidates (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--format", defaultValue = "text", description = "text (default) or jsonl.")
    Format format;

    @Override
    public Integer call() {
        CorrelationOptions options;
        try {
            options = CorrelationOptions.defaults().withWindow(TimeArgument.duration(window, "--correlation-window"))
                    .withMinimums(minMembers, minTactics);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        CorrelationResult result;
        try (FindingStore store = workspace.location().openExisting()) {
            result = new StoreScoring(options, AssetCatalog.empty(), Set.of()).correlate(store);
        }
        List<IncidentCandidate> shown = result.candidates().stream().limit(Math.max(0, limit)).toList();
        if (format == Format.JSONL) {
            ObjectMapper json = new ObjectMapper();
            shown.forEach(c -> System.out.println(json(json, c)));
        } else {
            print(System.out, shown, result);
        }
        return ExitCode.OK;
    }

    static void print(PrintStream out, List<IncidentCandidate> shown, CorrelationResult result) {
        if (shown.isEmpty()) {
            out.println("No incident candidates (" + result.findingsCorrelated() + " findings correlated).");
            return;
        }
        for (IncidentCandidate c : shown) {
            out.println(TerminalText.sanitize(c.id()) + "  score " + c.score() + "  " + c.members().size()
                    + " findings  " + c.firstSeen() + " .. " + c.lastSeen() + "  accounts "
                    + TerminalText.sanitize(String.join(", ", c.accounts())));
            out.println("  tactics: " + String.join(" -> ", c.progression().stream().map(Tactic::words).toList()));
            out.println("  linked by: " + String.join(", ", c.linkingEntities().stream().limit(6)
                    .map(e -> TerminalText.sanitize(e.kind().name().toLowerCase(Locale.ROOT) + " " + e.value())).toList())
                    + (c.linkingEntities().size() > 6 ? ", …" : ""));
            out.println("  " + TerminalText.sanitize(c.summary()));
            for (CandidateMember m : c.members().stream().limit(12).toList()) {
                out.printf(Locale.ROOT, "    %-12s  %-8s  %-20s  %s%n", m.findingId().substring(0, 12), m.severity(),
                        m.tactic().words(), TerminalText.sanitize(m.title()));
            }
            if (c.members().size() > 12) {
                out.println("    … " + (c.members().size() - 12) + " more");
            }
            out.println();
        }
        if (result.candidates().size() > shown.size()) {
            out.println("(" + shown.size() + " of " + result.candidates().size() + " candidates shown; use --limit)");
        }
    }

    private static String json(ObjectMapper json, IncidentCandidate c) {
        ObjectNode o = json.createObjectNode();
        o.put("id", c.id());
        o.put("score", c.score());
        o.put("first_seen", c.firstSeen().toString());
        o.put("last_seen", c.lastSeen().toString());
        ArrayNode accounts = o.putArray("accounts");
        c.accounts().forEach(accounts::add);
        ArrayNode tactics = o.putArray("tactics");
        c.progression().forEach(t -> tactics.add(t.words()));
        ArrayNode links = o.putArray("linked_by");
        for (LinkingEntity e : c.linkingEntities()) {
            links.addObject().put("kind", e.kind().name()).put("value", e.value()).put("account", e.account());
        }
        ArrayNode members = o.putArray("findings");
        for (CandidateMember m : c.members()) {
            members.addObject().put("id", m.findingId()).put("title", m.title()).put("tactic", m.tactic().words())
                    .put("severity", m.severity().name()).put("first_seen", m.firstSeen().toString())
                    .put("last_seen", m.lastSeen().toString());
        }
        o.put("summary", c.summary());
        return o.toString();
    }
}
