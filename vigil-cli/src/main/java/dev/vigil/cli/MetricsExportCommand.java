package dev.vigil.cli;

import dev.vigil.metrics.alarm.AlarmWriter;
import dev.vigil.metrics.filter.CloudFormationMetricFilters;
import dev.vigil.metrics.filter.DescribeMetricFilters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Prints the metric filters or alarms 'vigil scan' uses: the built-in CIS packs plus any given"
                + " with --metric-filters / --alarms (a definition named like a built-in one replaces it).",
                "--format describe prints the JSON of 'aws logs describe-metric-filters' / 'aws cloudwatch"
                        + " describe-alarms', which --metric-filters / --alarms read back; --format cloudformation"
                        + " prints a CloudFormation template (JSON) to deploy them. Replace the log group name"
                        + " (aws-cloudtrail-logs) with your trail's before deploying."})
final class MetricsExportCommand implements Callable<Integer> {

    enum What { FILTERS, ALARMS }

    enum Format { DESCRIBE, CLOUDFORMATION }

    @Option(names = "--what", paramLabel = "WHAT", defaultValue = "filters",
            description = "filters (default) or alarms.")
    What what;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "describe",
            description = "describe (default) or cloudformation.")
    Format format;

    @Option(names = "--metric-filters", paramLabel = "FILE",
            description = "Also export these metric filters (describe-metric-filters JSON; repeatable).")
    List<Path> filterFiles = new ArrayList<>();

    @Option(names = "--alarms", paramLabel = "FILE",
            description = "Also export these alarms (describe-alarms JSON; repeatable).")
    List<Path> alarmFiles = new ArrayList<>();

    @Override
    public Integer call() {
        MetricDefinitions d = MetricDefinitions.load(filterFiles, alarmFiles, System.err);
        String text = switch (what) {
            case FILTERS -> format == Format.DESCRIBE ? DescribeMetricFilters.write(d.filters())
                    : CloudFormationMetricFilters.json(d.filters());
            case ALARMS -> format == Format.DESCRIBE ? AlarmWriter.describeAlarmsJson(d.alarms())
                    : AlarmWriter.cloudFormation(d.alarms());
        };
        System.out.print(text.endsWith("\n") ? text : text + "\n");
        System.out.flush();
        return ExitCode.OK;
    }
}
