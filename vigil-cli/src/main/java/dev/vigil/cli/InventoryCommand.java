package dev.vigil.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "inventory", mixinStandardHelpOptions = true,
        description = {"The estate's resources from AWS Config files (snapshots, history, configservice output): what "
                + "exists, what changed between two times, and one resource's history, with the CloudTrail call behind "
                + "each change when CloudTrail for the period is among the inputs."},
        subcommands = {InventoryListCommand.class, InventoryDiffCommand.class, InventoryTimelineCommand.class})
final class InventoryCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
