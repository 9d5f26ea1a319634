package dev.vigil.engine.match;

import dev.vigil.engine.sigma.SigmaParseResult;
import dev.vigil.engine.sigma.SigmaRule;
import dev.vigil.engine.sigma.SigmaRuleParser;
import dev.vigil.engine.testing.MapEvent;
import dev.vigil.model.Event;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Field matching semantics: one test per value type and modifier behaviour. */
class MatchingTest {

    /** A matcher for a selection written as YAML lines under {@code selection:}. */
    static EventMatcher selection(String... lines) {
        String text = "title: t\nname: t\nlogsource: {product: aws}\ndetection:\n  selection:\n"
                + Arrays.stream(lines).map(l -> "    " + l + "\n").reduce("", String::concat)
                + "  condition: selection\n";
        SigmaParseResult r = SigmaRuleParser.parse("test.yml", text);
        assertThat(r.problems()).isEmpty();
        return MatcherCompiler.compile((SigmaRule) r.documents().getFirst());
    }

    static boolean matches(EventMatcher m, Object value) {
        return m.matches(MapEvent.of("f", value));
    }

    @Test
    void plainStringsMatchWholeValueIgnoringCase() {
        EventMatcher m = selection("f: StopLogging");
        assertThat(matches(m, "StopLogging")).isTrue();
        assertThat(matches(m, "stoplogging")).isTrue();
        assertThat(matches(m, "STOPLOGGING")).isTrue();
        assertThat(matches(m, "StopLoggingX")).isFalse();
        assertThat(matches(m, "Stop")).isFalse();
        assertThat(matches(m, null)).isFalse();
        assertThat(matches(m, Event.NULL)).isFalse();
    }

    @Test
    void caseFoldingCoversNonAscii() {
        EventMatcher m = selection("f: 'ÉTÉ'");
        assertThat(matches(m, "été")).isTrue();
        assertThat(matches(m, "ete")).isFalse();
    }

    @Test
    void wildcards() {
        EventMatcher star = selection("f: 'a*c'");
        assertThat(matches(star, "ac")).isTrue();
        assertThat(matches(star, "abbbc")).isTrue();
        assertThat(matches(star, "abcd")).isFalse();
        EventMatcher one = selection("f: 'a?c'");
        assertThat(matches(one, "abc")).isTrue();
        assertThat(matches(one, "ac")).isFalse();
        assertThat(matches(one, "abbc")).isFalse();
        EventMatcher mixed = selection("f: '*a?c*d'");
        assertThat(matches(mixed, "xxaXcyyd")).isTrue();
        assertThat(matches(mixed, "aXcd")).isTrue();
        assertThat(matches(mixed, "aXce")).isFalse();
        EventMatcher any = selection("f: '*'");
        assertThat(matches(any, "")).isTrue();
        assertThat(matches(any, null)).as("* needs the field").isFalse();
    }

    @Test
    void escapedWildcardsAreLiteral() {
        EventMatcher m = selection("f: '\\*'");
        assertThat(matches(m, "*")).isTrue();
        assertThat(matches(m, "anything")).isFalse();
        EventMatcher q = selection("f: 'what\\?'");
        assertThat(matches(q, "what?")).isTrue();
        assertThat(matches(q, "whatx")).isFalse();
        // \W stays a backslash; \* is a literal star
        EventMatcher backslash = selection("f: 'C:\\Windows\\*'");
        assertThat(matches(backslash, "C:\\Windows*")).isTrue();
        assertThat(matches(backslash, "C:\\Windows\\x")).isFalse();
        // \\\* is a backslash followed by a literal star
        EventMatcher both = selection("f: 'C:\\\\\\*'");
        assertThat(matches(both, "C:\\*")).isTrue();
        assertThat(matches(both, "C:\\x")).isFalse();
    }

    @Test
    void containsStartsWithEndsWith() {
        EventMatcher c = selection("f|contains: Admin");
        assertThat(matches(c, "arn:aws:iam::aws:policy/AdministratorAccess")).isTrue();
        assertThat(matches(c, "admin")).isTrue();
        assertThat(matches(c, "Adm")).isFalse();
        EventMatcher s = selection("f|startswith: Describe");
        assertThat(matches(s, "DescribeInstances")).isTrue();
        assertThat(matches(s, "XDescribe")).isFalse();
        EventMatcher e = selection("f|endswith: UnauthorizedOperation");
        assertThat(matches(e, "Client.UnauthorizedOperation")).isTrue();
        assertThat(matches(e, "UnauthorizedOperationX")).isFalse();
        EventMatcher wild = selection("f|contains: 'a*c'");
        assertThat(matches(wild, "xxabbcxx")).isTrue();
    }

    @Test
    void valueListsAreAnyAndAllMakesThemEvery() {
        EventMatcher any = selection("f: [a, b]");
        assertThat(matches(any, "b")).isTrue();
        assertThat(matches(any, "c")).isFalse();
        EventMatcher all = selection("f|contains|all: [foo, bar]");
        assertThat(matches(all, "foo-bar")).isTrue();
        assertThat(matches(all, "foo")).isFalse();
    }

    @Test
    void listValuesMatchWhenAnyElementDoes() {
        EventMatcher m = selection("f: '0.0.0.0/0'");
        assertThat(matches(m, List.of("10.0.0.0/8", "0.0.0.0/0"))).isTrue();
        assertThat(matches(m, List.of("10.0.0.0/8"))).isFalse();
        assertThat(matches(m, List.of(List.of("x", "0.0.0.0/0")))).as("nested").isTrue();
        assertThat(matches(m, List.of())).isFalse();
        EventMatcher all = selection("f|all: [a, b]");
        assertThat(matches(all, List.of("b", "a"))).as("each value may match another element").isTrue();
    }

    @Test
    void casedIsCaseSensitive() {
        EventMatcher m = selection("f|cased: Root");
        assertThat(matches(m, "Root")).isTrue();
        assertThat(matches(m, "root")).isFalse();
        EventMatcher c = selection("f|contains|cased: Key");
        assertThat(matches(c, "AccessKey")).isTrue();
        assertThat(matches(c, "accesskey")).isFalse();
    }

    @Test
    void numbersMatchByValueAndStringsByText() {
        EventMatcher n = selection("f: 22");
        assertThat(matches(n, 22L)).isTrue();
        assertThat(matches(n, 22.0)).isTrue();
        assertThat(matches(n, "22")).isTrue();
        assertThat(matches(n, "022")).as("reads as the same number").isTrue();
        assertThat(matches(n, 23L)).isFalse();
        assertThat(matches(n, true)).isFalse();
        EventMatcher s = selection("f: '22'");
        assertThat(matches(s, 22L)).as("a quoted string compares with the number's text").isTrue();
        assertThat(matches(s, 22.5)).isFalse();
        EventMatcher fraction = selection("f: 1.5");
        assertThat(matches(fraction, 1.5)).isTrue();
        assertThat(matches(fraction, 1L)).isFalse();
        EventMatcher hex = selection("f: 0x17");
        assertThat(matches(hex, 23L)).isTrue();
    }

    @Test
    void booleans() {
        EventMatcher f = selection("f: false");
        assertThat(matches(f, false)).isTrue();
        assertThat(matches(f, "FALSE")).isTrue();
        assertThat(matches(f, true)).isFalse();
        assertThat(matches(f, 0L)).isFalse();
        assertThat(matches(f, null)).isFalse();
        EventMatcher text = selection("f: 'true'");
        assertThat(matches(text, true)).as("the string 'true' matches a JSON true by text").isTrue();
    }

    @Test
    void nullMatchesAbsentOrJsonNull() {
        EventMatcher m = selection("f: null");
        assertThat(matches(m, null)).isTrue();
        assertThat(matches(m, Event.NULL)).isTrue();
        assertThat(matches(m, "")).isFalse();
        assertThat(matches(m, "null")).isFalse();
        EventMatcher empty = selection("f: ''");
        assertThat(matches(empty, "")).isTrue();
        assertThat(matches(empty, null)).isFalse();
    }

    @Test
    void existsChecksPresenceOnly() {
        EventMatcher yes = selection("f|exists: true");
        EventMatcher no = selection("f|exists: false");
        assertThat(matches(yes, "x")).isTrue();
        assertThat(matches(yes, Event.NULL)).as("present with a null value").isTrue();
        assertThat(matches(yes, List.of())).isTrue();
        assertThat(matches(yes, null)).isFalse();
        assertThat(matches(no, null)).isTrue();
        assertThat(matches(no, "x")).isFalse();
    }

    @Test
    void objectsMatchTheirJsonText() {
        EventMatcher m = selection("f|contains: '\"Principal\":\"*\"'".replace("*", "\\*"));
        assertThat(matches(m, new Event.ObjectValue("{\"Principal\":\"*\",\"Effect\":\"Allow\"}"))).isTrue();
        assertThat(matches(m, new Event.ObjectValue("{\"Principal\":\"arn\"}"))).isFalse();
    }

    @Test
    void regex() {
        EventMatcher m = selection("f|re: '^arn:aws:iam::\\d{12}:root$'");
        assertThat(matches(m, "arn:aws:iam::111122223333:root")).isTrue();
        assertThat(matches(m, "ARN:aws:iam::111122223333:root")).as("case-sensitive by default").isFalse();
        assertThat(matches(m, "arn:aws:iam::11112222333:root")).isFalse();
        EventMatcher search = selection("f|re: 'admin'");
        assertThat(matches(search, "my-admin-role")).as("unanchored search").isTrue();
        EventMatcher i = selection("f|re|i: '^ADMIN'");
        assertThat(matches(i, "administrator")).isTrue();
        EventMatcher line = selection("f|re: '^b$'");
        EventMatcher multi = selection("f|re|m: '^b$'");
        assertThat(matches(line, "a\nb\nc")).isFalse();
        assertThat(matches(multi, "a\nb\nc")).isTrue();
        EventMatcher dot = selection("f|re: 'a.c'");
        EventMatcher dotAll = selection("f|re|s: 'a.c'");
        assertThat(matches(dot, "a\nc")).isFalse();
        assertThat(matches(dotAll, "a\nc")).isTrue();
        EventMatcher number = selection("f|re: '^4\\d\\d$'");
        assertThat(matches(number, 403L)).as("numbers by their text").isTrue();
    }

    @Test
    void regexTakesLinearTimeOnHostileInput() {
        // a catastrophic pattern for backtracking engines; RE2 answers at once
        EventMatcher m = selection("f|re: '^(a+)+$'");
        assertThat(matches(m, "a".repeat(50_000) + "!")).isFalse();
    }

    @Test
    void cidr() {
        EventMatcher m = selection("f|cidr: [10.0.0.0/8, '2001:db8::/32']");
        assertThat(matches(m, "10.1.2.3")).isTrue();
        assertThat(matches(m, "2001:db8::5")).isTrue();
        assertThat(matches(m, "192.0.2.1")).isFalse();
        assertThat(matches(m, "cloudtrail.amazonaws.com")).isFalse();
        assertThat(matches(m, 167772161L)).as("numbers are not addresses").isFalse();
        assertThat(matches(m, List.of("192.0.2.1", "10.9.9.9"))).isTrue();
    }

    @Test
    void comparisons() {
        EventMatcher lte = selection("f|lte: 22");
        assertThat(matches(lte, 22L)).isTrue();
        assertThat(matches(lte, 0L)).isTrue();
        assertThat(matches(lte, 23L)).isFalse();
        assertThat(matches(lte, -1L)).isTrue();
        assertThat(matches(lte, 21.5)).isTrue();
        assertThat(matches(lte, "22")).isTrue();
        assertThat(matches(lte, "twenty")).isFalse();
        assertThat(matches(lte, Double.NaN)).isFalse();
        assertThat(matches(selection("f|lt: 22"), 22L)).isFalse();
        assertThat(matches(selection("f|gt: 22"), 23L)).isTrue();
        assertThat(matches(selection("f|gt: 22"), 22L)).isFalse();
        assertThat(matches(selection("f|gte: 2.5"), 3L)).isTrue();
        assertThat(matches(selection("f|gte: 2.5"), 2L)).isFalse();
        assertThat(matches(selection("f|gt: 9007199254740993"), 9007199254740994L)).as("large longs compare exactly")
                .isTrue();
        EventMatcher range = selection("f|gte: 10", "f|lte: 20");
        assertThat(matches(range, 15L)).isTrue();
        assertThat(matches(range, 25L)).isFalse();
        assertThat(matches(range, 5L)).isFalse();
    }

    @Test
    void keywordsSearchTheRawRecord() {
        EventMatcher m = selection("'|all': [evil, 'Bad']");
        Map<String, Object> none = new HashMap<>();
        assertThat(m.matches(new MapEvent(none, "{\"a\":\"evil and bad\"}", "1", 0))).isTrue();
        assertThat(m.matches(new MapEvent(none, "{\"a\":\"evil\"}", "1", 0))).isFalse();
    }

    @Test
    void severalFieldsAreAnded() {
        EventMatcher m = selection("a: 1", "b: x");
        Map<String, Object> both = Map.of("a", 1L, "b", "x");
        Map<String, Object> one = Map.of("a", 1L, "b", "y");
        assertThat(m.matches(new MapEvent(both))).isTrue();
        assertThat(m.matches(new MapEvent(one))).isFalse();
    }
}
