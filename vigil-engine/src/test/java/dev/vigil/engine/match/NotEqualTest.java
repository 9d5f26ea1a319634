package dev.vigil.engine.match;

import dev.vigil.model.Event;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.vigil.engine.match.Selections.compile;
import static dev.vigil.engine.match.Selections.matches;
import static dev.vigil.engine.match.Selections.message;
import static org.assertj.core.api.Assertions.assertThat;

/** neq: the field holds a value equal to none of the values; absent and null fields do not match. */
class NotEqualTest {

    @Test
    void differentValuesMatchAndEqualOnesDoNot() {
        EventMatcher m = compile("f|neq: Root");
        assertThat(matches(m, "IAMUser")).isTrue();
        assertThat(matches(m, "Root")).isFalse();
        assertThat(matches(m, "root")).as("equality ignores case, as for plain values").isFalse();
        EventMatcher cased = compile("f|cased|neq: Root");
        assertThat(matches(cased, "root")).isTrue();
    }

    @Test
    void absentOrNullFieldsDoNotMatch() {
        EventMatcher m = compile("f|neq: Root");
        assertThat(matches(m, null)).isFalse();
        assertThat(matches(m, Event.NULL)).isFalse();
        assertThat(matches(m, List.of())).isFalse();
        assertThat(matches(m, java.util.Arrays.asList(Event.NULL, null))).isFalse();
        assertThat(matches(m, "")).as("an empty string is a value").isTrue();
    }

    @Test
    void aListMeansNoneOfThem() {
        EventMatcher m = compile("f|neq: [AssumedRole, AWSService]");
        assertThat(matches(m, "IAMUser")).isTrue();
        assertThat(matches(m, "AssumedRole")).isFalse();
        assertThat(matches(m, "AWSService")).isFalse();
    }

    @Test
    void multiValuedFieldsMatchWhenNoElementEqualsAValue() {
        EventMatcher m = compile("f|neq: '0.0.0.0/0'");
        assertThat(matches(m, List.of("10.0.0.0/8", "192.168.0.0/16"))).isTrue();
        assertThat(matches(m, List.of("10.0.0.0/8", "0.0.0.0/0"))).isFalse();
    }

    @Test
    void combinesWithOtherModifiers() {
        EventMatcher contains = compile("f|contains|neq: admin");
        assertThat(matches(contains, "reader")).isTrue();
        assertThat(matches(contains, "my-Admin-role")).isFalse();
        EventMatcher number = compile("f|neq: 443");
        assertThat(matches(number, 22L)).isTrue();
        assertThat(matches(number, 443L)).isFalse();
        assertThat(matches(number, "443")).isFalse();
        EventMatcher cidr = compile("f|cidr|neq: 10.0.0.0/8");
        assertThat(matches(cidr, "192.0.2.1")).isTrue();
        assertThat(matches(cidr, "10.1.1.1")).isFalse();
        EventMatcher regex = compile("f|re|neq: '^arn:aws:iam::\\d+:root$'");
        assertThat(matches(regex, "arn:aws:iam::1:user/a")).isTrue();
        assertThat(matches(regex, "arn:aws:iam::1:root")).isFalse();
        EventMatcher windash = compile("f|windash|neq: '-x'");
        assertThat(matches(windash, "/x")).isFalse();
        assertThat(matches(windash, "-y")).isTrue();
        EventMatcher notNull = compile("f|neq: null");
        assertThat(matches(notNull, "x")).as("neq null: the field holds a value").isTrue();
        assertThat(matches(notNull, Event.NULL)).isFalse();
        assertThat(matches(notNull, null)).isFalse();
    }

    @Test
    void objectsAndOddValuesNeverThrow() {
        EventMatcher m = compile("f|neq: x");
        assertThat(matches(m, new Event.ObjectValue("{\"a\":1}"))).isTrue();
        assertThat(matches(m, new Event.ObjectValue(null))).as("no text, nothing equal").isTrue();
        assertThat(matches(m, new Object())).isTrue();
        assertThat(matches(m, Double.NaN)).isTrue();
    }

    @Test
    void refusedCombinations() {
        assertThat(message("f|neq|all: [a, b]")).contains("'neq' already means the field equals none");
        assertThat(message("f|exists|neq: true")).contains("'neq' does not combine with 'exists'");
        assertThat(message("'|neq': [a, b]")).contains("'neq' applies to a field");
    }
}
