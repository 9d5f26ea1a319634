package dev.vigil.cli;

import picocli.CommandLine.Command;

@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = "CloudWatch-compatible metrics computed from the logs Vigil scanned.",
        subcommands = {MetricsQueryCommand.class})
final class MetricsCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
