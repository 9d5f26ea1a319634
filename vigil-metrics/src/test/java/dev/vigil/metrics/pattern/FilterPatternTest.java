package dev.vigil.metrics.pattern;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FilterPatternTest {

    static boolean matches(String pattern, String message) {
        return FilterPattern.compile(pattern).matches(LogMessage.of(message));
    }

    @Nested
    class EmptyAndTerms {
        @Test
        void emptyAndBlankPatternsMatchEverything() {
            assertThat(matches("", "anything")).isTrue();
            assertThat(matches("   ", "")).isTrue();
            assertThat(matches("\" \"", "nospace")).isTrue();
            assertThat(FilterPattern.compile(null).kind()).isEqualTo(FilterPattern.Kind.ALL);
        }

        @Test
        void termsAreCaseSensitiveSubstrings() {
            assertThat(matches("ERROR", "ERRORNEOUS PROGRAM")).isTrue();
            assertThat(matches("ERROR", "error here")).isFalse();
            assertThat(matches("user@example.com", "login user@example.com ok")).isTrue();
        }

        @Test
        void quotedPhrasesKeepSpacesAndEscapes() {
            assertThat(matches("\"ERROR][grpc\"", "x ERROR][grpc y")).isTrue();
            assertThat(matches("\"say \\\"hi\\\"\"", "they say \"hi\" now")).isTrue();
            assertThat(matches("\"a\\\\b\"", "a\\b")).isTrue();
        }

        @Test
        void questionMarkStartsAnAlternativeGroup() {
            // CDK's anyTermGroup(["ERROR","MainThread"],["WARN","Deadlock"]) renders this text
            String p = "?\"ERROR\" \"MainThread\" ?\"WARN\" \"Deadlock\"";
            assertThat(matches(p, "ERROR in MainThread")).isTrue();
            assertThat(matches(p, "WARN Deadlock found")).isTrue();
            assertThat(matches(p, "ERROR in worker")).isFalse();
            assertThat(matches(p, "WARN MainThread")).isFalse();
        }

        @Test
        void exclusionsApplyToEveryGroup() {
            assertThat(matches("?ERROR ?WARN -timeout", "WARN slow")).isTrue();
            assertThat(matches("?ERROR ?WARN -timeout", "WARN timeout")).isFalse();
            assertThat(matches("-DEBUG", "INFO started")).isTrue();
            assertThat(matches("-DEBUG", "DEBUG started")).isFalse();
        }

        @Test
        void regexTermsAreUnanchoredAndMayBeExcluded() {
            assertThat(matches("%colou?r%", "the color red")).isTrue();
            assertThat(matches("%^ERROR%", "x ERROR")).isFalse();
            assertThat(matches("%\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}%", "from 10.0.0.1")).isTrue();
            assertThat(matches("%[Ee]rror|[Ff]ail%", "Fail!")).isTrue();
            assertThat(matches("GET -%/health$%", "GET /health")).isFalse();
            assertThat(matches("GET -%/health$%", "GET /api")).isTrue();
        }
    }

    @Nested
    class Json {
        static final String EVENT = "{\"n\":5,\"big\":12345678901234,\"f\":0.5,\"s\":\"400\",\"t\":true,\"no\":false,"
                + "\"z\":null,\"o\":{\"k\":\"v\"},\"a\":[1,{\"b\":\"x\"}],\"name\":\"ip-10-0-1-2.ec2.internal\"}";

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiterString = "|=>", value = {
                "{ $.n = 5 }|=>true", "{ $.n != 5 }|=>false", "{ $.n > 4 }|=>true", "{ $.n >= 5 }|=>true",
                "{ $.n < 5 }|=>false", "{ $.n <= 5.0 }|=>true", "{ $.n = 5e0 }|=>true", "{ $.n = 0.5e1 }|=>true",
                "{ $.f = 5e-1 }|=>true", "{ $.f < 1E+3 }|=>true", "{ $.f > -1 }|=>true", "{ $.big = 12345678901234 }|=>true",
                "{ $.n = * }|=>true", "{ $.n = 5* }|=>true", "{ $.f = \"0.5\" }|=>true",
                "{ $.s = 400 }|=>true", "{ $.s > 300 }|=>false", "{ $.s = \"4*\" }|=>true", "{ $.s != 4* }|=>false",
                "{ $.t IS TRUE }|=>true", "{ $.t IS FALSE }|=>false", "{ $.no IS FALSE }|=>true", "{ $.z IS NULL }|=>true",
                "{ $.n IS NULL }|=>false", "{ $.missing IS NULL }|=>false", "{ $.missing NOT EXISTS }|=>true",
                "{ $.z NOT EXISTS }|=>false", "{ $.o.k NOT EXISTS }|=>false",
                "{ $.o = * }|=>false", "{ $.a = * }|=>false", "{ $.o != \"x\" }|=>false", "{ $.z = * }|=>false",
                "{ $.z != \"x\" }|=>false", "{ $.missing != \"x\" }|=>false", "{ $.missing = * }|=>false",
                "{ $.a[0] = 1 }|=>true", "{ $.a[1].b = x }|=>true", "{ $.a[2] NOT EXISTS }|=>true", "{ $.o.k = v }|=>true",
                "{ $.a.b NOT EXISTS }|=>true", "{ $.name = ip-10-*.internal }|=>true", "{ $.name = *ec2* }|=>true",
                "{ $.name = %^ip-[0-9-]+\\.ec2% }|=>true", "{ $.name != %ec3% }|=>true",
                "{$.n=5&&$.s=\"400\"}|=>true", "{($.n=6)||($.t IS TRUE)}|=>true", "{ $.n = 6 || $.n = 7 || $.s = 400 }|=>true",
                "{ ($.n = 6 || $.n = 5) && $.no IS TRUE }|=>false", "{ $.n = 6 || $.n = 5 && $.no IS TRUE }|=>false",
                "{ $.n = 5 || $.n = 6 && $.no IS TRUE }|=>true"})
        void operatorsOnTypedValues(String pattern, boolean expected) {
            assertThat(matches(pattern, EVENT)).isEqualTo(expected);
        }

        @Test
        void stringsMatchCaseSensitively() {
            assertThat(matches("{ $.k = \"Value\" }", "{\"k\":\"value\"}")).isFalse();
        }

        @Test
        void nonJsonMessagesNeverMatchJsonPatterns() {
            assertThat(matches("{ $.a NOT EXISTS }", "plain text")).isFalse();
            assertThat(matches("{ $.a NOT EXISTS }", "[1,2]")).isFalse();
            assertThat(matches("{ $.a NOT EXISTS }", "{\"b\":1} trailing")).isFalse();
            assertThat(matches("{ $.a NOT EXISTS }", " {\"b\":1} ")).isTrue();
        }

        @Test
        void notEqualOnAMissingFieldIsConfigurable() {
            FilterPattern strict = FilterPattern.compile("{ $.x != \"a\" }");
            FilterPattern loose = FilterPattern.compile("{ $.x != \"a\" }", new FilterPattern.Options(true));
            LogMessage m = LogMessage.of("{\"y\":1}");
            assertThat(strict.matches(m)).isFalse();
            assertThat(loose.matches(m)).isTrue();
            assertThat(loose.matches(LogMessage.of("{\"x\":\"a\"}"))).isFalse();
        }

        @Test
        void orOfEqualitiesOnOneFieldBehavesLikeTheLongForm() {
            String p = "{($.eventName=A) || ($.eventName=\"B\") || ($.other=C) || ($.eventName=D*) || ($.n=3)}";
            assertThat(matches(p, "{\"eventName\":\"B\"}")).isTrue();
            assertThat(matches(p, "{\"eventName\":\"Dx\"}")).isTrue();
            assertThat(matches(p, "{\"other\":\"C\"}")).isTrue();
            assertThat(matches(p, "{\"n\":3}")).isTrue();
            assertThat(matches(p, "{\"eventName\":\"b\"}")).isFalse();
            assertThat(matches(p, "{\"eventName\":[\"A\"]}")).isFalse();
        }
    }

    @Nested
    class Delimited {
        static final String LINE = "127.0.0.1 Prod frank [10/Oct/2000:13:25:15 -0700] \"GET /index.html HTTP/1.0\" 404 1534";

        @Test
        void columnsMustCoverEveryFieldWithoutEllipsis() {
            assertThat(matches("[a, b, c, d, e, f]", LINE)).isFalse();
            assertThat(matches("[a, b, c, d, e, f, g, h]", LINE)).isFalse();
            assertThat(matches("[a, b, c, d, e, f, g]", LINE)).isTrue();
        }

        @Test
        void ellipsisAnywhere() {
            assertThat(matches("[ip, ...]", LINE)).isTrue();
            assertThat(matches("[ip = 127.*, ..., bytes > 1000]", LINE)).isTrue();
            assertThat(matches("[..., status = 404, ...]", LINE)).isTrue();
            assertThat(matches("[..., status = 500, ...]", LINE)).isFalse();
            assertThat(matches("[..., user = Prod, ..., status = 404, bytes]", LINE)).isTrue();
            assertThat(matches("[..., user = Prod, ..., status = 404]", LINE)).isFalse();
            Map<String, String> x = FilterPattern.compile("[..., user = Prod, ..., status = 404, bytes]")
                    .match(LogMessage.of(LINE)).extracted();
            assertThat(x).containsExactly(Map.entry("$user", "Prod"), Map.entry("$status", "404"),
                    Map.entry("$bytes", "1534"));
        }

        @Test
        void positionalWordsAndCompoundConditions() {
            assertThat(matches("[w1=ERROR, w2]", "ERROR disk")).isTrue();
            assertThat(matches("[w1=ERROR || w1=WARNING, w2]", "WARNING disk")).isTrue();
            assertThat(matches("[w1!=ERROR && w1!=WARNING, w2]", "WARNING disk")).isFalse();
            assertThat(matches("[w1!=ERROR && w1!=WARNING, w2]", "INFO disk")).isTrue();
            assertThat(matches("[w1, n >= 10 && n < 20]", "x 15")).isTrue();
            assertThat(matches("[w1, n >= 10 && n < 20]", "x 25")).isFalse();
            assertThat(matches("[w1, n > 10]", "x abc")).isFalse();
            assertThat(matches("[w1, n = %^a.c$%]", "x abc")).isTrue();
            assertThat(matches("[w1, n = 1e3]", "x 1000")).isTrue();
        }

        @Test
        void fieldsSplitOnSpacesQuotesAndBrackets() {
            assertThat(DelimitedFields.split("  a  \"b c\" [d e] f")).containsExactly("a", "b c", "d e", "f");
            assertThat(DelimitedFields.split("a \"unclosed tail")).containsExactly("a", "unclosed tail");
        }

        @Test
        void hostileMessagesStayLinear() {
            String line = "x ".repeat(50_000) + "end";
            long start = System.nanoTime();
            assertThat(matches("[..., a = y, ..., b = y, ..., c = end]", line)).isFalse();
            assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
        }
    }

    @Nested
    class Regex {
        @Test
        void cloudWatchRestrictionsAreEnforced() {
            assertError("%something!%", 10, "'!' is not allowed");
            assertError("%(a|b)%", 1, "do not support groups");
            assertError("%é%", 1, "ASCII characters only");
            assertError("%%", 0, "is empty");
            assertError("%abc", 0, "not closed");
            assertError("%a\\1%", 0, "invalid regular expression");
            assertThat(matches("{ $.m = %bind: address already in use% }",
                    "{\"m\":\"error: bind: address already in use\"}")).isTrue();
        }

        @Test
        void atMostTwoRegexesInStructuredPatterns() {
            FilterPattern.compile("{ $.a = %x% && $.b = %y% }");
            assertError("{ $.a = %x% && $.b = %y% || $.c = %z% }", 34, "at most 2 regular expressions");
            assertError("[a = %x%, b = %y%, c = %z%]", 23, "at most 2");
            FilterPattern.compile("%a% %b% %c%");
        }
    }

    @Nested
    class Errors {
        @Test
        void lengthLimit() {
            FilterPattern.compile("a".repeat(1024));
            assertError("a".repeat(1025), 1024, "limited to 1024 characters");
        }

        @Test
        void jsonErrorsNameTheColumnAndTheFix() {
            assertError("{ }", 2, "JSON pattern is empty");
            assertError("{ $.a = 1", 0, "not closed");
            assertError("{ ($.a = 1 }", 2, "never closed");
            assertError("{ $.a = 1 } x", 12, "unexpected text after the closing '}'");
            assertError("{ eventName = x }", 2, "expected a selector");
            assertError("{ $eventName = x }", 3, "starts with '$.'");
            assertError("{ $.a[*] = x }", 6, "[*] is not supported");
            assertError("{ $.a[x] = 1 }", 5, "array index");
            assertError("{ $.a.= 1 }", 6, "expected a field name");
            assertError("{ $.a ~ 1 }", 6, "expected =, !=, <, <=, >, >=, IS NULL");
            assertError("{ $.a is null }", 6, "keywords are upper case");
            assertError("{ $.a IS NOT NULL }", 9, "'IS NOT' is not supported");
            assertError("{ $.a EXISTS }", 6, "test that a field exists with $.a = *");
            assertError("{ $.a NOT THERE }", 10, "expected EXISTS");
            assertError("{ $.a > abc }", 8, "compares numbers");
            assertError("{ $.a = }", 8, "expected a value after '='");
            assertError("{ $.a = \"x }", 8, "quoted string is not closed");
            assertError("{ $.a = x y }", 10, "expected '&&', '||' or '}'");
            assertError("{ $.a = 1e999 }", 8, "out of range");
            assertError("{ $.a = a\"b }", 9, "must be quoted");
        }

        @Test
        void delimitedErrors() {
            assertError("[]", 1, "no columns");
            assertError("[a, b", 0, "not closed");
            assertError("[a b]", 3, "expected ',' or ']'");
            assertError("[a, a]", 4, "used twice");
            assertError("[a = 1 || b = 2]", 10, "can only test that column");
            assertError("[a = 1, ?]", 8, "expected a column name");
            assertError("[a] x", 4, "unexpected text");
            assertError("[a =]", 4, "expected a value");
        }

        @Test
        void termErrors() {
            assertError("ERROR ?", 7, "expected a term after '?'");
            assertError("ERROR \"open", 6, "not closed");
            assertError("ab\"c", 2, "must be quoted");
        }

        @Test
        void messageStartsWithTheColumn() {
            assertThatThrownBy(() -> FilterPattern.compile("{ $.a ~ 1 }"))
                    .hasMessageStartingWith("invalid filter pattern at column 7: expected");
        }
    }

    static void assertError(String pattern, int position, String text) {
        assertThatThrownBy(() -> FilterPattern.compile(pattern))
                .isInstanceOfSatisfying(PatternException.class, e -> {
                    assertThat(e.problem()).contains(text);
                    assertThat(e.position()).as(e.getMessage()).isEqualTo(position);
                });
    }
}
