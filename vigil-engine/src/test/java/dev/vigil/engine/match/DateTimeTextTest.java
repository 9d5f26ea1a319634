package dev.vigil.engine.match;

import dev.vigil.engine.sigma.SigmaTimePart;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The allocation-free date reader agrees with java.time on every part of random instants. */
class DateTimeTextTest {

    @Test
    void partsAgreeWithJavaTime() {
        Random r = new Random(11);
        long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 20_000; i++) {
            long s = min + (long) (r.nextDouble() * (max - min));
            OffsetDateTime t = Instant.ofEpochSecond(s).atOffset(ZoneOffset.UTC);
            assertThat(DateTimeText.part(s, SigmaTimePart.Unit.MINUTE)).isEqualTo(t.getMinute());
            assertThat(DateTimeText.part(s, SigmaTimePart.Unit.HOUR)).isEqualTo(t.getHour());
            assertThat(DateTimeText.part(s, SigmaTimePart.Unit.DAY)).isEqualTo(t.getDayOfMonth());
            assertThat(DateTimeText.part(s, SigmaTimePart.Unit.MONTH)).isEqualTo(t.getMonthValue());
            assertThat(DateTimeText.part(s, SigmaTimePart.Unit.YEAR)).isEqualTo(t.getYear());
            assertThat(DateTimeText.part(s, SigmaTimePart.Unit.WEEK)).as(t.toString())
                    .isEqualTo(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        }
    }

    @Test
    void readsWhatJavaTimeWrites() {
        Random r = new Random(12);
        long min = Instant.parse("1900-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("2200-01-01T00:00:00Z").getEpochSecond();
        DateTimeFormatter withOffset = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxxx");
        for (int i = 0; i < 5_000; i++) {
            long s = min + (long) (r.nextDouble() * (max - min));
            Instant instant = Instant.ofEpochSecond(s, r.nextInt(1_000_000_000));
            assertThat(DateTimeText.epochSecond(instant.toString())).isEqualTo(s);
            ZoneOffset offset = ZoneOffset.ofTotalSeconds((r.nextInt(37) - 18) * 1800);
            String local = instant.atOffset(offset).format(withOffset);
            assertThat(DateTimeText.epochSecond(local)).as(local).isEqualTo(s);
            assertThat(DateTimeText.epochSecond(s)).isEqualTo(s);
            if (Math.abs(instant.toEpochMilli()) >= 100_000_000_000L) { // smaller numbers read as seconds
                assertThat(DateTimeText.epochSecond(instant.toEpochMilli())).as("millis").isEqualTo(s);
            }
        }
    }

    @Test
    void civilDaysRoundTrip() {
        for (long d = LocalDate.of(-1, 1, 1).toEpochDay(); d < LocalDate.of(10_001, 1, 1).toEpochDay(); d += 37) {
            LocalDate date = LocalDate.ofEpochDay(d);
            long civil = DateTimeText.civil(d);
            assertThat(civil).isEqualTo(date.getYear() * 10_000L + date.getMonthValue() * 100L + date.getDayOfMonth());
            assertThat(DateTimeText.daysFromCivil(date.getYear(), date.getMonthValue(), date.getDayOfMonth()))
                    .isEqualTo(d);
        }
    }

    @Test
    void theSecondsOrMillisThreshold() {
        assertThat(DateTimeText.epochSecond(99_999_999_999L)).as("seconds, year 5138").isEqualTo(99_999_999_999L);
        assertThat(DateTimeText.epochSecond(100_000_000_000L)).as("millis, 1973").isEqualTo(100_000_000L);
        assertThat(DateTimeText.epochSecond(-1L)).isEqualTo(-1L);
        assertThat(DateTimeText.epochSecond(-1_500L)).isEqualTo(-1_500L);
        assertThat(DateTimeText.epochSecond("0")).isZero();
        assertThat(DateTimeText.epochSecond("12x")).isEqualTo(DateTimeText.NO_DATE);
    }
}
