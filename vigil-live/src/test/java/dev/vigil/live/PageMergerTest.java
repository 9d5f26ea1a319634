package dev.vigil.live;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PageMergerTest {

    @Test
    void concatenatesListsAndDropsTokens() throws Exception {
        ObjectNode one = (ObjectNode) CliJsonNodes.JSON.readTree("{\"MetricAlarms\":[{\"AlarmName\":\"a\"}],\"NextToken\":\"t\"}");
        ObjectNode two = (ObjectNode) CliJsonNodes.JSON.readTree("{\"MetricAlarms\":[{\"AlarmName\":\"b\"}],\"CompositeAlarms\":[]}");
        ObjectNode merged = PageMerger.merge(List.of(one, two));
        assertThat(merged.toString())
                .isEqualTo("{\"MetricAlarms\":[{\"AlarmName\":\"a\"},{\"AlarmName\":\"b\"}],\"CompositeAlarms\":[]}");
        assertThat(one.path("MetricAlarms")).hasSize(1);
    }
}
