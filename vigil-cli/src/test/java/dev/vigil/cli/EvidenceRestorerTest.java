package dev.vigil.cli;

import dev.vigil.formats.cloudtrail.CloudTrailFileReader;
import dev.vigil.formats.input.LogFile;
import dev.vigil.model.DetectionInfo;
import dev.vigil.model.Evidence;
import dev.vigil.model.Finding;
import dev.vigil.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The records findings cite get their text back from the files the scan read. */
class EvidenceRestorerTest {

    @TempDir
    Path dir;

    private static String record(int n) {
        return "{\"eventVersion\":\"1.08\",\"eventTime\":\"2026-10-01T10:00:0" + n + "Z\","
                + "\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\"GetUser\",\"eventID\":\"id-" + n + "\"}";
    }

    private static Finding finding(List<Evidence> evidence) {
        return new Finding("f1", new DetectionInfo("r", "R", "", Severity.MEDIUM, List.of(), List.of()), Map.of(),
                "", "", "", "", Instant.EPOCH, Instant.EPOCH, evidence.size(), evidence);
    }

    @Test
    void citedRecordsAreReadBackByTheirOrigin() throws IOException {
        Path file = Files.writeString(dir.resolve("a.json"), "[" + record(1) + "," + record(2) + "," + record(3) + "]");
        LogFile lf = new LogFile(file, "logs/a.json", Files.size(file));
        Evidence cited = new Evidence("id-2", Instant.EPOCH, "logs/a.json#record 2", "");
        Evidence kept = new Evidence("id-9", Instant.EPOCH, "elsewhere#record 1", "{\"already\":true}");
        Evidence gone = new Evidence("id-7", Instant.EPOCH, "logs/a.json#record 7", "");
        EvidenceRestorer.Outcome out = EvidenceRestorer.restore(List.of(finding(List.of(cited, kept, gone))),
                List.of(lf), CloudTrailFileReader.Limits.DEFAULT);
        assertThat(out.findings().getFirst().evidence()).extracting(Evidence::rawJson)
                .containsExactly(record(2), "{\"already\":true}", "");
        assertThat(out.missing()).isEqualTo(1);
        assertThat(out.findings().getFirst().id()).isEqualTo("f1");
    }

    @Test
    void citedFlowLinesAreReadBackByTheirLineAndTheSummaryIsLeftAlone() throws IOException {
        Path file = Files.writeString(dir.resolve("f.log"), "version account-id interface-id srcaddr dstaddr srcport "
                + "dstport protocol packets bytes start end action log-status\n"
                + "2 111122223333 eni-1 10.0.0.5 198.51.100.7 40001 22 6 1 44 1790848800 1790848801 REJECT OK\n"
                + "2 111122223333 eni-1 10.0.0.5 198.51.100.7 40002 23 6 1 44 1790848800 1790848801 REJECT OK\n");
        LogFile lf = new LogFile(file, "logs/f.log", Files.size(file));
        Evidence summary = Evidence.summary(Instant.EPOCH, "{\"distinctPorts\":2}");
        Evidence line3 = new Evidence("", Instant.EPOCH, "logs/f.log#line 3", "");
        Evidence line9 = new Evidence("", Instant.EPOCH, "logs/f.log#line 9", "");
        EvidenceRestorer.Outcome out = EvidenceRestorer.restore(List.of(finding(List.of(summary, line3, line9))),
                List.of(lf), CloudTrailFileReader.Limits.DEFAULT);
        List<Evidence> back = out.findings().getFirst().evidence();
        assertThat(back.get(0).rawJson()).isEqualTo("{\"distinctPorts\":2}");
        assertThat(back.get(1).rawJson()).contains("\"dstport\":23").contains("\"srcport\":40002");
        assertThat(back.get(2).hasText()).isFalse();
        assertThat(out.missing()).isEqualTo(1);
    }

    @Test
    void aScanKeepsTheTextOfEveryCitedRecord() throws IOException {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < 12; i++) { // a burst of unauthorized calls: a correlation whose base rule raises nothing
            b.append(i == 0 ? "" : ",").append("{\"eventVersion\":\"1.08\",\"eventTime\":\"2026-10-01T10:00:")
                    .append(10 + i).append("Z\",\"eventSource\":\"ec2.amazonaws.com\",\"eventName\":\"DescribeVolumes\","
                            + "\"errorCode\":\"Client.UnauthorizedOperation\",\"awsRegion\":\"us-east-1\","
                            + "\"recipientAccountId\":\"111122223333\",\"eventID\":\"u-").append(i)
                    .append("\",\"userIdentity\":{\"type\":\"IAMUser\",\"arn\":\"arn:aws:iam::111122223333:user/x\"}}");
        }
        Files.writeString(logs.resolve("burst.json"), b.append("]").toString());
        Path ws = dir.resolve("ws");
        CliRunner.Result scan = CliRunner.run("scan", logs.toString(), "--out", dir.resolve("out").toString(),
                "--workspace", ws.toString(), "--color", "never");
        assertThat(scan.exitCode()).as(scan.err()).isZero();
        CliRunner.Result list = CliRunner.run("findings", "list", "--workspace", ws.toString(), "--format", "jsonl",
                "--rule", "vigil-unauthorized-api-calls-burst");
        assertThat(list.out()).contains("vigil-unauthorized-api-calls-burst");
        String id = list.out().replaceAll("(?s).*?\"uid\":\"([0-9a-f]{12,})\".*", "$1");
        CliRunner.Result show = CliRunner.run("findings", "show", id, "--workspace", ws.toString());
        assertThat(show.exitCode()).as(show.err()).isZero();
        assertThat(show.out()).contains("Client.UnauthorizedOperation").contains("u-11");
    }
}
