package dev.vigil.engine.match;

import dev.vigil.model.Event;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

import static dev.vigil.engine.match.Selections.compile;
import static dev.vigil.engine.match.Selections.event;
import static dev.vigil.engine.match.Selections.message;
import static org.assertj.core.api.Assertions.assertThat;

/** fieldref: the field compared with another field of the same event. */
class FieldRefTest {

    @Test
    void equalFieldsMatchIgnoringCase() {
        EventMatcher m = compile("a|fieldref: b");
        assertThat(m.matches(event("a", "alice", "b", "alice"))).isTrue();
        assertThat(m.matches(event("a", "Alice", "b", "ALICE"))).isTrue();
        assertThat(m.matches(event("a", "alice", "b", "bob"))).isFalse();
        EventMatcher cased = compile("a|fieldref|cased: b");
        assertThat(cased.matches(event("a", "Alice", "b", "alice"))).isFalse();
        assertThat(cased.matches(event("a", "alice", "b", "alice"))).isTrue();
    }

    @Test
    void missingOrNullFieldsNeverMatch() {
        EventMatcher m = compile("a|fieldref: b");
        EventMatcher neq = compile("a|fieldref|neq: b");
        for (Event e : List.of(event("a", "x"), event("b", "x"), event(), event("a", "x", "b", Event.NULL),
                event("a", Event.NULL, "b", Event.NULL), event("a", List.of(), "b", "x"))) {
            assertThat(m.matches(e)).isFalse();
            assertThat(neq.matches(e)).as("neq needs both values too").isFalse();
        }
    }

    @Test
    void neqMatchesDifferentValues() {
        EventMatcher m = compile("userIdentity.userName|fieldref|neq: requestParameters.userName");
        assertThat(m.matches(event("userIdentity.userName", "alice", "requestParameters.userName", "bob"))).isTrue();
        assertThat(m.matches(event("userIdentity.userName", "alice", "requestParameters.userName", "Alice")))
                .isFalse();
    }

    @Test
    void partialComparisons() {
        EventMatcher starts = compile("a|fieldref|startswith: b");
        assertThat(starts.matches(event("a", "prod-bucket-logs", "b", "PROD-bucket"))).isTrue();
        assertThat(starts.matches(event("a", "bucket", "b", "prod-bucket"))).isFalse();
        EventMatcher ends = compile("a|fieldref|endswith: b");
        assertThat(ends.matches(event("a", "arn:aws:iam::1:user/alice", "b", "alice"))).isTrue();
        assertThat(ends.matches(event("a", "alice/x", "b", "alice"))).isFalse();
        EventMatcher contains = compile("a|fieldref|contains: b");
        assertThat(contains.matches(event("a", "xxABAByy", "b", "abab"))).isTrue();
        assertThat(contains.matches(event("a", "xxABAyy", "b", "abab"))).isFalse();
        assertThat(contains.matches(event("a", "anything", "b", ""))).as("an empty value is in every text").isTrue();
        EventMatcher notContains = compile("a|fieldref|contains|neq: b");
        assertThat(notContains.matches(event("a", "xyz", "b", "q"))).isTrue();
        assertThat(notContains.matches(event("a", "xqz", "b", "q"))).isFalse();
    }

    @Test
    void numbersCompareByValueAndOtherTypesByText() {
        EventMatcher m = compile("a|fieldref: b");
        assertThat(m.matches(event("a", 22L, "b", 22.0))).isTrue();
        assertThat(m.matches(event("a", 22L, "b", "22"))).isTrue();
        assertThat(m.matches(event("a", true, "b", "TRUE"))).isTrue();
        assertThat(m.matches(event("a", 22L, "b", 23L))).isFalse();
        assertThat(m.matches(event("a", Double.NaN, "b", Double.NaN))).isFalse();
        assertThat(m.matches(event("a", new Event.ObjectValue("{\"k\":1}"), "b", "{\"K\":1}"))).isTrue();
        assertThat(m.matches(event("a", new Event.ObjectValue(null), "b", new Event.ObjectValue(null)))).isFalse();
        assertThat(m.matches(event("a", new Object(), "b", new Object()))).isFalse();
    }

    @Test
    void listsMatchWhenAnyPairDoes() {
        EventMatcher m = compile("a|fieldref: b");
        assertThat(m.matches(event("a", List.of("x", "y"), "b", List.of("z", "Y")))).isTrue();
        assertThat(m.matches(event("a", List.of("x", "y"), "b", "z"))).isFalse();
        EventMatcher neq = compile("a|fieldref|neq: b");
        assertThat(neq.matches(event("a", List.of("x", "y"), "b", "z"))).isTrue();
        assertThat(neq.matches(event("a", List.of("x", "y"), "b", "y"))).isFalse();
        List<String> huge = Collections.nCopies(20_000, "x");
        assertThat(m.matches(event("a", huge, "b", List.of("y", "x")))).as("found within the pair budget").isTrue();
        assertThat(neq.matches(event("a", huge, "b", huge))).as("too many pairs to tell: no match").isFalse();
    }

    @Test
    void severalReferencesAndAll() {
        EventMatcher any = compile("a|fieldref: [b, c]");
        assertThat(any.matches(event("a", "x", "b", "y", "c", "x"))).isTrue();
        EventMatcher all = compile("a|fieldref|all: [b, c]");
        assertThat(all.matches(event("a", "x", "b", "x", "c", "x"))).isTrue();
        assertThat(all.matches(event("a", "x", "b", "x", "c", "y"))).isFalse();
    }

    @Test
    void hostileLengthsStayLinear() {
        EventMatcher m = compile("a|fieldref|contains: b");
        String haystack = "a".repeat(400_000);
        String needle = "a".repeat(100_000) + "b";
        assertThat(m.matches(event("a", haystack, "b", needle))).isFalse();
        assertThat(m.matches(event("a", haystack + "b", "b", needle))).isTrue();
    }

    @Test
    void refusedForms() {
        assertThat(message("a|contains|fieldref: b")).contains("comes before contains");
        assertThat(message("a|fieldref: 'b*'")).contains("is not a field name");
        assertThat(message("a|fieldref: 'b..c'")).contains("needs a field path");
        assertThat(message("a|fieldref: 22")).contains("is not a field name");
        assertThat(message("'|fieldref': b")).contains("keyword searches take text");
        assertThat(message("a|fieldref|base64: b")).contains("'base64' applies to strings");
    }
}
