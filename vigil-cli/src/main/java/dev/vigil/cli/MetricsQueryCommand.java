package dev.vigil.cli;

import dev.vigil.metrics.MetricKey;
import dev.vigil.metrics.store.MetricDatabase;
import dev.vigil.metrics.store.MetricSelector;
import dev.vigil.metrics.store.MetricStore;
import dev.vigil.metrics.store.MetricStoreException;
import dev.vigil.metrics.store.SeriesPoint;
import dev.vigil.metrics.store.Statistic;
import dev.vigil.report.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Statistics of a metric per period, from the rollups earlier scans saved in the workspace"
                + " (metrics.duckdb).",
                "Metrics whose dimensions include every --dim filter are added together; give every dimension"
                        + " of a metric to read exactly that metric, as CloudWatch does."})
final class MetricsQueryCommand implements Callable<Integer> {

    enum Format { TABLE, JSONL }

    private static final Pattern PERIOD = Pattern.compile("(\\d{1,7})([smhd]?)");

    @Mixin
    WorkspaceOption workspace;

    @Parameters(index = "0", paramLabel = "NAMESPACE", description = "Metric namespace, e.g. CISBenchmark.")
    String namespace;

    @Parameters(index = "1", paramLabel = "NAME", description = "Metric name, e.g. root_usage_metric.")
    String name;

    @Option(names = "--dim", paramLabel = "NAME=VALUE",
            description = "Dimension filter (repeatable); VALUE * accepts any value.")
    List<String> dims = List.of();

    @Option(names = "--period", paramLabel = "PERIOD", defaultValue = "5m",
            description = "Period: whole minutes, e.g. 1m, 5m, 1h, 1d, or seconds such as 300 (default: ${DEFAULT-VALUE}).")
    String period;

    @Option(names = "--stat", paramLabel = "STAT", defaultValue = "Sum",
            description = "SampleCount, Sum, Average, Minimum, Maximum or a percentile such as p99 (default: ${DEFAULT-VALUE}).")
    String stat;

    @Option(names = "--from", paramLabel = "TIME",
            description = "Event time at or after TIME (ISO-8601, a date, or an age like 24h, 7d); default: all.")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "Event time before TIME; default: all.")
    String to;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (default) or jsonl (one period per line).")
    Format format;

    @Override
    public Integer call() {
        Clock clock = Clock.systemUTC();
        Duration p = parsePeriod(period);
        Statistic statistic;
        try {
            statistic = Statistic.parse(stat);
        } catch (IllegalArgumentException e) {
            throw new UserError("--stat: " + e.getMessage());
        }
        Instant start = from == null ? Instant.EPOCH : TimeArgument.parse(from, "--from", clock);
        Instant end = to == null ? Instant.parse("9999-01-01T00:00:00Z") : TimeArgument.parse(to, "--to", clock);
        if (!start.isBefore(end)) {
            throw new UserError("--from " + start + " is not before --to " + end);
        }
        MetricSelector selector = MetricSelector.matching(namespace, name, parseDims(dims));
        List<SeriesPoint> series;
        List<MetricKey> known;
        try (MetricDatabase db = MetricDatabase.open(workspace.dir, clock)) {
            MetricStore store = db.load(selector, start, end);
            series = store.statistics(selector, start, end, p, statistic);
            known = series.isEmpty() ? db.metrics() : List.of();
        } catch (MetricStoreException e) {
            throw new UserError(e.getMessage(), e);
        }
        PrintStream out = System.out;
        if (series.isEmpty()) {
            explainEmpty(selector, known);
            return ExitCode.OK;
        }
        if (format == Format.JSONL) {
            for (SeriesPoint s : series) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("timestamp", s.periodStart().toString());
                line.put("namespace", namespace);
                line.put("metricName", name);
                line.put("dimensions", selector.dimensions());
                line.put("periodSeconds", p.toSeconds());
                line.put("statistic", statistic.awsName());
                line.put("value", Double.isFinite(s.value()) ? s.value() : null);
                line.put("sampleCount", s.sampleCount());
                out.println(JsonLines.of(line));
            }
        } else {
            out.println(TerminalText.sanitize(MetricKey.of(namespace, name, selector.dimensions()).toString()) + "  "
                    + statistic.awsName() + " per " + describe(p));
            String fmt = "%-20s  %18s  %10s%n";
            out.printf(Locale.ROOT, fmt, "PERIOD START (UTC)", statistic.awsName().toUpperCase(Locale.ROOT), "SAMPLES");
            for (SeriesPoint s : series) {
                out.printf(Locale.ROOT, fmt, s.periodStart().toString().replace("T", " ").replace("Z", ""),
                        number(s.value()), s.sampleCount());
            }
        }
        return ExitCode.OK;
    }

    private static void explainEmpty(MetricSelector selector, List<MetricKey> known) {
        System.out.println("No datapoints for " + TerminalText.sanitize(
                MetricKey.of(selector.namespace(), selector.name(), selector.dimensions()).toString()) + " in that range.");
        List<MetricKey> same = known.stream().filter(k -> k.namespace().equals(selector.namespace())).limit(20).toList();
        if (known.isEmpty()) {
            System.err.println("The workspace holds no metrics yet: run a scan with metric filters first.");
        } else if (!same.isEmpty()) {
            System.err.println("Metrics in namespace " + TerminalText.sanitize(selector.namespace()) + ":");
            same.forEach(k -> System.err.println("  " + TerminalText.sanitize(k.toString())));
        }
    }

    static Duration parsePeriod(String text) {
        Matcher m = PERIOD.matcher(text.trim());
        if (!m.matches()) {
            throw new UserError("--period '" + text + "' is not a period: use whole minutes such as 1m, 5m, 1h, 1d,"
                    + " or seconds such as 300");
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofSeconds(n);
        };
        if (d.isZero() || d.toSeconds() % 60 != 0) {
            throw new UserError("--period '" + text + "' is not a whole number of minutes: metrics are kept at"
                    + " one-minute resolution (use 1m, 5m, 1h…)");
        }
        return d;
    }

    static Map<String, String> parseDims(List<String> dims) {
        Map<String, String> out = new TreeMap<>();
        for (String d : dims) {
            int eq = d.indexOf('=');
            if (eq <= 0) {
                throw new UserError("--dim '" + d + "' is not NAME=VALUE (use * as VALUE for any value)");
            }
            if (out.put(d.substring(0, eq), d.substring(eq + 1)) != null) {
                throw new UserError("--dim " + d.substring(0, eq) + " is given twice");
            }
        }
        return out;
    }

    private static String describe(Duration d) {
        long s = d.toSeconds();
        if (s % 86_400 == 0) {
            return s / 86_400 + "d";
        }
        return s % 3600 == 0 ? s / 3600 + "h" : s / 60 + "m";
    }

    static String number(double v) {
        if (!Double.isFinite(v)) {
            return "-";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return new BigDecimal(v).round(new java.math.MathContext(8)).stripTrailingZeros().toPlainString();
    }
}
