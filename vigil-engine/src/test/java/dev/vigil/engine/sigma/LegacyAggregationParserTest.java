package dev.vigil.engine.sigma;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LegacyAggregationParserTest {

    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

    private static LegacyAggregation parse(String text) throws ConditionException {
        return LegacyAggregationParser.parse(text, TEN_MINUTES);
    }

    private static CountCondition condition(CountCondition.Operator op, long bound) {
        return CountCondition.of(op, bound);
    }

    @Test
    void countWithoutAFieldCountsEvents() throws ConditionException {
        LegacyAggregation a = parse(" count() by userIdentity.arn > 5 ");
        assertThat(a.type()).isEqualTo(CorrelationType.EVENT_COUNT);
        assertThat(a.field()).isNull();
        assertThat(a.groupBy()).containsExactly("userIdentity.arn");
        assertThat(a.condition()).isEqualTo(condition(CountCondition.Operator.GT, 5));
        assertThat(a.timespan()).isEqualTo(TEN_MINUTES);
        assertThat(parse("count()>5").groupBy()).as("no group: one group for all").isEmpty();
    }

    @Test
    void countWithAFieldCountsDistinctValues() throws ConditionException {
        LegacyAggregation a = parse("COUNT(eventName) BY recipientAccountId, userIdentity.arn >= 20");
        assertThat(a.type()).isEqualTo(CorrelationType.VALUE_COUNT);
        assertThat(a.field()).isEqualTo("eventName");
        assertThat(a.groupBy()).containsExactly("recipientAccountId", "userIdentity.arn");
        assertThat(a.condition()).isEqualTo(condition(CountCondition.Operator.GTE, 20));
    }

    @Test
    void everyComparisonMapsToACorrelationCondition() throws ConditionException {
        assertThat(parse("count() < 3").condition()).isEqualTo(condition(CountCondition.Operator.LT, 3));
        assertThat(parse("count() <= 3").condition()).isEqualTo(condition(CountCondition.Operator.LTE, 3));
        assertThat(parse("count() = 3").condition()).isEqualTo(condition(CountCondition.Operator.EQ, 3));
        assertThat(parse("count() == 3").condition()).isEqualTo(condition(CountCondition.Operator.EQ, 3));
    }

    @Test
    void nearNamesSearchesJoinedByAnd() throws ConditionException {
        java.util.Set<String> ids = java.util.Set.of("selection", "login", "key");
        LegacyAggregation a = LegacyAggregationParser.parse("near login and key", TEN_MINUTES, ids);
        assertThat(a.type()).isEqualTo(CorrelationType.TEMPORAL);
        assertThat(a.near()).containsExactly("login", "key");
        assertThat(a.condition()).isEqualTo(condition(CountCondition.Operator.GTE, 3));
        assertThat(nearError("near login and not key", ids)).contains("'not' cannot be expressed as a temporal");
        assertThat(nearError("near login or key", ids)).contains("'or' cannot be expressed");
        assertThat(nearError("near", ids)).contains("at least one search identifier");
        assertThat(nearError("near login key", ids)).contains("expected 'and'");
    }

    private static String nearError(String text, java.util.Set<String> ids) {
        try {
            LegacyAggregationParser.parse(text, TEN_MINUTES, ids);
        } catch (ConditionException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error for " + text);
    }

    @Test
    void unsupportedAndBrokenAggregationsSayWhy() {
        assertThat(error("near selection2")).contains("'selection2' is not a search identifier");
        assertThat(error("sum(bytes) by srcaddr > 100000")).contains("'sum()'").contains("count(field)");
        assertThat(error("avg(x) > 1")).contains("'avg()'");
        assertThat(error("")).contains("nothing follows the '|'");
        assertThat(error("total() > 1")).contains("'total' is not an aggregation");
        assertThat(error("count > 1")).contains("must be followed by '('");
        assertThat(error("count(a b) > 1")).contains("at most one field");
        assertThat(error("count() by > 1")).contains("a field name must follow by");
        assertThat(error("count() by a,")).contains("a field name must follow by");
        assertThat(error("count() by a")).contains("expected a comparison");
        assertThat(error("count() > -1")).contains("'-1' is not a whole number");
        assertThat(error("count() > 5 and more")).contains("unexpected 'and'");
        assertThat(error("count(a..b) > 5")).contains("field path 'a..b' is not valid");
    }

    private static String error(String text) {
        try {
            parse(text);
        } catch (ConditionException e) {
            assertThat(e.getMessage()).startsWith("aggregation '" + text.strip() + "': ");
            return e.getMessage();
        }
        throw new AssertionError("no error for " + text);
    }

    @Test
    void hugeHostileTextIsRefusedInLinearTime() {
        String field = "a".repeat(400_000);
        assertThatThrownBy(() -> parse("count(" + field + " by " + "x,".repeat(100_000)))
                .isInstanceOf(ConditionException.class);
        assertThatThrownBy(() -> parse("count() by " + "(".repeat(300_000))).isInstanceOf(ConditionException.class);
    }

    @Test
    void timeframes() throws ConditionException {
        assertThat(LegacyAggregationParser.timeframe("15s")).isEqualTo(Duration.ofSeconds(15));
        assertThat(LegacyAggregationParser.timeframe("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(LegacyAggregationParser.timeframe(" 12h ")).isEqualTo(Duration.ofHours(12));
        assertThat(LegacyAggregationParser.timeframe("7d")).isEqualTo(Duration.ofDays(7));
        for (String bad : List.of("3M", "31d", "0s", "5 minutes", "m", "", "10x", "9999999999s")) {
            assertThatThrownBy(() -> LegacyAggregationParser.timeframe(bad)).as(bad)
                    .isInstanceOf(ConditionException.class).hasMessageContaining("timeframe '" + bad + "'");
        }
        assertThatThrownBy(() -> LegacyAggregationParser.timeframe("3M")).hasMessageContaining("write it in days");
    }
}
