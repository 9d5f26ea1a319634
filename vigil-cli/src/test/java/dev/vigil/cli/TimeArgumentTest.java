package dev.vigil.cli;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeArgumentTest {

    static final Clock NOW = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void acceptsInstantsDatesAndAges() {
        assertThat(TimeArgument.parse("2026-10-01T10:00:00Z", "--since", NOW)).isEqualTo(Instant.parse("2026-10-01T10:00:00Z"));
        assertThat(TimeArgument.parse("2026-10-01", "--since", NOW)).isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
        assertThat(TimeArgument.parse("24h", "--since", NOW)).isEqualTo(Instant.parse("2026-11-27T12:00:00Z"));
        assertThat(TimeArgument.parse(" 7d ", "--since", NOW)).isEqualTo(Instant.parse("2026-11-21T12:00:00Z"));
        assertThat(TimeArgument.parse("30m", "--since", NOW)).isEqualTo(Instant.parse("2026-11-28T11:30:00Z"));
    }

    @Test
    void rejectsAnythingElseSayingWhatWorks() {
        for (String bad : new String[]{"yesterday", "7w", "-3d", "2026-13-01", "\u001b[31m1d", "9".repeat(40) + "d"}) {
            assertThatThrownBy(() -> TimeArgument.parse(bad, "--since", NOW)).as(bad)
                    .isInstanceOf(UserError.class).hasMessageContaining("an age such as 30m, 24h, 7d");
        }
    }
}
