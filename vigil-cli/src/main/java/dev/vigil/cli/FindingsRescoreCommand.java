package dev.vigil.cli;

import dev.vigil.hub.FindingStore;
import dev.vigil.hub.analysis.StoreScoring;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "rescore", mixinStandardHelpOptions = true,
        description = "Recompute every active finding's risk score and incident candidates now (scan and import do it "
                + "themselves): after changing the asset file, suppressing findings, or changing the window.")
final class FindingsRescoreCommand implements Callable<Integer> {

    @Mixin
    WorkspaceOption workspace;

    @Mixin
    HubOptions hub;

    @Override
    public Integer call() {
        HubSettings settings = hub.settings();
        try (FindingStore store = workspace.location().openExisting()) {
            store.expireSuppressions(java.time.Instant.now());
            StoreScoring.Result r = new StoreScoring(settings.correlation(), settings.assets(), Set.of()).run(store);
            System.out.println("Scored " + r.scored() + " active findings (" + r.changed() + " changed); "
                    + r.correlation().candidates().size() + " incident candidates.");
        }
        return ExitCode.OK;
    }
}
