package dev.vigil.cli;

import dev.vigil.posture.check.BuiltInChecks;
import dev.vigil.posture.check.CheckStatus;
import dev.vigil.posture.framework.FrameworkCatalog;
import dev.vigil.posture.framework.FrameworkScore;
import dev.vigil.posture.framework.PostureReport;
import dev.vigil.report.ComplianceSection;
import dev.vigil.report.TerminalText;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The demo's posture part: assesses the simulated organisation's Config snapshots and exports, shows the framework
 * scores and the worst failures beside the detections, and keeps the failures in the demo's findings store.
 */
final class PostureDemo {

    /** Where the demo writes the posture outputs, under its output directory. */
    static final String DIR = "posture";
    private static final int SHOWN_FAILURES = 8;
    private static final int REASON_WIDTH = 90;

    private final PostureSource.Loaded loaded;
    private final PostureRun.Outcome outcome;
    private final List<dev.vigil.posture.framework.Framework> frameworks;
    private final Instant at;

    private PostureDemo(PostureSource.Loaded loaded, PostureRun.Outcome outcome,
                        List<dev.vigil.posture.framework.Framework> frameworks, Instant at) {
        this.loaded = loaded;
        this.outcome = outcome;
        this.frameworks = frameworks;
        this.at = at;
    }

    /** Assesses the estate as of {@code at} (the end of the simulated period, so "recent" means recent there). */
    static PostureDemo assess(Path estateDir, Instant at) {
        PostureSource.Loaded loaded = PostureSource.offline(List.of(estateDir), null, at);
        var frameworks = FrameworkCatalog.builtIn().all();
        PostureRun.Outcome outcome = PostureRun.assess(loaded.estate(), BuiltInChecks.all(), frameworks);
        return new PostureDemo(loaded, outcome, frameworks, at);
    }

    /** Keeps a summary line within a wide terminal; the report files have the whole reason. */
    private static String clip(String reason) {
        return reason.length() <= REASON_WIDTH ? reason : reason.substring(0, REASON_WIDTH - 1) + "…";
    }

    ComplianceSection compliance() {
        return PostureCompliance.section(outcome.report(), List.of(loaded.origin()));
    }

    /** Writes the posture outputs, stores the failures, and prints a short summary. */
    void print(PrintStream out, Path dir, StoreLocation location, Clock clock) {
        PostureOutputs.write(dir, outcome, loaded, frameworks, at, false);
        List<String> stored = PostureRun.store(outcome, location, HubOptions.defaults(), clock);
        PostureReport report = outcome.report();
        out.println("Posture of the demo organisation (" + TerminalText.sanitize(loaded.origin()) + ")");
        var counts = report.checkCounts();
        out.printf(Locale.ROOT, "  checks: %d PASS, %d FAIL, %d ERROR (data missing or denied), %d MANUAL, %d NOT_APPLICABLE%n",
                counts.get(CheckStatus.PASS), counts.get(CheckStatus.FAIL), counts.get(CheckStatus.ERROR),
                counts.get(CheckStatus.MANUAL), counts.get(CheckStatus.NOT_APPLICABLE));
        for (FrameworkScore f : report.frameworks()) {
            var t = f.overall();
            out.printf(Locale.ROOT, "  %-48s %s  (%d passing, %d failing, %d not judged, %d manual)%n",
                    TerminalText.sanitize(f.framework().displayName()),
                    t.score().isPresent() ? String.format(Locale.ROOT, "%3.0f %%", t.score().getAsDouble() * 100) : "  n/a",
                    t.passed(), t.failed(), t.errors(), t.manual());
        }
        out.println("  most severe failures:");
        report.failures().stream().limit(SHOWN_FAILURES).forEach(f -> out.printf(Locale.ROOT, "    %-8s %-36s %s%n",
                f.severity().name(), f.result().checkId(), clip(TerminalText.sanitize(f.result().reason()))));
        if (report.failures().size() > SHOWN_FAILURES) {
            out.println("    … " + (report.failures().size() - SHOWN_FAILURES) + " more in "
                    + dir.resolve(PostureOutputs.REPORT_FILE));
        }
        stored.forEach(line -> out.println("  " + TerminalText.sanitize(line)));
    }
}
