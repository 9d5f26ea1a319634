package dev.vigil.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class ScanCommandTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static final String STOP = "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"IAMUser\",\"principalId\":\"AIDA1\","
            + "\"arn\":\"arn:aws:iam::111122223333:user/mallory\",\"accountId\":\"111122223333\",\"userName\":\"mallory\"},"
            + "\"eventTime\":\"2026-10-01T10:00:00Z\",\"eventSource\":\"cloudtrail.amazonaws.com\",\"eventName\":\"StopLogging\","
            + "\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"203.0.113.9\",\"userAgent\":\"UA\",\"requestParameters\":"
            + "{\"name\":\"TRAIL\"},\"responseElements\":null,\"eventID\":\"EID\",\"eventType\":\"AwsApiCall\","
            + "\"recipientAccountId\":\"111122223333\"}";

    @TempDir
    Path dir;

    static Path shared() {
        String p = System.getProperty("vigil.shared");
        return p != null ? Paths.get(p) : Paths.get("../../shared");
    }

    CliRunner.Result scan(String... extra) {
        String[] base = {"scan", "--out", dir.resolve("out").toString(), "--workspace", dir.resolve("ws").toString(),
                "--color", "never"};
        String[] all = Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return CliRunner.run(all);
    }

    static byte[] gzip(String s) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
            gz.write(s.getBytes(StandardCharsets.UTF_8));
        }
        return bos.toByteArray();
    }

    @Test
    void scansTheStratusDetonationsAndGatesOnSeverity() throws IOException {
        Path stratus = shared().resolve("data/stratus-detonations");
        // The folder also holds the data's LICENSE: reported as not CloudTrail, so the run is partial (5, not 4).
        CliRunner.Result r = scan(stratus.toString(), "--fail-on", "high");
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCode.FINDINGS_AND_PARTIAL);
        assertThat(r.err()).contains("findings at or above high");
        JsonNode s = JSON.readTree(dir.resolve("out/summary.json").toFile());
        assertThat(s.get("records").asLong()).isEqualTo(310);
        assertThat(s.at("/problems/0/location").asText()).endsWith("LICENSE");
        assertThat(Files.readString(dir.resolve("out/findings.ocsf.jsonl"))).contains("vigil-cloudtrail-logging-stopped");
        // Only the JSON files: complete input, so the gate alone decides.
        String[] json;
        try (var files = Files.list(stratus)) {
            json = files.filter(p -> p.toString().endsWith(".json")).map(Path::toString).sorted().toArray(String[]::new);
        }
        String[] gated = Arrays.copyOf(json, json.length + 2);
        gated[json.length] = "--fail-on";
        gated[json.length + 1] = "critical";
        assertThat(scan(gated).exitCode()).isEqualTo(ExitCode.OK);
        gated[json.length + 1] = "high";
        assertThat(scan(gated).exitCode()).isEqualTo(ExitCode.FINDINGS);
        assertThat(scan(json).exitCode()).isEqualTo(ExitCode.OK);
    }

    @Test
    void badInputIsReportedSkippedAndCountedWhileTheRestIsProcessed() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.write(in.resolve("good.json.gz"), gzip("{\"Records\":[" + STOP + "]}"));
        byte[] gz = gzip("{\"Records\":[" + (STOP.replace("EID", "X") + ",").repeat(300) + STOP.replace("EID", "Y") + "]}");
        Files.write(in.resolve("cut.json.gz"), Arrays.copyOf(gz, gz.length / 2));
        Files.writeString(in.resolve("broken.json"), "{\"Records\":[" + STOP.replace("EID", "B1") + ","
                + STOP.replace("\"eventName\":\"StopLogging\",", "").replace("EID", "B2") + ", {\"eventTime\": 12 ]}");
        Files.writeString(in.resolve("notes.json"), "{\"hello\":\"world\"}");
        Files.write(in.resolve("garbage.bin"), new byte[]{0, 1, 2, 3, (byte) 0xff});
        CliRunner.Result r = scan(in.toString(), in.resolve("missing.json").toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCode.PARTIAL);
        assertThat(r.err()).contains("results are partial");
        JsonNode s = JSON.readTree(dir.resolve("out/summary.json").toFile());
        assertThat(s.get("partial").asBoolean()).isTrue();
        assertThat(s.at("/skip_reasons/not-cloudtrail").asInt()).isEqualTo(2);
        assertThat(s.at("/skip_reasons/not-found").asInt()).isEqualTo(1);
        assertThat(s.at("/skip_reasons/missing-field").asInt()).isEqualTo(1);
        assertThat(s.at("/skip_reasons/truncated-gzip").asInt()).isEqualTo(1);
        assertThat(s.get("skipped_files").asInt()).isEqualTo(3);
        assertThat(s.get("records").asInt()).isGreaterThan(2);
        assertThat(r.out()).contains("missing-field").contains("broken.json#record 2");
        // The good records still produced their finding.
        assertThat(Files.readString(dir.resolve("out/findings.ocsf.jsonl"))).contains("\"uid\":\"EID\"");
    }

    @Test
    void hostileLogContentCannotInjectMarkupOrTerminalControls() throws IOException {
        String evil = STOP.replace("\"TRAIL\"", "\"<script>alert(1)</script>\\\"><img src=x onerror=alert(2)>\"")
                .replace("\"UA\"", "\"\\u001b[2J\\u001b]0;pwned\\u0007\\u202e\"")
                .replace("mallory", "mal\\u001b[31mlory<b>");
        Path in = Files.writeString(dir.resolve("evil.json"), "[" + evil + "]");
        CliRunner.Result r = scan(in.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
        String html = Files.readString(dir.resolve("out/report.html"));
        assertThat(html).doesNotContain("<script>alert").doesNotContain("<img src=x").doesNotContain("<b>");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(r.out()).doesNotContain("\u001b[2J").doesNotContain("\u001b]0;").doesNotContain("\u202e")
                .doesNotContain("\u001b[31m");
        CliRunner.Result list = CliRunner.run("findings", "list", "--workspace", dir.resolve("ws").toString());
        assertThat(list.out()).doesNotContain("\u001b").contains("mal");
    }

    @Test
    void scanningTheSameDataTwiceDoesNotDuplicateFindings() throws IOException {
        // rule findings only: the CloudTrail alarm's finding is tested in ScanMetricsTest
        Path in = Files.writeString(dir.resolve("one.json"), "[" + STOP + "]");
        assertThat(scan(in.toString(), "--no-metrics").out()).contains("1 new, 0 updated");
        assertThat(scan(in.toString(), "--no-metrics").out()).contains("0 new, 1 updated");
        CliRunner.Result list = CliRunner.run("findings", "list", "--workspace", dir.resolve("ws").toString(),
                "--format", "jsonl");
        assertThat(list.out().lines()).hasSize(1);
        assertThat(JSON.readTree(list.out()).get("count").asInt()).isEqualTo(1);
        Path later = Files.writeString(dir.resolve("later.json"),
                "[" + STOP.replace("EID", "EID2").replace("2026-10-01T10:00:00Z", "2026-10-02T10:00:00Z") + "]");
        scan(later.toString(), "--no-metrics");
        list = CliRunner.run("findings", "list", "--workspace", dir.resolve("ws").toString(), "--format", "jsonl");
        assertThat(JSON.readTree(list.out()).get("count").asInt()).isEqualTo(2);
    }

    @Test
    void usageErrorsExitWithTwoAndSayWhy() {
        assertThat(CliRunner.run("scan").exitCode()).isEqualTo(ExitCode.USAGE);
        CliRunner.Result bad = CliRunner.run("scan", "x", "--fail-on", "severe");
        assertThat(bad.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(bad.err()).contains("unknown severity 'severe'");
        assertThat(CliRunner.run("nonsense").exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void versionAndHelpWorkForEveryCommand() {
        CliRunner.Result v = CliRunner.run("--version");
        assertThat(v.exitCode()).isZero();
        assertThat(v.out()).startsWith("vigil ");
        for (String[] cmd : new String[][]{{"--help"}, {"scan", "--help"}, {"demo", "--help"}, {"simulate", "--help"},
                {"findings", "--help"}, {"findings", "list", "--help"}, {"findings", "show", "--help"},
                {"rules", "--help"}, {"rules", "list", "--help"}, {"rules", "validate", "--help"}}) {
            CliRunner.Result h = CliRunner.run(cmd);
            assertThat(h.exitCode()).as(String.join(" ", cmd)).isZero();
            assertThat(h.out()).contains("Usage:");
        }
    }

    @Test
    void queryingAMissingWorkspaceSaysWhatToDo() {
        CliRunner.Result r = CliRunner.run("findings", "list", "--workspace", dir.resolve("nowhere").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(r.err()).contains("run 'vigil scan' or 'vigil findings import' first");
    }
}
