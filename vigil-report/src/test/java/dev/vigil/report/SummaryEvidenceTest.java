package dev.vigil.report;

import dev.vigil.model.Evidence;
import dev.vigil.model.Finding;
import dev.vigil.model.Severity;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A detection over many records shows its summary facts as a list and, when its records are flow-log lines, a table
 * of flows rather than CloudTrail's columns; hostile text in either stays text.
 */
class SummaryEvidenceTest {

    static final Instant T = Instant.parse("2026-10-01T12:43:00Z");

    static Finding portScan() {
        String flow = "{\"version\":2,\"account-id\":\"111122223333\",\"srcaddr\":\"10.0.0.5\",\"dstaddr\":\"198.51.100.7\","
                + "\"srcport\":40001,\"dstport\":22,\"protocol\":6,\"packets\":1,\"bytes\":44,\"action\":\"REJECT\","
                + "\"log-status\":\"OK\"}";
        return Fixtures.finding("vigil-net-portscan", "Instance scanning ports", Severity.MEDIUM)
                .types("Recon:EC2/Portscan").account("111122223333").resource("i-0abc")
                .evidence(List.of(
                        Evidence.summary(T, "{\"peers\":[\"198.51.100.7\",\"<script>x</script>\"],\"distinctPorts\":30,"
                                + "\"windowStart\":\"2026-10-01T12:40:00Z\"}"),
                        new Evidence("", T, "logs/a.log.gz#line 2", flow)))
                .build();
    }

    @Test
    void summaryFactsAreListedAndFlowsTabulated() {
        Page page = Page.render(List.of(portScan()), Fixtures.completeSummary());

        assertThat(page.texts("//dl[contains(@class,'summary')]/dt")).containsExactly("peers", "distinctPorts",
                "windowStart");
        assertThat(page.texts("//dl[contains(@class,'summary')]/dd")).containsExactly(
                "198.51.100.7, <script>x</script>", "30", "2026-10-01T12:40:00Z");
        assertThat(page.all("//script")).isEmpty();
        assertThat(page.texts("//table[contains(@class,'flows')]//td[3]"))
                .containsExactly("REJECT tcp 10.0.0.5:40001 \u2192 198.51.100.7:22, 1 packets, 44 bytes");
        assertThat(page.texts("//table[contains(@class,'flows')]//td[4]")).containsExactly("logs/a.log.gz#line 2");
        // the summary is not a record: one record is shown, not two
        assertThat(page.all("//table[contains(@class,'evidence')]//tr[@class='ev']")).hasSize(1);
    }
}
