package dev.vigil.cli;

import dev.vigil.engine.AggregatorStats;
import dev.vigil.engine.DetectionSet;
import dev.vigil.engine.FindingAggregator;
import dev.vigil.engine.match.MatchExplainer;
import dev.vigil.engine.sigma.SigmaCorrelation;
import dev.vigil.engine.sigma.SigmaRule;
import dev.vigil.formats.cloudtrail.CloudTrailEvent;
import dev.vigil.formats.cloudtrail.CloudTrailFileReader;
import dev.vigil.formats.cloudtrail.FileKind;
import dev.vigil.formats.input.LogFile;
import dev.vigil.model.Finding;
import dev.vigil.model.Problem;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * Runs rules over their example files with the reader {@code vigil scan} uses, so an example that passes here reads
 * the same in a scan.
 *
 * <p>A detection is judged record by record: every record of a {@code match} file must match it and no record of a
 * {@code nomatch} file may. A correlation is judged file by file: the records of a {@code match} file, run through
 * the whole rule set and the finding aggregator in file order, must make it raise a finding, those of a
 * {@code nomatch} file must not. Records the reader rejects are reported with their position and counted; they never
 * stop a run.
 */
final class RuleTestRunner {

    /** Failure details and problems kept per file; the counts stay exact beyond them. */
    static final int DETAILS_PER_FILE = 10;
    /** Record positions listed in a correlation's explanation. */
    static final int POSITIONS_SHOWN = 10;

    private final DetectionSet set;
    private final RuleCatalog catalog;
    private final boolean requireTests;
    private final CloudTrailFileReader reader = new CloudTrailFileReader(CloudTrailFileReader.Limits.DEFAULT,
            new LongAdder());

    RuleTestRunner(DetectionSet set, RuleCatalog catalog, boolean requireTests) {
        this.set = set;
        this.catalog = catalog;
        this.requireTests = requireTests;
    }

    RuleTestResult run(RuleTests tests) {
        List<Problem> problems = new ArrayList<>(tests.problems());
        if (requireTests) {
            for (RuleTests.Expect e : RuleTests.Expect.values()) {
                if (tests.count(e) == 0) {
                    problems.add(new Problem(tests.folder() + e.folder() + "/", RuleTestResult.MISSING,
                            "no " + e.folder() + " example; --require-tests wants at least one match and one "
                                    + "nomatch file per rule"));
                }
            }
        }
        List<RuleTestResult.FileResult> files = new ArrayList<>();
        if (tests.rule().document() instanceof SigmaRule rule) {
            MatchExplainer explainer = MatchExplainer.of(rule);
            tests.cases().forEach(c -> files.add(detection(tests.rule(), rule, explainer, c)));
        } else if (tests.rule().document() instanceof SigmaCorrelation corr) {
            tests.cases().forEach(c -> files.add(correlation(tests.rule(), corr, c)));
        }
        return new RuleTestResult(tests, files, problems);
    }

    private RuleTestResult.FileResult detection(RuleEntry entry, SigmaRule rule, MatchExplainer explainer,
                                                RuleTests.Case c) {
        boolean expectMatch = c.expect() == RuleTests.Expect.MATCH;
        FileTally tally = new FileTally();
        boolean[] hit = new boolean[1];
        FileKind kind = read(c, tally, event -> {
            hit[0] = false;
            set.evaluate(event, h -> hit[0] |= h.ruleId().equals(entry.id()));
            if (hit[0] != expectMatch) {
                // explained inside the callback: the event is a view on the reader's buffer
                tally.fail(() -> new RuleTestResult.Failure(event.origin(), recordNumber(event.origin()), event.id(),
                        expectMatch ? "expected a match, the rule did not match"
                                : "the rule matched, expected no match",
                        MatchReasons.of(explainer.explain(event), rule.logSource(), event)));
            }
        });
        return tally.result(c, kind);
    }

    private RuleTestResult.FileResult correlation(RuleEntry entry, SigmaCorrelation corr, RuleTests.Case c) {
        Set<String> counted = new LinkedHashSet<>();
        corr.rules().forEach(ref -> counted.add(catalog.idOf(ref).orElse(ref)));
        Map<String, Long> matchesPerRule = new LinkedHashMap<>();
        counted.forEach(id -> matchesPerRule.put(id, 0L));
        List<Long> uncounted = new ArrayList<>();
        long[] uncountedTotal = new long[1];
        FindingAggregator aggregator = new FindingAggregator(set);
        FileTally tally = new FileTally();
        FileKind kind = read(c, tally, event -> {
            boolean[] countedHit = new boolean[1];
            set.evaluate(event, h -> {
                aggregator.accept(h);
                if (counted.contains(h.ruleId())) {
                    matchesPerRule.merge(h.ruleId(), 1L, Long::sum);
                    countedHit[0] = true;
                }
            });
            if (!countedHit[0] && uncountedTotal[0]++ < POSITIONS_SHOWN) {
                uncounted.add(recordNumber(event.origin()));
            }
        });
        AggregatorStats stats = aggregator.stats();
        List<Finding> fired = aggregator.findings().stream().filter(f -> f.rule().id().equals(entry.id())).toList();
        boolean expectMatch = c.expect() == RuleTests.Expect.MATCH;
        if (fired.isEmpty() == expectMatch && tally.records > 0) {
            List<String> why = new ArrayList<>();
            if (expectMatch) {
                why.add("needs " + MatchReasons.correlation(corr));
                matchesPerRule.forEach((id, n) -> why.add("counted rule " + id + " matched " + n + " of "
                        + records(tally.records)));
                if (uncountedTotal[0] > 0) {
                    why.add(records(uncountedTotal[0]) + " matched none of the counted rules: "
                            + positions(uncounted, uncountedTotal[0]));
                }
                if (stats.lateHits() > 0) {
                    why.add(stats.lateHits() + " matches arrived more than the allowed lateness behind their group's"
                            + " latest record and were dropped; order the records by eventTime");
                }
            } else {
                for (Finding f : fired.subList(0, Math.min(DETAILS_PER_FILE, fired.size()))) {
                    why.add("fired for " + group(f) + " on " + records(f.count()) + ": " + positions(
                            f.evidence().stream().map(ev -> recordNumber(ev.origin())).toList(), f.count()));
                }
            }
            tally.fail(() -> new RuleTestResult.Failure(c.display(), 0, "", expectMatch
                    ? "expected the correlation to fire, it did not" : "the correlation fired, expected it not to",
                    why));
        }
        return tally.result(c, kind);
    }

    /** Reads the file; a problem-free file that holds no usable records is an error, not a silent pass. */
    private FileKind read(RuleTests.Case c, FileTally tally, java.util.function.Consumer<CloudTrailEvent> events) {
        long size;
        try {
            size = Files.size(c.path());
        } catch (IOException e) {
            size = 0;
        }
        CloudTrailFileReader.Result r = reader.read(new LogFile(c.path(), c.display(), size), e -> {
            tally.records++;
            events.accept(e);
        }, tally::problem);
        if (r.kind() == FileKind.CLOUDTRAIL_DIGEST) {
            tally.problem(new Problem(c.display(), "not-cloudtrail", "a CloudTrail digest file, not records; "
                    + "example files hold CloudTrail records"));
        }
        return r.kind();
    }

    private static String group(Finding f) {
        if (f.keys().isEmpty()) {
            return "the single group";
        }
        List<String> parts = new ArrayList<>();
        f.keys().forEach((k, v) -> parts.add(k + "=" + MatchReasons.clip(v)));
        return String.join(", ", parts);
    }

    private static String positions(List<Long> records, long total) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(POSITIONS_SHOWN, records.size()); i++) {
            b.append(i > 0 ? ", " : "").append('#').append(records.get(i));
        }
        if (total > Math.min(POSITIONS_SHOWN, records.size())) {
            b.append(", …");
        }
        return b.toString();
    }

    private static String records(long n) {
        return n == 1 ? "1 record" : n + " records";
    }

    /** The record number of an origin such as {@code file#record 12}; 0 when it has none. */
    static long recordNumber(String origin) {
        int at = origin.lastIndexOf("#record ");
        if (at < 0) {
            return 0;
        }
        try {
            return Long.parseLong(origin.substring(at + "#record ".length()).strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Counts and the first details of one file. */
    private static final class FileTally {
        long records;
        long failed;
        long unreadable;
        final List<RuleTestResult.Failure> failures = new ArrayList<>();
        final List<Problem> problems = new ArrayList<>();

        void fail(java.util.function.Supplier<RuleTestResult.Failure> detail) {
            if (failed++ < DETAILS_PER_FILE) {
                failures.add(detail.get());
            }
        }

        void problem(Problem p) {
            if (unreadable++ < DETAILS_PER_FILE) {
                problems.add(p);
            }
        }

        RuleTestResult.FileResult result(RuleTests.Case c, FileKind kind) {
            if (records == 0 && problems.isEmpty()) {
                problem(new Problem(c.display(), "empty", "no records read (the file is " + kind.label()
                        + "); an example holds at least one CloudTrail record"));
            }
            return new RuleTestResult.FileResult(c, records, failed, failures, unreadable, problems);
        }
    }
}
