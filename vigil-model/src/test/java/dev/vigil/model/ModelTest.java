package dev.vigil.model;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelTest {

    @Test
    void severitiesParseAsUsersWriteThem() {
        assertThat(Severity.parse("info")).isEqualTo(Severity.INFORMATIONAL);
        assertThat(Severity.parse(" High ")).isEqualTo(Severity.HIGH);
        assertThat(Severity.parse("CRITICAL").ocsfId()).isEqualTo(5);
        assertThat(Severity.fromOcsfId(3)).isEqualTo(Severity.MEDIUM);
        assertThat(Severity.HIGH.atLeast(Severity.MEDIUM)).isTrue();
        assertThat(Severity.LOW.atLeast(Severity.MEDIUM)).isFalse();
        assertThatThrownBy(() -> Severity.parse("severe")).hasMessageContaining("informational, low, medium, high, critical");
    }

    @Test
    void findingIdsDependOnRuleAndKeysOnly() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("account", "111122223333");
        keys.put("principal", "arn:aws:iam::111122223333:user/a");
        String id = Finding.idFor("rule-a", keys);
        assertThat(id).hasSize(32).matches("[0-9a-f]+").isEqualTo(Finding.idFor("rule-a", new LinkedHashMap<>(keys)));
        assertThat(Finding.idFor("rule-b", keys)).isNotEqualTo(id);
        keys.put("principal", "arn:aws:iam::111122223333:user/b");
        assertThat(Finding.idFor("rule-a", keys)).isNotEqualTo(id);
        // a key boundary cannot be faked by moving characters between name and value
        assertThat(Finding.idFor("r", Map.of("ab", "c"))).isNotEqualTo(Finding.idFor("r", Map.of("a", "bc")));
    }

    @Test
    void findingsNormaliseMissingFacts() {
        DetectionInfo rule = new DetectionInfo("r", "T", "D", Severity.LOW, List.of("T1078"), List.of());
        Finding f = new Finding("id", rule, Map.of(), null, null, null, null, Instant.EPOCH, Instant.EPOCH, 1, List.of());
        assertThat(f.account()).isEmpty();
        assertThat(f.severity()).isEqualTo(Severity.LOW);
    }

    private static FlowRecord flowAt(String origin) {
        return new FlowRecord(2, "1", "eni-1", "10.0.0.1", "10.0.0.2", 1, 2, 6, 1, 40, 10, 20,
                FlowRecord.Action.ACCEPT, FlowRecord.LogStatus.OK, "", "", "", -1, "", "", "", "", "", "", "", "", -1,
                Map.of(), origin);
    }

    @Test
    void aWholeOriginIsKeptAsAReaderKeepsIt() {
        FlowRecord whole = flowAt("logs/a.log#line 12");
        assertThat(whole.originPrefix()).isEqualTo("logs/a.log#line ");
        assertThat(whole.originNumber()).isEqualTo(12);
        assertThat(whole.origin()).isEqualTo("logs/a.log#line 12");
        assertThat(whole).isEqualTo(new FlowRecord(2, "1", "eni-1", "10.0.0.1", "10.0.0.2", 1, 2, 6, 1, 40, 10, 20,
                FlowRecord.Action.ACCEPT, FlowRecord.LogStatus.OK, "", "", "", -1, "", "", "", "", "", "", "", "", -1,
                Map.of(), "logs/a.log#line ", 12));
        // whatever is not a plain trailing number stays whole, and every origin reads back as given
        for (String origin : List.of("f#line 0", "f#line 012", "f#line12", "f#row 1234567890123456789", "no number",
                "", "f#line \u0661\u0662", "f#line 7 ", "42")) {
            assertThat(flowAt(origin).origin()).as(origin).isEqualTo(origin);
        }
        assertThat(flowAt("f#line 012").originNumber()).isEqualTo(-1);
        assertThat(flowAt("f#line 0").originNumber()).isZero();
        assertThat(flowAt(null).origin()).isEmpty();
    }
}
