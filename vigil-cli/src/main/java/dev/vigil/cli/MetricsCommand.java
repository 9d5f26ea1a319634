package dev.vigil.cli;

import picocli.CommandLine.Command;

@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = "CloudWatch-compatible metric filters, metrics and alarms over the logs Vigil reads.",
        subcommands = {MetricsTestFilterCommand.class, MetricsQueryCommand.class, MetricsExportCommand.class})
final class MetricsCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
