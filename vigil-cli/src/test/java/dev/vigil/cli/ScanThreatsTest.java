package dev.vigil.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code vigil scan} over CloudTrail and VPC Flow Logs in one folder, with an indicator set: the flow-log, intel and
 * API-side detections run beside the rules, a broken flow line is reported by file and line, and the options that
 * name their files fail clearly when a file is wrong.
 */
class ScanThreatsTest {

    /** 2026-10-01T10:00:00Z */
    static final long T0 = 1_790_848_800L;
    static final String LISTED = "198.51.100.7";

    @TempDir
    Path dir;

    CliRunner.Result scan(String... extra) {
        String[] base = {"scan", "--out", dir.resolve("out").toString(), "--workspace", dir.resolve("ws").toString(),
                "--color", "never"};
        String[] all = Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return CliRunner.run(all);
    }

    /** An instance probes 30 ports of one outside host in a minute; one line in the middle is cut short. */
    Path logs() throws IOException {
        Path flows = dir.resolve("logs/AWSLogs/111122223333/vpcflowlogs/us-east-1/2026/10/01");
        Files.createDirectories(flows);
        StringBuilder b = new StringBuilder("version account-id interface-id srcaddr dstaddr srcport dstport protocol "
                + "packets bytes start end action log-status\n");
        for (int port = 1; port <= 30; port++) {
            b.append("2 111122223333 eni-0a1b2c3d4e5f60718 10.0.0.5 ").append(LISTED).append(' ')
                    .append(40000 + port).append(' ').append(port).append(" 6 1 44 ").append(T0 + port).append(' ')
                    .append(T0 + port + 1).append(" REJECT OK\n");
            if (port == 10) {
                b.append("2 111122223333 eni-0a1b2c3d4e5f60718 10.0.0.5\n"); // line 12: cut short
            }
        }
        Files.write(flows.resolve("111122223333_vpcflowlogs_us-east-1_fl-0123456789abcdef0_20261001T1000Z_1a2b3c4d.log.gz"),
                ScanCommandTest.gzip(b.toString()));
        Path trail = dir.resolve("logs/AWSLogs/111122223333/CloudTrail/us-east-1/2026/10/01");
        Files.createDirectories(trail);
        String call = ScanCommandTest.STOP.replace("203.0.113.9", LISTED);
        Files.write(trail.resolve("111122223333_CloudTrail_us-east-1_20261001T1000Z_abcdabcdabcdabcd.json.gz"),
                ScanCommandTest.gzip("{\"Records\":[" + call + "]}"));
        return dir.resolve("logs");
    }

    Path intel() throws IOException {
        Path list = dir.resolve("blocklist.txt");
        Files.writeString(list, "# our own blocklist\n" + LISTED + "\n203.0.113.0/24\n");
        return list;
    }

    List<JsonNode> findings() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("out/findings.ocsf.jsonl"))) {
            out.add(ScanCommandTest.JSON.readTree(line));
        }
        return out;
    }

    static List<String> rules(List<JsonNode> findings) {
        return findings.stream().map(f -> f.at("/finding_info/analytic/uid").asText()).toList();
    }

    @Test
    void flowLogsAndCloudTrailAreReadTogetherAndMatchedAgainstTheIndicators() throws IOException {
        CliRunner.Result r = scan(logs().toString(), "--intel", intel().toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCode.PARTIAL);
        List<JsonNode> findings = findings();
        assertThat(rules(findings)).contains("vigil-net-portscan", "vigil-net-malicious-ip-caller",
                "vigil-intel-api-malicious-caller-custom", "vigil-cloudtrail-logging-stopped");
        JsonNode scan = findings.stream()
                .filter(f -> f.at("/finding_info/analytic/uid").asText().equals("vigil-net-portscan")).findFirst()
                .orElseThrow();
        assertThat(scan.at("/finding_info/types").toString()).contains("Recon:EC2/Portscan");
        assertThat(scan.at("/resources/0/uid").asText()).isEqualTo("eni-0a1b2c3d4e5f60718");
        assertThat(scan.at("/unmapped/vigil/summary").isObject()).isTrue();
        assertThat(scan.at("/finding_info/related_events/0/product_uid").asText()).isEqualTo("aws:vpcflowlogs");
        assertThat(scan.at("/finding_info/related_events/0/uid").asText()).contains(".log.gz#line ");

        JsonNode s = ScanCommandTest.JSON.readTree(dir.resolve("out/summary.json").toFile());
        assertThat(s.at("/file_kinds/vpc-flow-log").asLong()).isEqualTo(1);
        assertThat(s.at("/file_kinds/cloudtrail").asLong()).isEqualTo(1);
        assertThat(s.get("records").asLong()).isEqualTo(31); // 30 flows and one CloudTrail record
        assertThat(s.get("skipped_records").asLong()).isEqualTo(1);
        assertThat(s.at("/problems/0/location").asText()).endsWith(".log.gz#line 12");
        assertThat(r.err()).contains("threat intelligence: 2 indicators in 1 sets");
        String report = Files.readString(dir.resolve("out/report.html"));
        assertThat(report).contains("What was seen").contains("REJECT tcp 10.0.0.5:40001");
    }

    @Test
    void withoutIndicatorsNoListedAddressIsReported() throws IOException {
        CliRunner.Result r = scan(logs().toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.PARTIAL);
        assertThat(rules(findings())).contains("vigil-net-portscan")
                .noneMatch(id -> id.contains("malicious"));
    }

    @Test
    void optionFilesThatCannotBeUsedStopTheRunWithTheirName() throws IOException {
        Path logs = logs();
        CliRunner.Result missing = scan(logs.toString(), "--intel", dir.resolve("nope.txt").toString());
        assertThat(missing.exitCode()).isNotZero();
        assertThat(missing.err()).contains("--intel").contains("nope.txt").contains("does not exist");

        Path settings = dir.resolve("network.yaml");
        Files.writeString(settings, "portscan:\n  min-ports: 25\n  no-such-key: 3\n");
        CliRunner.Result bad = scan(logs.toString(), "--network-settings", settings.toString());
        assertThat(bad.exitCode()).isNotZero();
        assertThat(bad.err()).contains("--network-settings").contains("network.yaml").contains("line 3");

        CliRunner.Result badSpan = scan(logs.toString(), "--learning-period", "soon");
        assertThat(badSpan.exitCode()).isNotZero();
        assertThat(badSpan.err()).contains("--learning-period");

        CliRunner.Result badFormat = scan(logs.toString(), "--flow-log-format", "");
        assertThat(badFormat.exitCode()).isNotZero();
        assertThat(badFormat.err()).contains("--flow-log-format");
    }
}
