package dev.vigil.cli;

import dev.vigil.model.Finding;
import dev.vigil.posture.framework.Framework;
import dev.vigil.posture.output.ComplianceFindingWriter;
import dev.vigil.posture.report.PostureReportPrinter;
import dev.vigil.report.HtmlReportWriter;
import dev.vigil.report.ReportContext;
import dev.vigil.report.TerminalText;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What {@code vigil posture} writes to its output directory and prints. */
final class PostureOutputs {

    static final String OCSF_FILE = ComplianceFindingWriter.FILE_NAME;
    static final String REPORT_FILE = "report.html";

    private PostureOutputs() {
    }

    static Map<String, Path> paths(Path out) {
        Map<String, Path> m = new LinkedHashMap<>();
        m.put("report", out.resolve(REPORT_FILE));
        m.put("OCSF compliance findings", out.resolve(OCSF_FILE));
        m.put("all check results", out.resolve(PostureRun.RESULTS_FILE));
        return m;
    }

    /** @param includePassed also write passing results to the OCSF file (as resolved Compliance Findings) */
    static void write(Path out, PostureRun.Outcome outcome, PostureSource.Loaded loaded, List<Framework> frameworks,
                      Instant now, boolean includePassed) {
        try {
            Files.createDirectories(out);
            new ComplianceFindingWriter(frameworks, outcome.catalogue().values(), now,
                    new ComplianceFindingWriter.Options(includePassed, VigilCommand.version()))
                    .writeTo(out, outcome.results());
            PostureRun.writeResults(out.resolve(PostureRun.RESULTS_FILE), outcome.results());
            try (Writer w = Files.newBufferedWriter(out.resolve(REPORT_FILE), StandardCharsets.UTF_8)) {
                List<Finding> failing = PostureFindings.of(outcome.results(), outcome.catalogue(), now).failing();
                ReportContext ctx = new ReportContext("Vigil posture", now, List.of(loaded.origin()), paths(out));
                HtmlReportWriter.writePosture(w, ctx, failing,
                        PostureCompliance.section(outcome.report(), List.of(loaded.origin())));
            }
        } catch (IOException e) {
            throw new UserError("cannot write the posture outputs under " + out + ": " + e.getMessage(), e);
        }
    }

    /**
     * Prints the report. With {@code detail}, each framework's section and account tables, the requirements failing
     * and the manual ones with the evidence to collect; without, one score line per framework (an overview of all
     * seven stays readable), then the failing checks either way.
     */
    static void print(PrintStream stdout, PostureRun.Outcome outcome, PostureSource.Loaded loaded, Path out,
                      boolean detail) {
        stdout.println(TerminalText.sanitize(loaded.origin()));
        PrintWriter w = new PrintWriter(stdout, false, StandardCharsets.UTF_8);
        new PostureReportPrinter(w, new PostureReportPrinter.Options(200, 3, detail, detail)).print(outcome.report());
        w.flush();
        if (!detail) {
            stdout.println("Per section and per account: --framework ID (or --detail for every framework).");
        }
        stdout.println();
        paths(out).forEach((label, path) -> stdout.println("wrote " + label + ": " + path));
    }
}
