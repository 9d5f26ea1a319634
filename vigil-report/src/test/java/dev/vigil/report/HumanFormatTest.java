package dev.vigil.report;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HumanFormatTest {

    @Test
    void bytesUseBinaryUnits() {
        assertThat(HumanFormat.bytes(0)).isEqualTo("0 bytes");
        assertThat(HumanFormat.bytes(1)).isEqualTo("1 byte");
        assertThat(HumanFormat.bytes(1023)).isEqualTo("1,023 bytes");
        assertThat(HumanFormat.bytes(1536)).isEqualTo("1.5 KiB");
        assertThat(HumanFormat.bytes(12L * 1024 * 1024 + 300 * 1024)).isEqualTo("12.3 MiB");
        assertThat(HumanFormat.bytes(Long.MAX_VALUE)).isEqualTo("8.0 EiB");
        assertThat(HumanFormat.bytes(-1)).isEqualTo("unknown");
    }

    @Test
    void durationsAreShort() {
        assertThat(HumanFormat.duration(Duration.ofMillis(850))).isEqualTo("850 ms");
        assertThat(HumanFormat.duration(Duration.ofMillis(4_200))).isEqualTo("4.2 s");
        assertThat(HumanFormat.duration(Duration.ofSeconds(187))).isEqualTo("3 min 07 s");
        assertThat(HumanFormat.duration(Duration.ofMinutes(125))).isEqualTo("2 h 05 min");
        assertThat(HumanFormat.duration(Duration.ofSeconds(-1))).isEqualTo("unknown");
        assertThat(HumanFormat.duration(null)).isEqualTo("unknown");
    }

    @Test
    void ratesNeedTime() {
        assertThat(HumanFormat.rate(1_000_000, Duration.ofSeconds(4))).isEqualTo("250,000 records/s");
        assertThat(HumanFormat.rate(3, Duration.ofSeconds(2))).isEqualTo("1.5 records/s");
        assertThat(HumanFormat.rate(3, Duration.ZERO)).isEqualTo("n/a");
    }

    @Test
    void countsAreGroupedAndMapsOrderedByCount() {
        assertThat(HumanFormat.count(1_234_567)).isEqualTo("1,234,567");
        assertThat(HumanFormat.byCountDescending(Map.of("b", 2L, "a", 2L, "c", 9L)))
                .extracting(Map.Entry::getKey).containsExactly("c", "a", "b");
    }

    @Test
    void timesAreUtcAndSayUnknownForMissingTimes() {
        assertThat(UtcTime.format(Instant.parse("2024-07-31T13:06:24Z"))).isEqualTo("2024-07-31 13:06:24");
        assertThat(UtcTime.format(Instant.parse("2024-07-31T13:06:24.120Z"))).isEqualTo("2024-07-31 13:06:24.120");
        assertThat(UtcTime.formatWithZone(Instant.parse("2024-07-31T13:06:24Z"))).isEqualTo("2024-07-31 13:06:24 UTC");
        assertThat(UtcTime.format(UtcTime.NO_TIME)).isEqualTo("unknown");
        assertThat(UtcTime.format(Instant.MAX)).isEqualTo(Instant.MAX.toString());
    }
}
