package dev.vigil.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.vigil.engine.AggregatorStats;
import dev.vigil.formats.ocsf.OcsfFindingWriter;
import dev.vigil.model.Finding;
import dev.vigil.model.Problem;
import dev.vigil.model.ScanSummary;
import dev.vigil.model.Severity;
import dev.vigil.report.ComplianceSection;
import dev.vigil.report.HtmlReportWriter;
import dev.vigil.report.ReportContext;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a scan's files: OCSF findings, the HTML report and the machine-readable run summary. */
final class ScanOutputs {

    static final String FINDINGS_FILE = "findings.ocsf.jsonl";
    static final String REPORT_FILE = "report.html";
    static final String SUMMARY_FILE = "summary.json";

    private ScanOutputs() {
    }

    /** The paths that {@link #write} creates in {@code out}, by name, for messages and the report. */
    static Map<String, Path> paths(Path out) {
        Map<String, Path> m = new LinkedHashMap<>();
        m.put("findings (OCSF)", out.resolve(FINDINGS_FILE));
        m.put("report", out.resolve(REPORT_FILE));
        m.put("summary", out.resolve(SUMMARY_FILE));
        return m;
    }

    /**
     * @param metrics what the metric filters produced, or null when the scan ran none
     * @param alarms  the alarms' outcome, or null when the scan ran none
     */
    static void write(Path out, ReportContext ctx, List<Finding> findings, ScanSummary summary,
                      AggregatorStats correlation, ScanMetrics.Result metrics, AlarmReplay.Outcome alarms,
                      ComplianceSection compliance) {
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UserError("cannot create the output directory " + out + ": " + e.getMessage()
                    + "; choose another with --out");
        }
        try {
            try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out.resolve(FINDINGS_FILE)));
                 OcsfFindingWriter w = new OcsfFindingWriter(os, VigilCommand.version())) {
                for (Finding f : findings) {
                    w.write(f);
                }
            }
            try (Writer w = Files.newBufferedWriter(out.resolve(REPORT_FILE), StandardCharsets.UTF_8)) {
                HtmlReportWriter.write(w, ctx, findings, summary, alarms == null ? null : alarms.section(), compliance);
            }
            try (OutputStream os = Files.newOutputStream(out.resolve(SUMMARY_FILE))) {
                writeSummary(os, findings, summary, correlation, metrics, alarms);
            }
        } catch (IOException e) {
            throw new UserError("cannot write the outputs in " + out + ": " + e.getMessage()
                    + "; check free space and permissions, or choose another --out");
        }
    }

    /** summary.json: what the run read, skipped and found, for scripts and the benchmark. */
    static void writeSummary(OutputStream os, List<Finding> findings, ScanSummary s, AggregatorStats c,
                             ScanMetrics.Result metrics, AlarmReplay.Outcome alarms) throws IOException {
        Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
        for (Finding f : findings) {
            bySeverity.merge(f.severity(), 1, Integer::sum);
        }
        try (JsonGenerator g = new JsonFactory().createGenerator(os, JsonEncoding.UTF8).useDefaultPrettyPrinter()) {
            g.writeStartObject();
            g.writeStringField("vigil_version", VigilCommand.version());
            g.writeStringField("started_at", s.startedAt().toString());
            g.writeNumberField("elapsed_ms", s.elapsed().toMillis());
            g.writeArrayFieldStart("inputs");
            for (String i : s.inputs()) {
                g.writeString(i);
            }
            g.writeEndArray();
            g.writeNumberField("files", s.files());
            g.writeObjectFieldStart("file_kinds");
            for (var e : s.fileKinds().entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeNumberField("records", s.records());
            g.writeNumberField("bytes", s.bytes());
            g.writeNumberField("skipped_files", s.skippedFiles());
            g.writeNumberField("skipped_records", s.skippedRecords());
            g.writeBooleanField("partial", s.partial());
            g.writeObjectFieldStart("skip_reasons");
            for (var e : s.skipReasons().entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeArrayFieldStart("problems");
            for (Problem p : s.problems()) {
                g.writeStartObject();
                g.writeStringField("location", p.location());
                g.writeStringField("reason", p.reason());
                g.writeStringField("message", p.message());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("findings", findings.size());
            g.writeObjectFieldStart("findings_by_severity");
            for (Severity sev : Severity.values()) {
                g.writeNumberField(sev.name().toLowerCase(java.util.Locale.ROOT), bySeverity.getOrDefault(sev, 0));
            }
            g.writeEndObject();
            g.writeObjectFieldStart("correlation");
            g.writeNumberField("rule_hits", c.hits());
            g.writeNumberField("late_hits", c.lateHits());
            g.writeNumberField("untimed_hits", c.untimedHits());
            g.writeNumberField("group_overflows", c.groupOverflows());
            g.writeNumberField("evidence_dropped", c.evidenceDropped());
            g.writeEndObject();
            g.writeObjectFieldStart("metrics");
            g.writeBooleanField("enabled", metrics != null);
            g.writeNumberField("datapoints", metrics == null ? 0 : metrics.datapoints());
            g.writeNumberField("metrics", metrics == null ? 0 : metrics.store().metrics().size());
            g.writeNumberField("datapoints_rejected", metrics == null ? 0 : metrics.store().rejected());
            g.writeNumberField("records_without_time", metrics == null ? 0 : metrics.untimedEvents());
            g.writeNumberField("alarms_evaluated", alarms == null ? 0 : alarms.evaluated());
            g.writeNumberField("alarms_in_alarm", alarms == null ? 0 : alarms.inAlarm());
            g.writeArrayFieldStart("alarms_that_entered_alarm");
            for (String name : alarms == null ? List.<String>of() : alarms.alarmNames()) {
                g.writeString(name);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeNumberField("peak_rss_bytes", s.peakRssBytes());
            g.writeEndObject();
        }
    }
}
