package dev.vigil.formats.flowlog;

import dev.vigil.formats.cloudtrail.FileKind;
import dev.vigil.model.FlowRecord;
import dev.vigil.model.FlowRecord.Action;
import dev.vigil.model.FlowRecord.LogStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static dev.vigil.model.FlowRecord.ABSENT;
import static org.assertj.core.api.Assertions.assertThat;

/** Parquet delivery, written here with DuckDB as AWS lays it out: underscore columns, Hive-style directories. */
class ParquetFlowLogTest {

    @TempDir
    Path dir;

    static final String ROWS = """
            SELECT * FROM (VALUES
              (5, '012345678901', 'eni-1235b8ca123456789', '10.0.0.71', '52.95.128.179', 34210, 80, 6, 7::BIGINT,
               471::BIGINT, 1616729292::BIGINT, 1616729349::BIGINT, 'ACCEPT', 'OK', 'vpc-abcdefab012345678', 3,
               NULL, 'S3', 'egress', 8, 'prod'),
              (5, NULL, 'eni-1235b8ca123456789', NULL, NULL, NULL, NULL, NULL, NULL, NULL, 1616729292::BIGINT,
               1616729349::BIGINT, NULL, 'NODATA', NULL, NULL, NULL, NULL, NULL, NULL, NULL),
              (5, '012345678901', 'eni-1235b8ca123456789', '10.0.0.71', '198.51.100.7', 34211, 22, 6, 1::BIGINT,
               40::BIGINT, 1616729292::BIGINT, 1616729349::BIGINT, 'MAYBE', 'OK', NULL, 2, NULL, NULL, 'egress', 2,
               NULL),
              (5, '012345678901', 'eni-1235b8ca123456789', '10.0.0.71', '198.51.100.7', 34212, 22, 6, 1::BIGINT,
               40::BIGINT, 1616729292::BIGINT, 1616729349::BIGINT, 'REJECT', 'OK', NULL, 2, 'us-west-2', NULL,
               'egress', 2, NULL)
            ) AS t(version, account_id, interface_id, srcaddr, dstaddr, srcport, dstport, protocol, packets, bytes,
                   start, "end", action, log_status, vpc_id, tcp_flags, region, pkt_dst_aws_service, flow_direction,
                   traffic_path, ecs_cluster_name)
            """;

    static Path writeParquet(Path file, String select) throws SQLException, IOException {
        Files.createDirectories(file.getParent());
        try (Connection c = ParquetFlowReader.connect(); Statement s = c.createStatement()) {
            s.execute("COPY (" + select + ") TO '" + file.toAbsolutePath().toString().replace("'", "''")
                    + "' (FORMAT PARQUET)");
        }
        return file;
    }

    @Test
    void rowsAreReadWithHivePartitionsFillingAccountAndRegion() throws Exception {
        Path file = writeParquet(dir.resolve("AWSLogs/aws-account-id=012345678901/aws-service=vpcflowlogs/"
                + "aws-region=eu-west-1/year=2021/month=03/day=26/"
                + "012345678901_vpcflowlogs_eu-west-1_fl-1_20210326T0305Z_abcd1234.log.parquet"), ROWS);
        FlowLogFiles f = new FlowLogFiles(dir);

        FlowLogFileReader.Result r = f.read(file);

        assertThat(r).isEqualTo(new FlowLogFileReader.Result(FileKind.VPC_FLOW_LOG, 3, 1));
        String name = file.getFileName().toString();
        assertThat(f.problemSummaries()).containsExactly(name + "#row 3 unknown-action");
        FlowRecord egress = f.records.get(0);
        assertThat(egress.origin()).isEqualTo(name + "#row 1");
        assertThat(egress.version()).isEqualTo(5);
        assertThat(egress.accountId()).isEqualTo("012345678901");
        assertThat(egress.dstAddr()).isEqualTo("52.95.128.179");
        assertThat(egress.dstPort()).isEqualTo(80);
        assertThat(egress.bytes()).isEqualTo(471);
        assertThat(egress.end()).isEqualTo(1616729349);
        assertThat(egress.action()).isEqualTo(Action.ACCEPT);
        assertThat(egress.vpcId()).isEqualTo("vpc-abcdefab012345678");
        assertThat(egress.tcpFlags()).isEqualTo(3);
        assertThat(egress.pktDstAwsService()).isEqualTo("S3");
        assertThat(egress.trafficPath()).isEqualTo(8);
        assertThat(egress.region()).as("from the aws-region= directory").isEqualTo("eu-west-1");
        assertThat(egress.extra()).as("partition columns are not record fields")
                .containsExactlyEntriesOf(java.util.Map.of("ecs-cluster-name", "prod"));

        FlowRecord nodata = f.records.get(1);
        assertThat(nodata.logStatus()).isEqualTo(LogStatus.NODATA);
        assertThat(nodata.accountId()).as("from the aws-account-id= directory").isEqualTo("012345678901");
        assertThat(nodata.srcPort()).isEqualTo(ABSENT);
        assertThat(nodata.packets()).isEqualTo(ABSENT);
        assertThat(nodata.action()).isEqualTo(Action.NONE);

        assertThat(f.records.get(2).region()).as("the record's own region wins").isEqualTo("us-west-2");
        assertThat(f.records.get(2).origin()).isEqualTo(name + "#row 4");
    }

    @Test
    void parquetWithoutFlowColumnsAndCorruptParquetAreReported() throws Exception {
        FlowLogFiles f = new FlowLogFiles(dir);
        Path other = writeParquet(dir.resolve("other.parquet"), "SELECT 1 AS id, 'x' AS name");
        assertThat(f.read(other).kind()).isEqualTo(FileKind.UNKNOWN);
        assertThat(f.problemSummaries()).containsExactly("other.parquet not-flow-log");
        assertThat(FlowLogSniffer.isFlowLog(other)).isFalse();

        f.problems.clear();
        Path good = writeParquet(dir.resolve("good.parquet"), ROWS);
        byte[] bytes = Files.readAllBytes(good);
        Path cut = f.write("cut.parquet", java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThat(f.read(cut).kind()).isEqualTo(FileKind.UNREADABLE);
        assertThat(f.problemSummaries()).containsExactly("cut.parquet corrupt-parquet");
        assertThat(FlowLogSniffer.isFlowLog(good)).isTrue();
        assertThat(FlowLogSniffer.isFlowLog(cut)).isFalse();
    }

    @Test
    void hostileParquetIsBounded() throws Exception {
        FlowLogFiles f = new FlowLogFiles(dir);
        StringBuilder wide = new StringBuilder("SELECT 'eni-1' AS interface_id, '1.2.3.4' AS srcaddr, 'OK' AS log_status");
        for (int i = 0; i < 200; i++) {
            wide.append(", 'x' AS future_").append(i);
        }
        assertThat(f.read(writeParquet(dir.resolve("wide.parquet"), wide.toString())).kind())
                .isEqualTo(FileKind.UNKNOWN);
        assertThat(f.problemSummaries()).containsExactly("wide.parquet too-many-columns");

        f.problems.clear();
        Path huge = writeParquet(dir.resolve("huge.parquet"), "SELECT * FROM (VALUES ('eni-1', repeat('a', 9000)), "
                + "('eni-2', 'fine')) AS t(interface_id, ecs_task_id)");
        assertThat(f.read(huge)).isEqualTo(new FlowLogFileReader.Result(FileKind.VPC_FLOW_LOG, 1, 1));
        assertThat(f.problemSummaries()).containsExactly("huge.parquet#row 1 value-too-long");
    }

    @Test
    void numbersStoredAsTextAreParsedAndCheckedToo() throws Exception {
        Path file = writeParquet(dir.resolve("text.parquet"), """
                SELECT * FROM (VALUES ('2', 'eni-1', '22', 'ACCEPT'), ('2', 'eni-1', 'ssh', 'ACCEPT'),
                                      ('2', 'eni-1', '-', 'REJECT'))
                  AS t(version, interface_id, dstport, action)""");
        FlowLogFiles f = new FlowLogFiles(dir);
        assertThat(f.read(file)).isEqualTo(new FlowLogFileReader.Result(FileKind.VPC_FLOW_LOG, 2, 1));
        assertThat(f.records.get(0).dstPort()).isEqualTo(22);
        assertThat(f.records.get(1).dstPort()).isEqualTo(ABSENT);
        assertThat(f.problemSummaries()).containsExactly("text.parquet#row 2 bad-number");
    }
}
