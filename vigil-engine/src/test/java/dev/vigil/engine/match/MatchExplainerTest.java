package dev.vigil.engine.match;

import dev.vigil.engine.sigma.FieldCondition;
import dev.vigil.engine.sigma.SigmaParseResult;
import dev.vigil.engine.sigma.SigmaRule;
import dev.vigil.engine.sigma.SigmaRuleParser;
import dev.vigil.engine.testing.MapEvent;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The explainer reports, per search, what the engine decided and which field conditions an event missed. */
class MatchExplainerTest {

    private static final String RULE = """
            title: t
            name: t
            logsource: {product: aws, service: cloudtrail}
            detection:
              selection:
                eventSource: cloudtrail.amazonaws.com
                eventName|startswith: [Stop, Delete]
              filter:
                - userIdentity.type: AWSService
                - userIdentity.invokedBy: cloudformation.amazonaws.com
                  sourceIPAddress: cloudformation.amazonaws.com
              words: [evil]
              condition: selection and not filter or words
            """;

    private static MatchExplainer explainer() {
        SigmaParseResult r = SigmaRuleParser.parse("t.yml", RULE);
        assertThat(r.problems()).isEmpty();
        return MatchExplainer.of((SigmaRule) r.documents().getFirst());
    }

    private static MapEvent event(Map<String, Object> fields) {
        return new MapEvent(fields);
    }

    @Test
    void aMatchReportsEverySearchInTheRulesOrder() {
        MatchExplainer.Explanation e = explainer().explain(event(Map.of(
                "eventSource", "cloudtrail.amazonaws.com", "eventName", "StopLogging")));
        assertThat(e.inScope()).isTrue();
        assertThat(e.matched()).isTrue();
        assertThat(e.searches()).extracting(MatchExplainer.SearchOutcome::identifier)
                .containsExactly("selection", "filter", "words");
        assertThat(e.searches()).extracting(MatchExplainer.SearchOutcome::matched).containsExactly(true, false, false);
        assertThat(e.searches().getFirst().unmet()).isEmpty();
    }

    @Test
    void aMissNamesTheFieldConditionsThatFailed() {
        MatchExplainer.Explanation e = explainer().explain(event(Map.of(
                "eventSource", "cloudtrail.amazonaws.com", "eventName", "StartLogging")));
        assertThat(e.matched()).isFalse();
        MatchExplainer.SearchOutcome selection = e.searches().getFirst();
        assertThat(selection.matched()).isFalse();
        assertThat(selection.unmet()).extracting(FieldCondition::field).containsExactly("eventName");
        assertThat(selection.unmet().getFirst().modifiers()).containsExactly("startswith");
    }

    @Test
    void aListOfMapsReportsTheAlternativeThatCameClosest() {
        MatchExplainer.Explanation e = explainer().explain(event(Map.of(
                "eventSource", "cloudtrail.amazonaws.com", "eventName", "StopLogging",
                "userIdentity.invokedBy", "cloudformation.amazonaws.com", "sourceIPAddress", "192.0.2.1")));
        MatchExplainer.SearchOutcome filter = e.searches().get(1);
        assertThat(filter.matched()).isFalse();
        assertThat(filter.unmet()).extracting(FieldCondition::field).containsExactly("sourceIPAddress");
        assertThat(e.matched()).isTrue();
    }

    @Test
    void keywordSearchesAreReportedAsOneCondition() {
        MatchExplainer.Explanation e = explainer().explain(event(Map.of("eventName", "x")));
        MatchExplainer.SearchOutcome words = e.searches().get(2);
        assertThat(words.matched()).isFalse();
        assertThat(words.unmet()).hasSize(1);
        assertThat(words.unmet().getFirst().isKeyword()).isTrue();
    }

    @Test
    void anEventOutsideTheLogSourceNeverMatches() {
        MatchExplainer.Explanation e = explainer().explain(event(Map.of(
                "eventSource", "cloudtrail.amazonaws.com", "eventName", "StopLogging")).withLogSource("aws:vpcflow"));
        assertThat(e.inScope()).isFalse();
        assertThat(e.matched()).isFalse();
        assertThat(e.searches().getFirst().matched()).isTrue();
    }
}
