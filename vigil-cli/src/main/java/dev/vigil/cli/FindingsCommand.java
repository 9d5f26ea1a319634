package dev.vigil.cli;

import picocli.CommandLine.Command;

@Command(name = "findings", mixinStandardHelpOptions = true,
        description = "The findings hub: findings from Vigil's scans and imported from GuardDuty, Security Hub and other "
                + "tools, in one store — list, show, update, suppress, correlate, export, and route them.",
        subcommands = {FindingsListCommand.class, FindingsShowCommand.class, FindingsImportCommand.class,
                FindingsUpdateCommand.class, FindingsSuppressCommand.class, FindingsIncidentsCommand.class,
                FindingsExportCommand.class, FindingsDeliverCommand.class, FindingsRescoreCommand.class})
final class FindingsCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
