package dev.vigil.formats.flowlog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static dev.vigil.formats.flowlog.FlowLogFiles.*;
import static org.assertj.core.api.Assertions.assertThat;

class FlowLogSnifferTest {

    @TempDir
    Path dir;

    @Test
    void onlyFilesCloudTrailNamedAreNotWorthSniffing() {
        assertThat(FlowLogSniffer.worthSniffing(Path.of("a/111122223333_CloudTrail_us-east-1_20261001T0000Z_ab.json.gz")))
                .isFalse();
        assertThat(FlowLogSniffer.worthSniffing(Path.of("111122223333_CloudTrail-Digest_us-east-1_x.json.gz"))).isFalse();
        assertThat(FlowLogSniffer.worthSniffing(Path.of("CloudTrail/123_vpcflowlogs_us-east-1_fl-1_x.log.gz"))).isTrue();
        assertThat(FlowLogSniffer.worthSniffing(Path.of("events.json"))).isTrue();
    }

    @Test
    void flowLogsAreRecognisedByContentWhateverTheirName() throws IOException {
        FlowLogFiles f = new FlowLogFiles(dir);
        assertThat(FlowLogSniffer.isFlowLog(f.write("AWSLogs/123456789010/vpcflowlogs/us-east-1/2014/12/14/"
                + "123456789010_vpcflowlogs_us-east-1_fl-1234abcd_20141214T0405Z_fe123456.log.gz",
                gzip(lines(V2_HEADER, V2_SSH))))).isTrue();
        assertThat(FlowLogSniffer.isFlowLog(f.write("custom.log", lines("${instance-id} ${interface-id} ${srcaddr}",
                "- eni-1 10.0.1.5")))).as("any header line").isTrue();
        assertThat(FlowLogSniffer.isFlowLog(f.write("headerless.txt", "\uFEFF" + lines(V2_NODATA, V2_SSH))))
                .isTrue();
        assertThat(FlowLogSniffer.isFlowLog(f.write("000000", gzip(lines("2014-12-14T04:07:50.000Z " + V2_SSH)))))
                .as("CloudWatch Logs export task").isTrue();
        assertThat(FlowLogSniffer.isFlowLog(f.write("events.json", "{\"events\": [{\"logStreamName\": \"eni-1-all\","
                + " \"timestamp\": 1, \"message\": \"" + V2_IPV6 + "\"}], \"searchedLogStreams\": []}"))).isTrue();
        assertThat(FlowLogSniffer.isFlowLog(f.write("array.json", "[{\"message\": \"" + V2_RDP + "\"}]"))).isTrue();
    }

    @Test
    void lookalikesAreNotFlowLogs() throws IOException {
        FlowLogFiles f = new FlowLogFiles(dir);
        // CloudTrail delivered to CloudWatch Logs and exported: events whose messages are JSON
        assertThat(FlowLogSniffer.isFlowLog(f.write("ct-events.json", "{\"events\": [{\"timestamp\": 1, \"message\":"
                + " \"{\\\"eventVersion\\\":\\\"1.08\\\",\\\"eventName\\\":\\\"StopLogging\\\"}\"}]}"))).isFalse();
        assertThat(FlowLogSniffer.isFlowLog(f.write("ct-export.txt",
                lines("2024-07-31T13:06:24.000Z {\"eventVersion\":\"1.08\"}")))).isFalse();
        assertThat(FlowLogSniffer.isFlowLog(f.write("v3-no-header.log", lines("3 eni-9 443 REJECT")))).isFalse();
        assertThat(FlowLogSniffer.isFlowLog(f.write("findings.csv",
                lines("id,title,severity,account-id", "a,b,HIGH,1")))).isFalse();
        assertThat(FlowLogSniffer.isFlowLog(f.write("notes.txt", lines("version 1.2 of the release notes")))).isFalse();
        assertThat(FlowLogSniffer.isFlowLog(f.write("empty.log", ""))).isFalse();
        assertThat(FlowLogSniffer.isFlowLog(f.write("long.log", "2 ".repeat(20_000)))).isFalse();
        byte[] gz = gzip(lines(V2_HEADER, V2_SSH));
        assertThat(FlowLogSniffer.isFlowLog(f.write("cut.log.gz", java.util.Arrays.copyOf(gz, 12)))).isFalse();
        assertThat(FlowLogSniffer.isFlowLog(dir.resolve("missing.log"))).isFalse();
    }

    @Test
    void noCloudTrailConfigGuardDutyOrFindingsFileOfTheSharedDataOrTheRepositoryIsAFlowLog() throws IOException {
        List<Path> all = Stream.concat(walk(sharedData()), testResourceTrees().flatMap(FlowLogSnifferTest::walk))
                .toList();
        // flow-log fixtures (this module's, and any other module's named for flow logs) are the positives
        List<Path> flowLogFixtures = all.stream().filter(p -> FLOW_LOG_NAME.matcher(insideTree(p)).find()).toList();
        List<Path> others = all.stream().filter(p -> !flowLogFixtures.contains(p)).toList();
        assertThat(others).as("real CloudTrail, Config, GuardDuty and findings files to test against")
                .hasSizeGreaterThan(100);
        assertThat(others.stream().filter(FlowLogSniffer::isFlowLog)).isEmpty();
        assertThat(flowLogFixtures.stream().filter(p -> p.toString().endsWith(".log")))
                .isNotEmpty().allMatch(FlowLogSniffer::isFlowLog);
    }

    private static final java.util.regex.Pattern FLOW_LOG_NAME =
            java.util.regex.Pattern.compile("(?i)flow-?logs?[/_.-]|vpcflowlogs");

    /** The path below {@code src/test/resources/} or {@code data/}, so the checkout's own path does not count. */
    static String insideTree(Path p) {
        String s = p.toString().replace('\\', '/');
        int at = Math.max(s.lastIndexOf("/src/test/resources/"), s.lastIndexOf("/data/"));
        return at < 0 ? s : s.substring(at);
    }

    static Path sharedData() {
        String configured = System.getProperty("vigil.shared");
        Path shared = configured != null ? Path.of(configured) : Path.of("../../shared");
        if (!Files.isDirectory(shared.resolve("data"))) {
            shared = Path.of("../../shared");
        }
        return shared.resolve("data");
    }

    /** Every module's src/test/resources, found from this module's directory. */
    static Stream<Path> testResourceTrees() throws IOException {
        try (Stream<Path> modules = Files.list(Path.of("..").toAbsolutePath().normalize())) {
            return modules.map(m -> m.resolve("src/test/resources")).filter(Files::isDirectory).toList().stream();
        }
    }

    static Stream<Path> walk(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).toList().stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
