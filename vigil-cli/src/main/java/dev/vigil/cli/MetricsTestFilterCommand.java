package dev.vigil.cli;

import dev.vigil.formats.cloudtrail.CloudTrailFileReader;
import dev.vigil.formats.cloudtrail.FileKind;
import dev.vigil.formats.input.LogFile;
import dev.vigil.metrics.filter.Datapoint;
import dev.vigil.metrics.filter.MetricFilter;
import dev.vigil.metrics.filter.MetricTransformation;
import dev.vigil.metrics.pattern.FilterPattern;
import dev.vigil.metrics.pattern.LogMessage;
import dev.vigil.metrics.pattern.PatternException;
import dev.vigil.model.Problem;
import dev.vigil.report.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.LongAdder;

@Command(name = "test-filter", mixinStandardHelpOptions = true,
        description = {"Test a CloudWatch Logs filter pattern against events, offline (like TestMetricFilter).",
                "FILE holds CloudTrail records (any shape 'vigil scan' reads) or, otherwise, one log message per line.",
                "Exit 0 when every event was read, 1 on a bad pattern or unreadable file, 3 when records were skipped."})
final class MetricsTestFilterCommand implements Callable<Integer> {

    /** CloudWatch Logs' largest event; longer lines are skipped, as CloudWatch would never store them. */
    static final int MAX_LINE_CHARS = 256 * 1024;

    @Option(names = "--pattern", required = true, paramLabel = "PATTERN",
            description = "The filter pattern, e.g. '{ $.eventName = \"ConsoleLogin\" }'. Quote it for your shell.")
    String pattern;

    @Option(names = "--events", required = true, paramLabel = "FILE", description = "Events to test.")
    Path events;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default) or jsonl (one JSON object per event).")
    String format;

    @Option(names = "--metric-value", paramLabel = "VALUE",
            description = "Show the metric value each match publishes: a number, $.field or $name.")
    String metricValue;

    @Option(names = "--dimension", paramLabel = "NAME=REF",
            description = "Show a dimension, e.g. --dimension User=$.userIdentity.arn (repeatable, at most 3).")
    List<String> dimensions = new ArrayList<>();

    private int index;
    private int matched;

    @Override
    public Integer call() {
        boolean jsonl = switch (format.toLowerCase(Locale.ROOT)) {
            case "text" -> false;
            case "jsonl" -> true;
            default -> throw new UserError("unknown --format '" + TerminalText.sanitize(format) + "'; use text or jsonl");
        };
        FilterPattern compiled = compile();
        MetricFilter metric = metricFilter(compiled);
        if (!Files.isRegularFile(events)) {
            throw new UserError("cannot read " + TerminalText.sanitize(events.toString())
                    + ": not a file; --events takes a file of CloudTrail records or log lines");
        }
        Output out = new Output(jsonl, compiled, metric);
        List<Problem> problems = new ArrayList<>();
        CloudTrailFileReader reader = new CloudTrailFileReader(CloudTrailFileReader.Limits.DEFAULT, new LongAdder());
        long size;
        try {
            size = Files.size(events);
        } catch (IOException e) {
            throw new UserError("cannot read " + TerminalText.sanitize(events.toString()) + ": " + e.getMessage());
        }
        CloudTrailFileReader.Result r = reader.read(new LogFile(events, events.toString(), size),
                e -> out.event(LogMessage.of(e), e.timeMillis(), e.origin()), problems::add);
        long skipped = r.skippedRecords();
        if (r.kind() == FileKind.CLOUDTRAIL || r.kind() == FileKind.CLOUDTRAIL_INSIGHT) {
            problems.forEach(p -> System.err.println(TerminalText.sanitize(p.location()) + ": "
                    + TerminalText.sanitize(p.message())));
        } else if (r.records() == 0) {
            skipped = lines(out);
        }
        out.summary(skipped);
        return skipped > 0 ? ExitCode.PARTIAL : ExitCode.OK;
    }

    private FilterPattern compile() {
        try {
            return FilterPattern.compile(pattern);
        } catch (PatternException e) {
            // show where: the pattern, then a caret under the column
            String shown = TerminalText.sanitize(pattern);
            String caret = " ".repeat(Math.min(e.position(), shown.length())) + "^";
            throw new UserError(e.getMessage() + "\n  " + shown + "\n  " + caret);
        }
    }

    private MetricFilter metricFilter(FilterPattern p) {
        if (metricValue == null && dimensions.isEmpty()) {
            return null;
        }
        Map<String, String> dims = new LinkedHashMap<>();
        for (String d : dimensions) {
            int eq = d.indexOf('=');
            if (eq <= 0) {
                throw new UserError("--dimension '" + TerminalText.sanitize(d) + "' must be NAME=REF, e.g. "
                        + "User=$.userIdentity.arn");
            }
            dims.put(d.substring(0, eq), d.substring(eq + 1));
        }
        try {
            return new MetricFilter("test-filter", "test-filter", p, new MetricTransformation("test", "test",
                    metricValue == null ? "1" : metricValue, null, dims, null));
        } catch (IllegalArgumentException e) {
            throw new UserError(TerminalText.sanitize(e.getMessage()));
        }
    }

    /** Not CloudTrail: one message per line, as CloudWatch would store each line of an application log. */
    private long lines(Output out) {
        long skipped = 0;
        try (BufferedReader in = Files.newBufferedReader(events, StandardCharsets.UTF_8)) {
            String line;
            long n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                if (line.length() > MAX_LINE_CHARS) {
                    System.err.println(TerminalText.sanitize(events.toString()) + ":" + n + ": longer than "
                            + MAX_LINE_CHARS + " characters (CloudWatch's event size limit), skipped");
                    skipped++;
                    continue;
                }
                out.event(LogMessage.of(line), Long.MIN_VALUE, events + ":" + n);
            }
        } catch (IOException e) {
            throw new UserError("cannot read " + TerminalText.sanitize(events.toString()) + " as text: "
                    + e.getMessage() + "; is it UTF-8 text or CloudTrail JSON?");
        }
        return skipped;
    }

    /** Prints one line per event. */
    private final class Output {
        private final boolean jsonl;
        private final FilterPattern pattern;
        private final MetricFilter metric;

        Output(boolean jsonl, FilterPattern pattern, MetricFilter metric) {
            this.jsonl = jsonl;
            this.pattern = pattern;
            this.metric = metric;
        }

        void event(LogMessage m, long time, String origin) {
            index++;
            FilterPattern.Match match = pattern.match(m);
            Datapoint d = match != null && metric != null ? metric.datapoint(m, time) : null;
            if (match != null) {
                matched++;
            }
            if (jsonl) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("event", index);
                o.put("origin", origin);
                o.put("matched", match != null);
                if (match != null) {
                    o.put("extracted", match.extracted());
                    if (metric != null) {
                        o.put("value", d == null ? null : d.value());
                        o.put("dimensions", d == null ? null : d.key().dimensions());
                    }
                }
                System.out.println(JsonLines.of(o));
                return;
            }
            StringBuilder line = new StringBuilder();
            line.append(String.format(Locale.ROOT, "%5d  %-8s %s", index, match != null ? "MATCH" : "no-match",
                    TerminalText.sanitize(origin)));
            if (match != null) {
                match.extracted().forEach((k, v) -> line.append("  ").append(TerminalText.sanitize(k)).append('=')
                        .append(TerminalText.sanitize(v)));
                if (metric != null) {
                    if (d == null) {
                        line.append("  (no datapoint: the value or a dimension is missing or not a number)");
                    } else {
                        line.append("  value=").append(number(d.value()));
                        d.key().dimensions().forEach((k, v) -> line.append("  ").append(TerminalText.sanitize(k))
                                .append('=').append(TerminalText.sanitize(v)));
                    }
                }
            }
            System.out.println(line);
        }

        void summary(long skipped) {
            String s = String.format(Locale.ROOT, "%d events, %d matched%s", index, matched,
                    skipped > 0 ? ", " + skipped + " skipped" : "");
            if (jsonl) {
                System.err.println(s);
            } else {
                System.out.println(s);
            }
        }
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
