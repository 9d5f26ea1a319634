package dev.vigil.cli;

import dev.vigil.metrics.alarm.AlarmDefinition;
import dev.vigil.metrics.alarm.AlarmReader;
import dev.vigil.metrics.alarm.BuiltInAlarms;
import dev.vigil.metrics.filter.DescribeMetricFilters;
import dev.vigil.metrics.filter.MetricFilter;
import dev.vigil.metrics.filter.MetricFilterSet;
import dev.vigil.report.TerminalText;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metric filters and alarms a run uses: the built-in CIS packs plus the user's files, in the JSON shapes of
 * {@code aws logs describe-metric-filters} and {@code aws cloudwatch describe-alarms}.
 *
 * <p>A user definition with the name of a built-in one replaces it, so exporting the built-ins, editing them and
 * passing the file back changes them instead of counting every event twice. Two user files defining the same name
 * are an error: which one wins would otherwise depend on the order of the options.
 */
record MetricDefinitions(List<MetricFilter> filters, List<AlarmDefinition> alarms) {

    /** Definition files larger than this are refused: real exports are kilobytes. */
    static final long MAX_FILE_BYTES = 16L * 1024 * 1024;

    MetricDefinitions {
        filters = List.copyOf(filters);
        alarms = List.copyOf(alarms);
    }

    /**
     * Loads the built-ins plus the given files. An alarm a file cannot use (a composite alarm, an unsupported
     * period…) is reported on {@code warnings} and skipped; a file that cannot be read at all is a
     * {@link UserError} naming it.
     */
    static MetricDefinitions load(List<Path> filterFiles, List<Path> alarmFiles, PrintStream warnings) {
        Map<String, MetricFilter> filters = new LinkedHashMap<>();
        MetricFilterSet.cis().filters().forEach(f -> filters.put(f.name(), f));
        Map<String, String> filterOrigin = new LinkedHashMap<>();
        for (Path file : filterFiles) {
            String origin = file.toString();
            List<MetricFilter> read;
            try {
                read = DescribeMetricFilters.read(readFile(file, "--metric-filters"), origin);
            } catch (IllegalArgumentException e) {
                throw new UserError("--metric-filters " + TerminalText.sanitize(e.getMessage()), e);
            }
            for (MetricFilter f : read) {
                String before = filterOrigin.put(f.name(), origin);
                if (before != null) {
                    throw new UserError("--metric-filters: filter '" + TerminalText.sanitize(f.name()) + "' is defined in "
                            + TerminalText.sanitize(before) + " and again in " + TerminalText.sanitize(origin)
                            + "; give each filter one definition");
                }
                filters.put(f.name(), f);
            }
        }
        Map<String, AlarmDefinition> alarms = new LinkedHashMap<>();
        BuiltInAlarms.cis().forEach(a -> alarms.put(a.name(), a));
        Map<String, String> alarmOrigin = new LinkedHashMap<>();
        for (Path file : alarmFiles) {
            String origin = file.toString();
            AlarmReader.Result read;
            try {
                read = AlarmReader.read(readFile(file, "--alarms"), origin);
            } catch (IllegalArgumentException e) {
                throw new UserError("--alarms " + TerminalText.sanitize(e.getMessage()), e);
            }
            for (String problem : read.problems()) {
                warnings.println("vigil: warning: --alarms " + TerminalText.sanitize(problem));
            }
            if (read.alarms().isEmpty()) {
                throw new UserError("--alarms " + TerminalText.sanitize(origin) + ": no alarm Vigil can evaluate"
                        + (read.problems().isEmpty() ? " (the MetricAlarms array is empty)" : " (see the warnings above)")
                        + "; pass a file printed by 'aws cloudwatch describe-alarms --output json'");
            }
            for (AlarmDefinition a : read.alarms()) {
                String before = alarmOrigin.put(a.name(), origin);
                if (before != null) {
                    throw new UserError("--alarms: alarm '" + TerminalText.sanitize(a.name()) + "' is defined in "
                            + TerminalText.sanitize(before) + " and again in " + TerminalText.sanitize(origin)
                            + "; give each alarm one definition");
                }
                alarms.put(a.name(), a);
            }
        }
        return new MetricDefinitions(new ArrayList<>(filters.values()), new ArrayList<>(alarms.values()));
    }

    private static String readFile(Path file, String option) {
        String name = TerminalText.sanitize(file.toString());
        if (!Files.isRegularFile(file)) {
            throw new UserError(option + " " + name + ": not a file; give the JSON file printed by the AWS CLI");
        }
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new UserError(option + " " + name + ": larger than " + MAX_FILE_BYTES / (1024 * 1024)
                        + " MB; a definition file is the JSON printed by the AWS CLI, usually a few kilobytes");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new UserError(option + " " + name + ": not UTF-8 text; give the JSON file printed by the AWS CLI", e);
        } catch (IOException e) {
            throw new UserError(option + " " + name + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }
}
