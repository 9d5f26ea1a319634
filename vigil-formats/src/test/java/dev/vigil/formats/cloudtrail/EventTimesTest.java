package dev.vigil.formats.cloudtrail;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class EventTimesTest {

    static long bytes(String jsonBody) {
        byte[] b = ("xx" + jsonBody + "yy").getBytes(StandardCharsets.UTF_8);
        return EventTimes.parseMillis(b, 2, b.length - 2);
    }

    @Test
    void parsesCloudTrailTimesFromBytesAndText() {
        long expected = Instant.parse("2024-07-31T13:06:24Z").toEpochMilli();
        assertThat(bytes("2024-07-31T13:06:24Z")).isEqualTo(expected);
        assertThat(bytes("2024-07-31T13:06:24\\u005a")).as("escaped").isEqualTo(expected);
        assertThat(bytes("2024-07-31T13:06:24.500Z")).isEqualTo(expected + 500);
        assertThat(bytes("2024-07-31T15:06:24+02:00")).isEqualTo(expected);
        assertThat(EventTimes.parseMillis("2024-02-29T00:00:00Z")).isEqualTo(Instant.parse("2024-02-29T00:00:00Z").toEpochMilli());
    }

    @Test
    void rejectsWhatIsNotATime() {
        assertThat(bytes("2023-02-29T00:00:00Z")).isEqualTo(Long.MIN_VALUE);
        assertThat(bytes("2024-13-01T00:00:00Z")).isEqualTo(Long.MIN_VALUE);
        assertThat(bytes("2024-07-31T24:00:00Z")).isEqualTo(Long.MIN_VALUE);
        assertThat(bytes("yesterday")).isEqualTo(Long.MIN_VALUE);
        assertThat(bytes("2024-07-31T13:06:2éZ")).isEqualTo(Long.MIN_VALUE);
    }
}
