package dev.vigil.formats.flowlog;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FlowLogFormatTest {

    static FlowLogFormat header(String line) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        return FlowLogFormat.fromHeaderLine(b, 0, b.length);
    }

    @Test
    void theDefaultFormatHasFourteenVersionTwoFields() {
        assertThat(FlowLogFormat.V2_DEFAULT.size()).isEqualTo(14);
        assertThat(FlowLogFormat.V2_DEFAULT.version()).isEqualTo(2);
        assertThat(FlowLogFormat.V2_DEFAULT.fieldNames().get(12)).isEqualTo("action");
        assertThat(FlowLogFormat.V2_DEFAULT.unknownFields()).isEmpty();
    }

    @Test
    void logFormatStringsWithAndWithoutDollarBracesGiveTheSameLayout() {
        FlowLogFormat a = FlowLogFormat.parse("${version} ${vpc-id} ${subnet-id} ${srcaddr} ${action}");
        FlowLogFormat b = FlowLogFormat.parse("version vpc-id  subnet-id\tsrcaddr action");
        assertThat(a).isEqualTo(b);
        assertThat(a.version()).isEqualTo(3);
        assertThat(a.logFormat()).isEqualTo("${version} ${vpc-id} ${subnet-id} ${srcaddr} ${action}");
        assertThat(FlowLogFormat.parse("${version} ${region} ${flow-direction} ${ecs-task-id}").version())
                .isEqualTo(5);
    }

    @Test
    void unknownNamesAreKeptAndBadFormatsRefusedWithAReason() {
        FlowLogFormat f = FlowLogFormat.parse("${version} ${reject-reason} ${next-hop-id} ${srcaddr}");
        assertThat(f.unknownFields()).containsExactly("reject-reason", "next-hop-id");
        assertThatThrownBy(() -> FlowLogFormat.parse("  ")).hasMessageContaining("empty");
        assertThatThrownBy(() -> FlowLogFormat.parse("${version} ${version}")).hasMessageContaining("twice");
        assertThatThrownBy(() -> FlowLogFormat.parse("version Src-Addr")).hasMessageContaining("not a field name");
    }

    @Test
    void parquetColumnNamesUseUnderscores() {
        FlowLogFormat f = FlowLogFormat.ofColumns(List.of("version", "account_id", "log_status", "pkt_srcaddr"));
        assertThat(f.fieldNames()).containsExactly("version", "account-id", "log-status", "pkt-srcaddr");
        assertThat(f.unknownFields()).isEmpty();
    }

    @Test
    void headerLinesAreToldFromRecords() {
        assertThat(header(FlowLogFiles.V2_HEADER)).isEqualTo(FlowLogFormat.V2_DEFAULT);
        assertThat(header("${version} ${srcaddr}")).isEqualTo(FlowLogFormat.parse("version srcaddr"));
        assertThat(header("instance-id interface-id srcaddr")).isNotNull();
        assertThat(header(FlowLogFiles.V2_SSH)).isNull();
        assertThat(header("- eni-1235b8ca123456789 10.0.1.5")).isNull();
        assertThat(header("eni-abc vpc-abc")).as("no known field name").isNull();
        assertThat(header("version,account-id,srcaddr")).as("CSV").isNull();
        assertThat(header("version srcaddr srcaddr")).as("duplicate").isNull();
    }
}
