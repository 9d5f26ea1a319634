package dev.vigil.cli;

import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The options of {@code vigil scan} that choose the metric filters and alarms. */
final class MetricOptions {

    @Option(names = "--metric-filters", paramLabel = "FILE",
            description = "Also run these metric filters (JSON printed by 'aws logs describe-metric-filters'; "
                    + "repeatable). A filter named like a built-in one replaces it.")
    List<Path> filterFiles = new ArrayList<>();

    @Option(names = "--alarms", paramLabel = "FILE",
            description = "Also evaluate these alarms (JSON printed by 'aws cloudwatch describe-alarms'; repeatable). "
                    + "An alarm named like a built-in one replaces it.")
    List<Path> alarmFiles = new ArrayList<>();

    @Option(names = "--no-metrics", description = "Run no metric filters and no alarms.")
    boolean off;

    /** The definitions to use, or null with {@code --no-metrics}. */
    MetricDefinitions load(PrintStream warnings) {
        if (off) {
            if (!filterFiles.isEmpty() || !alarmFiles.isEmpty()) {
                throw new UserError("--no-metrics cannot be combined with --metric-filters or --alarms; drop one");
            }
            return null;
        }
        return MetricDefinitions.load(filterFiles, alarmFiles, warnings);
    }
}
