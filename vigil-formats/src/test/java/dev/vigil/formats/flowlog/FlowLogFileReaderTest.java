package dev.vigil.formats.flowlog;

import dev.vigil.formats.cloudtrail.CloudTrailFileReader;
import dev.vigil.formats.cloudtrail.FileKind;
import dev.vigil.model.FlowRecord;
import dev.vigil.model.FlowRecord.Action;
import dev.vigil.model.FlowRecord.LogStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import static dev.vigil.formats.flowlog.FlowLogFiles.*;
import static dev.vigil.model.FlowRecord.ABSENT;
import static org.assertj.core.api.Assertions.assertThat;

class FlowLogFileReaderTest {

    @TempDir
    Path dir;

    FlowLogFiles f;

    FlowLogFiles files() {
        if (f == null) {
            f = new FlowLogFiles(dir);
        }
        return f;
    }

    @Test
    void defaultFormatExamplesOfTheUserGuideParseToTheirDocumentedValues() throws IOException {
        FlowLogFiles f = files();
        Path p = f.write("a.log", lines(V2_HEADER, V2_SSH, V2_RDP, V2_NODATA, V2_SKIPDATA, V2_PING_IN, V2_PING_REPLY,
                V2_IPV6));
        FlowLogFileReader.Result r = f.read(p);

        assertThat(f.problems).isEmpty();
        assertThat(r).isEqualTo(new FlowLogFileReader.Result(FileKind.VPC_FLOW_LOG, 7, 0));
        assertThat(f.records.get(0)).isEqualTo(new FlowRecord(2, "123456789010", "eni-1235b8ca123456789",
                "172.31.16.139", "172.31.16.21", 20641, 22, 6, 20, 4249, 1418530010, 1418530070, Action.ACCEPT,
                LogStatus.OK, "", "", "", ABSENT, "", "", "", "", "", "", "", "", ABSENT, Map.of(), "a.log#line 2"));
        assertThat(f.records.get(0).timeMillis()).isEqualTo(1418530070_000L);

        FlowRecord rdp = f.records.get(1);
        assertThat(rdp.dstPort()).isEqualTo(3389);
        assertThat(rdp.action()).isEqualTo(Action.REJECT);

        FlowRecord nodata = f.records.get(2);
        assertThat(nodata.logStatus()).isEqualTo(LogStatus.NODATA);
        assertThat(nodata.isTraffic()).isFalse();
        assertThat(nodata.srcAddr()).isEmpty();
        assertThat(nodata.srcPort()).isEqualTo(ABSENT);
        assertThat(nodata.protocol()).isEqualTo(ABSENT);
        assertThat(nodata.packets()).isEqualTo(ABSENT);
        assertThat(nodata.bytes()).isEqualTo(ABSENT);
        assertThat(nodata.action()).isEqualTo(Action.NONE);
        assertThat(nodata.start()).isEqualTo(1431280876);
        assertThat(nodata.end()).isEqualTo(1431280934);

        FlowRecord skip = f.records.get(3);
        assertThat(skip.logStatus()).isEqualTo(LogStatus.SKIPDATA);
        assertThat(skip.interfaceId()).isEqualTo("eni-11111111aaaaaaaaa");

        FlowRecord ping = f.records.get(4);
        assertThat(ping.protocol()).isEqualTo(FlowRecord.ICMP);
        assertThat(ping.srcPort()).isZero();
        assertThat(ping.dstPort()).isZero();
        assertThat(ping.packets()).isEqualTo(4);
        assertThat(ping.bytes()).isEqualTo(336);
        assertThat(f.records.get(5).action()).isEqualTo(Action.REJECT);

        FlowRecord v6 = f.records.get(6);
        assertThat(v6.srcAddr()).isEqualTo("2001:db8:1234:a100:8d6e:3477:df66:f105");
        assertThat(v6.dstAddr()).isEqualTo("2001:db8:1234:a102:3304:8879:34cf:4071");
        assertThat(v6.srcPort()).isEqualTo(34892);
        assertThat(v6.end()).isEqualTo(1477913820);
        assertThat(v6.origin()).isEqualTo("a.log#line 8");
    }

    @Test
    void version3CustomFormatFromTheHeaderLineMapsColumnsByName() throws IOException {
        FlowLogFiles f = files();
        Path p = f.write("v3.log", lines("version vpc-id subnet-id instance-id interface-id account-id type srcaddr "
                        + "dstaddr srcport dstport pkt-srcaddr pkt-dstaddr protocol bytes packets start end action "
                        + "tcp-flags log-status",
                "3 vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-01234567890123456 eni-1235b8ca123456789 "
                        + "123456789010 IPv4 52.213.180.42 10.0.0.62 43416 5001 52.213.180.42 10.0.0.62 6 568 8 "
                        + "1566848875 1566848933 ACCEPT 2 OK",
                "3 vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-01234567890123456 eni-1235b8ca123456789 "
                        + "123456789010 IPv4 10.0.0.62 52.213.180.42 5001 43416 10.0.0.62 52.213.180.42 6 376 7 "
                        + "1566848875 1566848933 ACCEPT 18 OK",
                "3 vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-01234567890123456 eni-1235b8ca123456789 "
                        + "123456789010 IPv4 52.213.180.42 10.0.0.62 43638 5001 52.213.180.42 10.0.0.62 6 1260 17 "
                        + "1566933133 1566933193 ACCEPT 3 OK",
                "3 vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-01234567890123456 eni-1235b8ca123456789 "
                        + "123456789010 IPv4 10.0.0.62 52.213.180.42 5001 43638 10.0.0.62 52.213.180.42 6 967 14 "
                        + "1566933133 1566933193 ACCEPT 19 OK"));
        assertThat(f.read(p).records()).isEqualTo(4);
        assertThat(f.problems).isEmpty();
        FlowRecord syn = f.records.get(0);
        assertThat(syn.version()).isEqualTo(3);
        assertThat(syn.vpcId()).isEqualTo("vpc-abcdefab012345678");
        assertThat(syn.subnetId()).isEqualTo("subnet-aaaaaaaa012345678");
        assertThat(syn.instanceId()).isEqualTo("i-01234567890123456");
        assertThat(syn.type()).isEqualTo("IPv4");
        assertThat(syn.pktSrcAddr()).isEqualTo("52.213.180.42");
        assertThat(syn.bytes()).isEqualTo(568);
        assertThat(syn.packets()).isEqualTo(8);
        assertThat(syn.tcpFlags()).isEqualTo(2);
        assertThat(f.records.stream().map(FlowRecord::tcpFlags)).containsExactly(2, 18, 3, 19);
        assertThat(syn.region()).isEmpty();
        assertThat(syn.trafficPath()).isEqualTo(ABSENT);
    }

    @Test
    void version5CustomFormatReadsServicesDirectionAndTrafficPath() throws IOException {
        FlowLogFiles f = files();
        Path p = f.write("v5.log.gz", gzip(lines("version srcaddr dstaddr srcport dstport protocol start end type "
                        + "packets bytes account-id vpc-id subnet-id instance-id interface-id region az-id "
                        + "sublocation-type sublocation-id action tcp-flags pkt-srcaddr pkt-dstaddr pkt-src-aws-service "
                        + "pkt-dst-aws-service traffic-path flow-direction log-status",
                "5 52.95.128.179 10.0.0.71 80 34210 6 1616729292 1616729349 IPv4 14 15044 123456789012 "
                        + "vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-0c50d5961bcb2d47b eni-1235b8ca123456789 "
                        + "ap-southeast-2 apse2-az3 - - ACCEPT 19 52.95.128.179 10.0.0.71 S3 - - ingress OK",
                "5 10.0.0.71 52.95.128.179 34210 80 6 1616729292 1616729349 IPv4 7 471 123456789012 "
                        + "vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-0c50d5961bcb2d47b eni-1235b8ca123456789 "
                        + "ap-southeast-2 apse2-az3 - - ACCEPT 3 10.0.0.71 52.95.128.179 - S3 8 egress OK")));
        assertThat(f.read(p)).isEqualTo(new FlowLogFileReader.Result(FileKind.VPC_FLOW_LOG, 2, 0));
        FlowRecord in = f.records.get(0);
        FlowRecord out = f.records.get(1);
        assertThat(in.version()).isEqualTo(5);
        assertThat(in.region()).isEqualTo("ap-southeast-2");
        assertThat(in.azId()).isEqualTo("apse2-az3");
        assertThat(in.pktSrcAwsService()).isEqualTo("S3");
        assertThat(in.pktDstAwsService()).isEmpty();
        assertThat(in.trafficPath()).isEqualTo(ABSENT);
        assertThat(in.flowDirection()).isEqualTo("ingress");
        assertThat(out.pktDstAwsService()).isEqualTo("S3");
        assertThat(out.trafficPath()).isEqualTo(8);
        assertThat(out.flowDirection()).isEqualTo("egress");
        // sublocation fields are not in the model: kept in extra only when present
        assertThat(in.extra()).isEmpty();
        assertThat(in.field("sublocation-type")).isNull();
    }

    @Test
    void version4FieldsAndSublocationsOfAnOutpost() throws IOException {
        FlowLogFiles f = files();
        Path p = f.write("v4.log", lines("version account-id interface-id region az-id sublocation-type sublocation-id "
                        + "srcaddr dstaddr action log-status",
                "4 123456789012 eni-0a1b2c3d4e5f60718 us-west-2 usw2-az1 outpost op-0123456789abcdef0 10.1.0.5 "
                        + "10.1.0.9 ACCEPT OK",
                "4 123456789012 eni-0a1b2c3d4e5f60718 us-west-2 usw2-az1 - - 10.1.0.5 10.1.0.9 ACCEPT OK"));
        assertThat(f.read(p).records()).isEqualTo(2);
        assertThat(FlowLogFormat.parse("version region az-id sublocation-type").version()).isEqualTo(4);
        FlowRecord outpost = f.records.get(0);
        assertThat(outpost.version()).isEqualTo(4);
        assertThat(outpost.region()).isEqualTo("us-west-2");
        assertThat(outpost.azId()).isEqualTo("usw2-az1");
        assertThat(outpost.extra()).containsExactlyInAnyOrderEntriesOf(Map.of("sublocation-type", "outpost",
                "sublocation-id", "op-0123456789abcdef0"));
        assertThat(f.records.get(1).extra()).isEmpty();
        assertThat(outpost.srcPort()).as("not in the layout").isEqualTo(ABSENT);
    }

    @Test
    void natGatewayRecordsWithoutVersionColumnKeepPacketAddresses() throws IOException {
        FlowLogFiles f = files();
        Path p = f.write("nat.log", lines("instance-id interface-id srcaddr dstaddr pkt-srcaddr pkt-dstaddr",
                "- eni-1235b8ca123456789 10.0.1.5 10.0.0.220 10.0.1.5 203.0.113.5",
                "- eni-1235b8ca123456789 10.0.0.220 10.0.1.5 203.0.113.5 10.0.1.5"));
        assertThat(f.read(p).records()).isEqualTo(2);
        FlowRecord out = f.records.get(0);
        assertThat(out.version()).isEqualTo(ABSENT);
        assertThat(out.instanceId()).isEmpty();
        assertThat(out.dstAddr()).isEqualTo("10.0.0.220");
        assertThat(out.packetDestination()).isEqualTo("203.0.113.5");
        assertThat(f.records.get(1).packetSource()).isEqualTo("203.0.113.5");
    }

    @Test
    void unknownAndLaterFieldsAreKeptInExtraByName() throws IOException {
        FlowLogFiles f = files();
        Path p = f.write("v8.log", lines("${version} ${interface-id} ${srcaddr} ${ecs-cluster-name} ${reject-reason} "
                        + "${resource-id} ${encryption-status} ${action}",
                "8 eni-1 10.0.0.1 prod-cluster BPA - 1 REJECT",
                "8 eni-1 10.0.0.1 - - - - ACCEPT"));
        assertThat(f.read(p).records()).isEqualTo(2);
        assertThat(f.problems).isEmpty();
        FlowRecord r = f.records.get(0);
        assertThat(r.version()).isEqualTo(8);
        assertThat(r.extra()).containsExactlyInAnyOrderEntriesOf(Map.of("ecs-cluster-name", "prod-cluster",
                "reject-reason", "BPA", "encryption-status", "1"));
        assertThat(r.field("reject-reason")).isEqualTo("BPA");
        assertThat(r.rawJson()).contains("\"reject-reason\":\"BPA\"");
        assertThat(f.records.get(1).extra()).isEmpty();
    }

    @Test
    void headerlessFileIsReadAsTheDefaultFormatWithExtraBlanksTabsAndCrlf() throws IOException {
        FlowLogFiles f = files();
        Path p = f.write("plain.txt", V2_SSH.replace(" 22 ", "  22\t") + "\r\n\r\n" + V2_RDP + "\r\n" + V2_NODATA);
        assertThat(f.read(p)).isEqualTo(new FlowLogFileReader.Result(FileKind.VPC_FLOW_LOG, 3, 0));
        assertThat(f.records.get(0).dstPort()).isEqualTo(22);
        assertThat(f.records.get(0).logStatus()).isEqualTo(LogStatus.OK);
        assertThat(f.records.get(1).origin()).isEqualTo("plain.txt#line 3");
        assertThat(f.records.get(2).origin()).isEqualTo("plain.txt#line 4");
    }

    @Test
    void malformedLinesAreReportedWithTheirLineNumbersAndTheRestIsRead() throws IOException {
        FlowLogFiles f = files();
        char[] longLine = new char[FlowLogFileReader.MAX_LINE_BYTES + 10];
        Arrays.fill(longLine, '7');
        Path p = f.write("bad.log", lines(V2_HEADER,
                V2_SSH,
                "2 123456789010 eni-1 1.2.3.4 5.6.7.8 1 2",                    // 3: too few fields
                V2_SSH + " extra",                                              // 4: too many
                V2_SSH.replace(" 22 ", " ssh "),                                // 5: not a number
                V2_SSH.replace(" 22 ", " 70000 "),                              // 6: port out of range
                V2_SSH.replace("ACCEPT", "ALLOW"),                              // 7: unknown action
                V2_SSH.replace(" OK", " FINE"),                                 // 8: unknown status
                V2_SSH.replace("eni-", "eni\u0001-"),                           // 9: control character
                new String(longLine),                                           // 10: over-long
                V2_SSH.replace(" 4249 ", " 99999999999999999999 "),             // 11: too many digits
                V2_RDP));                                                       // 12
        FlowLogFileReader.Result r = f.read(p);
        assertThat(r).isEqualTo(new FlowLogFileReader.Result(FileKind.VPC_FLOW_LOG, 2, 9));
        assertThat(f.problemSummaries()).containsExactly(
                "bad.log#line 3 field-count", "bad.log#line 4 field-count", "bad.log#line 5 bad-number",
                "bad.log#line 6 bad-number", "bad.log#line 7 unknown-action", "bad.log#line 8 unknown-log-status",
                "bad.log#line 9 control-character", "bad.log#line 10 line-too-long", "bad.log#line 11 bad-number");
        assertThat(f.problems.get(0).message()).contains("has 7 fields", "has 14", "skipped the line");
        assertThat(f.problems.get(2).message()).contains("dstport is 'ssh'");
        assertThat(f.problems.get(6).message()).contains("0x1").doesNotContain("\u0001");
        assertThat(f.records.get(1).origin()).isEqualTo("bad.log#line 12");
    }

    @Test
    void aHugeLineIsDroppedWithoutBeingHeldAndTheLinesAfterItAreRead() throws IOException {
        FlowLogFiles f = files();
        String huge = "2 " + "9".repeat(300_000);
        Path p = f.write("huge.log", V2_HEADER + "\n" + huge + "\n" + V2_SSH + "\n" + huge + "\n" + huge + "\n"
                + V2_RDP); // no newline at the end
        assertThat(f.read(p)).isEqualTo(new FlowLogFileReader.Result(FileKind.VPC_FLOW_LOG, 2, 3));
        assertThat(f.problemSummaries()).containsExactly("huge.log#line 2 line-too-long",
                "huge.log#line 4 line-too-long", "huge.log#line 5 line-too-long");
        assertThat(f.records).extracting(FlowRecord::origin).containsExactly("huge.log#line 3", "huge.log#line 6");
        f.problems.clear();
        f.records.clear();
        assertThat(f.read(f.write("tail.log", V2_HEADER + "\n" + huge)).skippedRecords()).isEqualTo(1);
        assertThat(f.problemSummaries()).containsExactly("tail.log#line 2 line-too-long");
    }

    @Test
    void aHeaderLineFurtherDownSwitchesTheLayout() throws IOException {
        FlowLogFiles f = files();
        Path p = f.write("joined.log", lines(V2_HEADER, V2_SSH, "version interface-id dstport action",
                "3 eni-9 443 REJECT"));
        assertThat(f.read(p).records()).isEqualTo(2);
        assertThat(f.problems).isEmpty();
        assertThat(f.records.get(1).interfaceId()).isEqualTo("eni-9");
        assertThat(f.records.get(1).dstPort()).isEqualTo(443);
    }

    @Test
    void gzipFilesJoinedEndToEndAreReadWholeWithEachHeader() throws IOException {
        FlowLogFiles f = files();
        byte[] a = gzip(lines(V2_HEADER, V2_SSH));
        byte[] b = gzip(lines("version interface-id dstport action", "3 eni-9 443 REJECT"));
        byte[] joined = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        assertThat(f.read(f.write("joined.log.gz", joined)))
                .isEqualTo(new FlowLogFileReader.Result(FileKind.VPC_FLOW_LOG, 2, 0));
        assertThat(f.records).extracting(FlowRecord::dstPort).containsExactly(22, 443);
        assertThat(f.records.get(1).origin()).isEqualTo("joined.log.gz#line 4");
    }

    @Test
    void headerlessCustomLayoutIsRefusedUnlessTheFormatIsGiven() throws IOException {
        FlowLogFiles f = files();
        String line = "3 eni-9 443 REJECT";
        Path p = f.write("custom.log", lines(line, line));
        assertThat(f.read(p).kind()).isEqualTo(FileKind.UNKNOWN);
        assertThat(f.records).isEmpty();
        assertThat(f.problemSummaries()).containsExactly("custom.log#line 1 unknown-layout");
        assertThat(f.problems.get(0).message()).contains("LogFormat");

        f.problems.clear();
        FlowLogFileReader given = new FlowLogFileReader(new CloudTrailFileReader.Limits(1 << 20, 1 << 24),
                new LongAdder(), FlowLogFormat.parse("${version} ${interface-id} ${dstport} ${action}"));
        assertThat(f.read(p, given)).isEqualTo(new FlowLogFileReader.Result(FileKind.VPC_FLOW_LOG, 2, 0));
        assertThat(f.problems).isEmpty();
    }

    @Test
    void aBrokenFirstDefaultFormatLineIsReportedAndTheFileStillRead() throws IOException {
        FlowLogFiles f = files();
        Path p = f.write("first.log", lines("2 123456789010 eni-1 oops", V2_SSH));
        assertThat(f.read(p)).isEqualTo(new FlowLogFileReader.Result(FileKind.VPC_FLOW_LOG, 1, 1));
        assertThat(f.problemSummaries()).containsExactly("first.log#line 1 field-count");
    }

    @Test
    void truncatedAndCorruptGzipKeepTheRecordsBeforeTheDamage() throws IOException {
        FlowLogFiles f = files();
        StringBuilder b = new StringBuilder(V2_HEADER).append('\n');
        for (int i = 0; i < 5000; i++) {
            b.append(V2_SSH.replace("20641", Integer.toString(1024 + i))).append('\n');
        }
        byte[] gz = gzip(b.toString());
        Path p = f.write("t.log.gz", Arrays.copyOf(gz, gz.length / 2));
        FlowLogFileReader.Result r = f.read(p);
        assertThat(r.kind()).isEqualTo(FileKind.VPC_FLOW_LOG);
        assertThat(r.records()).isBetween(1L, 4999L);
        assertThat(f.problemSummaries()).containsExactly("t.log.gz truncated-gzip");
        assertThat(f.records.get(f.records.size() - 1).srcPort()).isEqualTo(1024 + (int) r.records() - 1);

        f.problems.clear();
        byte[] corrupt = gz.clone();
        for (int i = 200; i < 260; i++) {
            corrupt[i] ^= 0x5a;
        }
        f.read(f.write("c.log.gz", corrupt));
        assertThat(f.problems).extracting(pr -> pr.reason()).containsExactly("corrupt-gzip");
    }

    @Test
    void decompressionBeyondTheLimitStopsTheFile() throws IOException {
        FlowLogFiles f = files();
        StringBuilder b = new StringBuilder(V2_HEADER).append('\n');
        for (int i = 0; i < 20_000; i++) {
            b.append(V2_SSH).append('\n');
        }
        Path p = f.write("bomb.log.gz", gzip(b.toString()));
        FlowLogFileReader small = new FlowLogFileReader(new CloudTrailFileReader.Limits(1 << 20, 100_000),
                new LongAdder());
        FlowLogFileReader.Result r = f.read(p, small);
        assertThat(r.records()).isLessThan(20_000);
        assertThat(f.problems).extracting(pr -> pr.reason()).containsExactly("decompression-limit");
    }

    @Test
    void cloudWatchExportTaskTextDropsTheTimestamps() throws IOException {
        FlowLogFiles f = files();
        Path p = f.write("000000.gz", gzip(lines("2014-12-14T04:07:50.000Z " + V2_SSH,
                "2014-12-14T04:07:51.123Z " + V2_RDP, "2014-12-14T04:07:52Z 2 123456789010 eni-1 short")));
        assertThat(f.read(p)).isEqualTo(new FlowLogFileReader.Result(FileKind.VPC_FLOW_LOG, 2, 1));
        assertThat(f.records.get(0).srcAddr()).isEqualTo("172.31.16.139");
        assertThat(f.records.get(1).dstPort()).isEqualTo(3389);
        assertThat(f.problemSummaries()).containsExactly("000000.gz#line 3 field-count");
    }

    @Test
    void cloudWatchCliJsonIsStreamedEventByEvent() throws IOException {
        FlowLogFiles f = files();
        String json = """
                {
                    "events": [
                        {"logStreamName": "eni-1235b8ca123456789-all", "timestamp": 1418530070000,
                         "message": "%s", "ingestionTime": 1418530080000, "eventId": "1"},
                        {"logStreamName": "eni-1235b8ca123456789-all", "timestamp": 1418530070000,
                         "message": "2 123456789010 eni-1 broken", "eventId": "2"},
                        {"timestamp": 1, "message": {"not": "text"}},
                        {"timestamp": 1432917142000, "message": "%s", "ingestionTime": 1432917150000}
                    ],
                    "searchedLogStreams": [{"logStreamName": "eni-1235b8ca123456789-all", "searchedCompletely": true}],
                    "nextToken": "abc"
                }
                {"events": [{"timestamp": 1, "message": "%s"}], "nextForwardToken": "f/1"}
                """.formatted(V2_SSH, V2_PING_IN, V2_IPV6);
        Path p = f.write("events.json", json);
        assertThat(f.read(p)).isEqualTo(new FlowLogFileReader.Result(FileKind.VPC_FLOW_LOG, 3, 2));
        assertThat(f.records).extracting(FlowRecord::origin)
                .containsExactly("events.json#event 1", "events.json#event 4", "events.json#event 5");
        assertThat(f.records.get(1).protocol()).isEqualTo(FlowRecord.ICMP);
        assertThat(f.problemSummaries()).containsExactly("events.json#event 2 field-count",
                "events.json#event 3 missing-message");
    }

    @Test
    void jsonThatIsNotAnExportIsRefusedAndBrokenJsonKeepsWhatCameBefore() throws IOException {
        FlowLogFiles f = files();
        assertThat(f.read(f.write("ct.json", "{\"Records\":[{\"eventName\":\"x\"}]}")).kind())
                .isEqualTo(FileKind.UNKNOWN);
        assertThat(f.problemSummaries()).containsExactly("ct.json not-flow-log");

        f.problems.clear();
        FlowLogFileReader.Result r = f.read(f.write("cut.json",
                "{\"events\":[{\"message\":\"" + V2_SSH + "\"},{\"message\":\"2 1"));
        assertThat(r.records()).isEqualTo(1);
        assertThat(f.problemSummaries()).containsExactly("cut.json invalid-json");
        assertThat(f.problems.get(0).message()).contains("after event 1");
    }

    @Test
    void emptyAndHeaderOnlyFiles() throws IOException {
        FlowLogFiles f = files();
        assertThat(f.read(f.write("e.log", "\n  \n")).kind()).isEqualTo(FileKind.EMPTY);
        assertThat(f.problemSummaries()).containsExactly("e.log empty");
        f.problems.clear();
        assertThat(f.read(f.write("h.log", V2_HEADER + "\n")))
                .isEqualTo(new FlowLogFileReader.Result(FileKind.VPC_FLOW_LOG, 0, 0));
        assertThat(f.problems).isEmpty();
        assertThat(f.read(f.resolveMissing()).kind()).isEqualTo(FileKind.UNREADABLE);
    }

    @Test
    void aLayoutDoesNotCarryOverToTheNextFileReadOnTheSameThread() throws IOException {
        FlowLogFiles f = files();
        f.read(f.write("custom.log", lines("interface-id dstport action version", "eni-9 443 REJECT 3")));
        assertThat(f.read(f.write("plain.log", lines(V2_SSH)))).isEqualTo(
                new FlowLogFileReader.Result(FileKind.VPC_FLOW_LOG, 1, 0));
        assertThat(f.records).extracting(FlowRecord::dstPort).containsExactly(443, 22);
        assertThat(f.problems).isEmpty();
    }

    @Test
    void repeatedTextSharesOneStringAcrossRecords() throws IOException {
        FlowLogFiles f = files();
        f.read(f.write("s.log", lines(V2_SSH, V2_RDP)));
        assertThat(f.records.get(0).accountId()).isSameAs(f.records.get(1).accountId());
        assertThat(f.records.get(0).interfaceId()).isSameAs(f.records.get(1).interfaceId());
    }
}
