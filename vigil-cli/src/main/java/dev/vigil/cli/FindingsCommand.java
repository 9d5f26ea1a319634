package dev.vigil.cli;

import picocli.CommandLine.Command;

@Command(name = "findings", mixinStandardHelpOptions = true,
        description = "Query the findings stored in the workspace by earlier scans.",
        subcommands = {FindingsListCommand.class, FindingsShowCommand.class})
final class FindingsCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
