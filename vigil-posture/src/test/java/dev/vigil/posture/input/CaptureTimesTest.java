package dev.vigil.posture.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CaptureTimesTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Instant T = Instant.parse("2021-01-13T05:00:23.319Z");

    private static Optional<Instant> text(String s) {
        return CaptureTimes.parse(NODES.textNode(s));
    }

    @Test
    void everyChannelsFormReadsAsTheSameInstant() {
        assertThat(text("2021-01-13T05:00:23.319Z")).contains(T);                 // files
        assertThat(text("2021-01-13T05:00:23.319000+00:00")).contains(T);         // CLI v2
        assertThat(text("2021-01-13T07:00:23.319+0200")).contains(T);             // old items
        assertThat(CaptureTimes.parse(NODES.numberNode(new BigDecimal("1610514023.319")))).contains(T); // API seconds
        assertThat(CaptureTimes.parse(NODES.numberNode(1610514023319L))).contains(T);                   // milliseconds
        assertThat(text("1610514023.319")).contains(T);
        assertThat(text("2021-01-13T05:00Z")).contains(Instant.parse("2021-01-13T05:00:00Z"));
    }

    @Test
    void anythingElseIsNoTime() {
        assertThat(text("yesterday")).isEmpty();
        assertThat(text("2021-01-13 05:00:23")).isEmpty();
        assertThat(text("2021-01-13T05:00:23")).as("no zone: ambiguous").isEmpty();
        assertThat(CaptureTimes.parse(NODES.numberNode(-5))).isEmpty();
        assertThat(CaptureTimes.parse(NODES.numberNode(new BigDecimal("1e300")))).isEmpty();
        assertThat(CaptureTimes.parse(NODES.booleanNode(true))).isEmpty();
        assertThat(CaptureTimes.parse((JsonNode) null)).isEmpty();
    }
}
