package dev.vigil.engine.match;

import dev.vigil.model.Event;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.vigil.engine.match.Selections.compile;
import static dev.vigil.engine.match.Selections.matches;
import static dev.vigil.engine.match.Selections.message;
import static org.assertj.core.api.Assertions.assertThat;

/** minute, hour, day, week, month, year: a part of the field's date in UTC. */
class TimePartTest {

    private static final String TIME = "2024-01-02T03:04:05Z";

    @Test
    void eachPartOfACloudTrailTime() {
        assertThat(matches(compile("f|minute: 4"), TIME)).isTrue();
        assertThat(matches(compile("f|minute: 5"), TIME)).isFalse();
        assertThat(matches(compile("f|hour: 3"), TIME)).isTrue();
        assertThat(matches(compile("f|hour: 4"), TIME)).isFalse();
        assertThat(matches(compile("f|day: 2"), TIME)).isTrue();
        assertThat(matches(compile("f|day: 1"), TIME)).isFalse();
        assertThat(matches(compile("f|week: 1"), TIME)).isTrue();
        assertThat(matches(compile("f|week: 2"), TIME)).isFalse();
        assertThat(matches(compile("f|month: 1"), TIME)).isTrue();
        assertThat(matches(compile("f|month: 2"), TIME)).isFalse();
        assertThat(matches(compile("f|year: 2024"), TIME)).isTrue();
        assertThat(matches(compile("f|year: 2023"), TIME)).isFalse();
    }

    @Test
    void weeksAreIsoWeeks() {
        EventMatcher week53 = compile("f|week: 53");
        assertThat(matches(week53, "2021-01-03T12:00:00Z")).as("a Sunday in week 53 of 2020").isTrue();
        assertThat(matches(week53, "2021-01-04T12:00:00Z")).isFalse();
        assertThat(matches(compile("f|week: 1"), "2024-12-30T00:00:00Z")).as("week 1 of 2025").isTrue();
    }

    @Test
    void offsetsAreConvertedToUtc() {
        EventMatcher m = compile("f|hour: 3");
        assertThat(matches(m, "2024-01-02T05:04:05+02:00")).isTrue();
        assertThat(matches(m, "2024-01-01T22:04:05.123-0500")).isTrue();
        assertThat(matches(m, "2024-01-02 03:04")).as("space separator, no seconds, no zone = UTC").isTrue();
        assertThat(matches(compile("f|day: 1"), "2024-01-01T22:04:05-05:00")).as("already the 2nd in UTC")
                .isFalse();
        assertThat(matches(compile("f|hour: 0"), "2024-01-02")).as("a date alone is midnight UTC").isTrue();
    }

    @Test
    void epochSecondsAndMillis() {
        EventMatcher m = compile("f|hour: 3");
        assertThat(matches(m, 1_704_164_645L)).isTrue();
        assertThat(matches(m, 1_704_164_645_000L)).isTrue();
        assertThat(matches(m, 1_704_164_645.5)).isTrue();
        assertThat(matches(m, "1704164645")).isTrue();
        assertThat(matches(m, 1_704_168_245L)).as("an hour later").isFalse();
    }

    @Test
    void listsAndComparisons() {
        EventMatcher night = compile("f|hour: [22, 23, 0, 1]");
        assertThat(matches(night, "2024-01-02T23:30:00Z")).isTrue();
        assertThat(matches(night, "2024-01-02T12:30:00Z")).isFalse();
        EventMatcher early = compile("f|hour|lt: 6");
        assertThat(matches(early, "2024-01-02T05:59:59Z")).isTrue();
        assertThat(matches(early, "2024-01-02T06:00:00Z")).isFalse();
        EventMatcher late = compile("f|gte|hour: 22");
        assertThat(matches(late, "2024-01-02T22:00:00Z")).isTrue();
        assertThat(matches(late, "2024-01-02T21:59:59Z")).isFalse();
        EventMatcher weekend = compile("f|day|neq: 2");
        assertThat(matches(weekend, TIME)).isFalse();
        assertThat(matches(weekend, "2024-01-03T00:00:00Z")).isTrue();
        assertThat(matches(compile("f|hour: 3"), List.of("bad", TIME))).isTrue();
    }

    @Test
    void badDatesDoNotMatchAndDoNotThrow() {
        EventMatcher m = compile("f|hour: 0");
        for (Object bad : new Object[] {"2024-13-01T00:00:00Z", "2023-02-29T00:00:00Z", "2024-01-02T24:00:00Z",
                "2024-01-02T00:60:00Z", "2024-01-02T00:00:61Z", "2024-01-02T00:00:00+25:00", "2024-01-02T00:00:00Q",
                "2024-01-02X", "2024-1-2", "2024-01-02T", "2024-01-02T00", "2024-01-02T00:00:00.", "not a date", "",
                "-", "1e400", "99999999999999999999999", Double.NaN, Double.POSITIVE_INFINITY, 1e300, Long.MAX_VALUE,
                Long.MIN_VALUE, true, Event.NULL, new Event.ObjectValue("{\"t\":\"2024-01-02T00:00:00Z\"}"),
                new Event.ObjectValue(null), new Object(), "2024-01-02T00:00:00Z".repeat(100)}) {
            assertThat(matches(m, bad)).as(String.valueOf(bad)).isFalse();
        }
        assertThat(matches(m, null)).isFalse();
        assertThat(matches(m, "2024-02-29T00:00:00Z")).as("a real leap day").isTrue();
    }

    @Test
    void valuesOutsideThePartsRangeAreRefused() {
        assertThat(message("f|hour: 24")).contains("'hour' is a whole number from 0 to 23");
        assertThat(message("f|minute: 1.5")).contains("whole number");
        assertThat(message("f|month: 0")).contains("from 1 to 12");
        assertThat(message("f|day: abc")).contains("'day' compares the day of a date with a number");
        assertThat(message("f|hour|day: 3")).contains("compare one part of the date per condition");
        assertThat(message("f|hour|lt|gt: 3")).contains("one bound per condition");
        assertThat(message("'|hour': 3")).contains("keyword searches take text");
        assertThat(matches(compile("f|hour: '3'"), TIME)).as("a quoted number is a number here").isTrue();
        assertThat(matches(compile("f|hour|lt: 24"), TIME)).as("any bound is fine for a comparison").isTrue();
        assertThat(matches(compile("f|lte|minute: 3.5"), TIME)).isFalse();
    }
}
