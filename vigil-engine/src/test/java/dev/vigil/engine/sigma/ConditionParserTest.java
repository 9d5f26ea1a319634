package dev.vigil.engine.sigma;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConditionParserTest {

    private static final List<String> IDS = List.of("a", "b", "c", "sel_1", "sel_2", "_hidden", "filter");

    private static Condition parse(String text) throws ConditionException {
        return ConditionParser.parse(text, IDS);
    }

    private static Condition.Ref ref(String id) {
        return new Condition.Ref(id);
    }

    @Test
    void andBindsTighterThanOr() throws Exception {
        assertThat(parse("a or b and c")).isEqualTo(new Condition.Or(List.of(ref("a"),
                new Condition.And(List.of(ref("b"), ref("c"))))));
        assertThat(parse("a and b or c")).isEqualTo(new Condition.Or(List.of(
                new Condition.And(List.of(ref("a"), ref("b"))), ref("c"))));
    }

    @Test
    void notBindsTighterThanAnd() throws Exception {
        assertThat(parse("not a and b")).isEqualTo(new Condition.And(List.of(new Condition.Not(ref("a")), ref("b"))));
        assertThat(parse("not not a")).isEqualTo(new Condition.Not(new Condition.Not(ref("a"))));
    }

    @Test
    void parenthesesOverridePrecedence() throws Exception {
        assertThat(parse("(a or b) and c")).isEqualTo(new Condition.And(List.of(
                new Condition.Or(List.of(ref("a"), ref("b"))), ref("c"))));
        assertThat(parse("not (a or b)")).isEqualTo(new Condition.Not(new Condition.Or(List.of(ref("a"), ref("b")))));
        assertThat(parse("a and(b)")).isEqualTo(new Condition.And(List.of(ref("a"), ref("b"))));
    }

    @Test
    void chainsAreFlat() throws Exception {
        assertThat(parse("a and b and c")).isEqualTo(new Condition.And(List.of(ref("a"), ref("b"), ref("c"))));
    }

    @Test
    void keywordsIgnoreCase() throws Exception {
        assertThat(parse("a AND NOT b")).isEqualTo(new Condition.And(List.of(ref("a"), new Condition.Not(ref("b")))));
        assertThat(parse("ALL OF THEM")).isEqualTo(new Condition.AllOf(new IdentifierSelector("them")));
    }

    @Test
    void quantifiers() throws Exception {
        assertThat(parse("1 of sel_*")).isEqualTo(new Condition.OneOf(new IdentifierSelector("sel_*")));
        assertThat(parse("all of sel_* and not 1 of filter*")).isEqualTo(new Condition.And(List.of(
                new Condition.AllOf(new IdentifierSelector("sel_*")),
                new Condition.Not(new Condition.OneOf(new IdentifierSelector("filter*"))))));
    }

    @Test
    void themSkipsUnderscoreIdentifiersButPatternsDoNot() {
        assertThat(new IdentifierSelector("them").select(IDS)).containsExactly("a", "b", "c", "sel_1", "sel_2", "filter");
        assertThat(new IdentifierSelector("_*").select(IDS)).containsExactly("_hidden");
        assertThat(new IdentifierSelector("*_*").select(IDS)).containsExactly("sel_1", "sel_2", "_hidden");
        assertThat(new IdentifierSelector("s*1").select(IDS)).containsExactly("sel_1");
    }

    @Test
    void errorsSayWhatIsWrong() {
        assertThatThrownBy(() -> parse("a and x")).hasMessageContaining("'x' is not a search identifier")
                .hasMessageContaining("a and x");
        assertThatThrownBy(() -> parse("(a or b")).hasMessageContaining("not closed");
        assertThatThrownBy(() -> parse("a b")).hasMessageContaining("unexpected 'b'");
        assertThatThrownBy(() -> parse("a and")).hasMessageContaining("ends");
        assertThatThrownBy(() -> parse("a)")).hasMessageContaining("unexpected ')'");
        assertThatThrownBy(() -> parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> parse("a | count() > 5")).hasMessageContaining("correlation rule");
        assertThatThrownBy(() -> parse("2 of sel_*")).hasMessageContaining("'1 of' or 'all of'");
        assertThatThrownBy(() -> parse("1 of nothing*")).hasMessageContaining("matches no search identifier");
        assertThatThrownBy(() -> parse("sel_*")).hasMessageContaining("wildcard");
        assertThatThrownBy(() -> parse("1 of")).hasMessageContaining("must be followed by");
        assertThatThrownBy(() -> ConditionParser.parse("1 of them", List.of("_x"))).hasMessageContaining("selects nothing");
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "(".repeat(ConditionParser.MAX_DEPTH + 1) + "a" + ")".repeat(ConditionParser.MAX_DEPTH + 1);
        assertThatThrownBy(() -> parse(deep)).hasMessageContaining("nests deeper");
        String nots = "not ".repeat(5000) + "a";
        assertThatThrownBy(() -> parse(nots)).isInstanceOf(ConditionException.class);
    }
}
