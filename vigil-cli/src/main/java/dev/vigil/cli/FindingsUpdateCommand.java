package dev.vigil.cli;

import dev.vigil.hub.FindingStore;
import dev.vigil.hub.HistoryEntry;
import dev.vigil.hub.StoreException;
import dev.vigil.hub.StoredFinding;
import dev.vigil.model.RecordState;
import dev.vigil.model.Workflow;
import dev.vigil.report.TerminalText;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "update", mixinStandardHelpOptions = true,
        description = {"Change findings' workflow status (NEW, NOTIFIED, SUPPRESSED, RESOLVED) or record state (ACTIVE, "
                + "ARCHIVED), with the reason recorded in each finding's history (who, when, old, new, why).",
                "All or nothing: a refused change (e.g. RESOLVED -> NOTIFIED; reopen with NEW first) or an unknown id "
                        + "changes none of them. With --routes, resolutions are routed like other changes."})
final class FindingsUpdateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "ID", description = "Finding ids, or unique prefixes of at least 6 characters.")
    List<String> ids;

    static final class Change {
        @Option(names = "--workflow", paramLabel = "STATUS", description = "NEW, NOTIFIED, SUPPRESSED or RESOLVED.")
        String workflow;

        @Option(names = "--record-state", paramLabel = "STATE", description = "ACTIVE or ARCHIVED.")
        String recordState;
    }

    @ArgGroup(exclusive = false, multiplicity = "1")
    Change change;

    @Option(names = "--reason", paramLabel = "TEXT", required = true, description = "Why (kept in the history).")
    String reason;

    @Option(names = "--actor", paramLabel = "NAME", defaultValue = "${env:USER}",
            description = "Who makes the change (default: $USER).")
    String actor;

    @Mixin
    WorkspaceOption workspace;

    @Mixin
    HubOptions hub;

    @Override
    public Integer call() {
        if (change.workflow == null && change.recordState == null) {
            throw new UserError("give --workflow, --record-state or both");
        }
        String who = actor == null || actor.isBlank() ? "unknown" : actor.strip();
        Clock clock = Clock.systemUTC();
        HubSettings settings = hub.settings();
        try (FindingStore store = workspace.location().openExisting()) {
            List<String> resolved = new ArrayList<>();
            for (String id : ids) {
                StoredFinding sf = store.get(id).orElseThrow(() -> new UserError("no finding with id "
                        + TerminalText.sanitize(id) + " in " + store.location()));
                resolved.add(sf.id());
            }
            List<HistoryEntry> written = new ArrayList<>();
            if (change.workflow != null) {
                written.addAll(store.updateWorkflow(resolved, Workflow.parse(change.workflow), who, reason,
                        clock.instant()));
            }
            if (change.recordState != null) {
                written.addAll(store.updateRecordState(resolved, RecordState.parse(change.recordState), who, reason,
                        clock.instant()));
            }
            System.out.println("Updated " + written.size() + " field(s) on " + resolved.size() + " finding(s); "
                    + "'vigil findings show ID' shows the history.");
            var routing = HubUpdate.afterLifecycle(store, written, settings, clock);
            if (routing != null) {
                System.out.println("routing: " + routing.enqueued() + " notifications queued, "
                        + routing.delivery().delivered() + " delivered");
            }
        } catch (StoreException | IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        }
        return ExitCode.OK;
    }
}
