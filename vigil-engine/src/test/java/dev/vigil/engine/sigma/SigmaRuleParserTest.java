package dev.vigil.engine.sigma;

import dev.vigil.model.Problem;
import dev.vigil.model.Severity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SigmaRuleParserTest {

    private static final String GOOD = """
            title: Good
            id: 0d2ad1a7-6a7e-4c4b-9d6c-2f0a8c1e2b3a
            name: good
            level: high
            tags: [attack.t1562.008]
            logsource: {product: aws, service: cloudtrail}
            detection:
              selection:
                eventName: StopLogging
              condition: selection
            """;

    private static SigmaParseResult parse(String text) {
        return SigmaRuleParser.parse("rules/test.yml", text);
    }

    @Test
    void parsesARule() {
        SigmaParseResult r = parse(GOOD);
        assertThat(r.problems()).isEmpty();
        SigmaRule rule = (SigmaRule) r.documents().getFirst();
        assertThat(rule.ruleId()).isEqualTo("good");
        assertThat(rule.level()).isEqualTo(Severity.HIGH);
        assertThat(rule.source().location()).isEqualTo("rules/test.yml:1");
        assertThat(rule.detection().condition()).isEqualTo(new Condition.Ref("selection"));
    }

    @Test
    void collectsEveryProblemWithItsLine() {
        String text = """
                title: Broken
                name: broken
                logsource: {product: aws}
                detection:
                  selection:
                    eventName|contanis: x
                    other|re: '(?<=a)b'
                  condition: selection
                """;
        List<Problem> problems = parse(text).problems();
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0).location()).isEqualTo("rules/test.yml:6");
        assertThat(problems.get(0).message()).contains("rule 'broken'").contains("unknown modifier 'contanis'")
                .contains("supported: ");
        assertThat(problems.get(1).location()).isEqualTo("rules/test.yml:7");
        assertThat(problems.get(1).message()).contains("not valid for RE2");
    }

    @Test
    void aBrokenRuleIsSkippedAndTheOthersLoad() {
        String text = GOOD + "---\n" + GOOD.replace("name: good", "name: bad").replace("condition: selection",
                "condition: selection and missing").replace("0d2ad1a7", "1d2ad1a7");
        SigmaParseResult r = parse(text);
        assertThat(r.documents()).extracting(SigmaDocument::ruleId).containsExactly("good");
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("rules/test.yml:21");
            assertThat(p.reason()).isEqualTo("condition-invalid");
            assertThat(p.message()).contains("'missing' is not a search identifier");
        });
    }

    @Test
    void everyModifierOfTheSpecificationIsKnown() {
        assertThat(Modifiers.names()).containsAll(List.of("contains", "startswith", "endswith", "all", "exists",
                "cased", "neq", "re", "i", "m", "s", "cidr", "lt", "lte", "gt", "gte", "base64", "base64offset",
                "utf16le", "utf16be", "utf16", "wide", "windash", "expand", "fieldref", "minute", "hour", "day",
                "week", "month", "year"));
        assertThat(message("f|nosuch: x")).contains("unknown modifier 'nosuch'").contains("supported: ")
                .contains("windash");
        assertThat(message("f|Contains: x")).contains("modifier names are lower case: write 'contains'");
    }

    @Test
    void modifierTypeErrors() {
        assertThat(message("f|exists: yes")).contains("'exists' takes true or false");
        assertThat(message("f|gt: abc")).contains("'gt' compares numbers");
        assertThat(message("f|cidr: 10.0.0.0/33")).contains("is not a network");
        assertThat(message("f|i: x")).contains("only follows 're'");
        assertThat(message("f|all: x")).contains("'all' needs a list of at least two values");
        assertThat(message("f|contains|re: x")).contains("must come first");
        assertThat(message("f|cased: null")).contains("applies to strings");
        assertThat(message("f: {a: 1}")).contains("must have a value or a non-empty list");
    }

    private static String message(String entry) {
        List<Problem> problems = parse(GOOD.replace("eventName: StopLogging", entry)).problems();
        assertThat(problems).as(entry).hasSize(1);
        return problems.getFirst().message();
    }

    @Test
    void yamlErrorsRejectTheFileWithALine() {
        Problem p = parse("title: x\ndetection: [unclosed\n").problems().getFirst();
        assertThat(p.reason()).isEqualTo("yaml-invalid");
        assertThat(p.location()).startsWith("rules/test.yml:");
        assertThat(p.location()).isNotEqualTo("rules/test.yml:0");
    }

    @Test
    void anchorsAndAliasesAreRefused() {
        String bomb = """
                a: &a ["x","x","x","x","x","x","x","x","x"]
                b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
                c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
                """;
        Problem p = parse(bomb).problems().getFirst();
        assertThat(p.reason()).isEqualTo("yaml-invalid");
        assertThat(p.message()).contains("anchors and aliases");
        assertThat(p.location()).isEqualTo("rules/test.yml:1");
    }

    @Test
    void duplicateKeysAreRefused() {
        assertThat(parse(GOOD + "level: low\n").problems().getFirst().message()).contains("duplicate key 'level'");
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "a: " + "[".repeat(200) + "]".repeat(200) + "\n";
        assertThat(parse(deep).problems().getFirst().reason()).isEqualTo("yaml-invalid");
    }

    @Test
    void yamlOneOneBooleansStayText() {
        SigmaRule rule = (SigmaRule) parse(GOOD.replace("eventName: StopLogging", "MFAUsed: Yes")).documents().getFirst();
        SearchIdentifier.FieldMap m = (SearchIdentifier.FieldMap) rule.detection().searches().get("selection");
        assertThat(m.conditions().getFirst().values()).containsExactly(SigmaString.parse("Yes"));
    }

    @Test
    void numbersKeepTheirText() {
        SigmaRule rule = (SigmaRule) parse(GOOD.replace("eventName: StopLogging", "v: 1.10")).documents().getFirst();
        SearchIdentifier.FieldMap m = (SearchIdentifier.FieldMap) rule.detection().searches().get("selection");
        assertThat(((SigmaNumber) m.conditions().getFirst().values().getFirst()).text()).isEqualTo("1.10");
    }

    @Test
    void searchShapes() {
        String text = """
                title: Shapes
                name: shapes
                logsource: {product: aws}
                detection:
                  map: {a: 1}
                  maps:
                    - b: 2
                    - c: 3
                  words:
                    - evil
                    - bad
                  all_words:
                    '|all':
                      - one
                      - two
                  condition: 1 of them
                """;
        SigmaParseResult r = parse(text);
        assertThat(r.problems()).isEmpty();
        var searches = ((SigmaRule) r.documents().getFirst()).detection().searches();
        assertThat(searches.get("map")).isInstanceOf(SearchIdentifier.FieldMap.class);
        assertThat(searches.get("maps")).isInstanceOf(SearchIdentifier.MapList.class);
        assertThat(searches.get("words")).isInstanceOf(SearchIdentifier.Keywords.class);
        FieldCondition allWords = ((SearchIdentifier.FieldMap) searches.get("all_words")).conditions().getFirst();
        assertThat(allWords.isKeyword()).isTrue();
        assertThat(allWords.all()).isTrue();
    }

    @Test
    void parsesACorrelationAndItsRuleFromOneFile() {
        String text = GOOD + """
                ---
                title: Many
                name: many
                correlation:
                  type: value_count
                  rules: [good]
                  group-by: [userIdentity.arn]
                  timespan: 90m
                  condition: {field: eventName, gt: 2, lte: 10}
                generate: true
                level: critical
                """;
        SigmaParseResult r = parse(text);
        assertThat(r.problems()).isEmpty();
        SigmaCorrelation c = (SigmaCorrelation) r.documents().get(1);
        assertThat(c.type()).isEqualTo(CorrelationType.VALUE_COUNT);
        assertThat(c.timespan()).isEqualTo(Duration.ofMinutes(90));
        assertThat(c.valueField()).isEqualTo("eventName");
        assertThat(c.condition().test(2)).isFalse();
        assertThat(c.condition().test(3)).isTrue();
        assertThat(c.condition().test(10)).isTrue();
        assertThat(c.condition().test(11)).isFalse();
        assertThat(c.generate()).isTrue();
        assertThat(c.level()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void correlationErrors() {
        assertThat(correlationProblem("type: temporal")).contains("temporal relates several rules");
        assertThat(correlationProblem("type: sequence")).contains("unknown correlation type 'sequence'");
        assertThat(correlationProblem("type: value_sum")).contains("value_sum needs 'field'");
        assertThat(correlationProblem("condition: {field: x, percentile: 101, gte: 3}")).contains("above 0 and at most 100");
        assertThat(correlationProblem("condition: {gte: 2.5}")).contains("whole number");
        assertThat(correlationProblem("timespan: 5w")).contains("at most 30d");
        assertThat(correlationProblem("timespan: 5 minutes")).contains("timespan '5 minutes'");
        assertThat(correlationProblem("timespan: 31d")).contains("at most 30d");
        assertThat(correlationProblem("condition: {field: x, gte: 3}")).contains("event_count takes no 'field'");
        assertThat(correlationProblem("condition: {gte: -1}")).contains("whole number");
        assertThat(correlationProblem("condition: {above: 3}")).contains("unknown condition 'above'");
        assertThat(correlationProblem("type: value_count")).contains("value_count needs 'field'");
    }

    @Test
    void aFileWithACorrelationIsSkippedWholeWhenAnyDocumentFails() {
        String text = GOOD + """
                ---
                title: Many
                name: many
                correlation:
                  type: event_count
                  rules: [good]
                  timespan: 5x
                  condition: {gte: 3}
                """;
        SigmaParseResult r = parse(text);
        assertThat(r.documents()).isEmpty();
        assertThat(r.problems()).extracting(Problem::reason).containsExactly("correlation-invalid", "file-skipped");
    }

    @Test
    void newCorrelationTypesParse() {
        String text = """
                title: Big downloads
                name: big
                correlation:
                  type: value_percentile
                  rules: [good]
                  group-by: [userIdentity.arn]
                  timespan: 2w
                  condition: {field: additionalEventData.bytesTransferredOut, percentile: 95, gte: 1.5e3}
                """;
        SigmaParseResult r = parse(text.replace("1.5e3", "1500.5"));
        assertThat(r.problems()).isEmpty();
        SigmaCorrelation c = (SigmaCorrelation) r.documents().getFirst();
        assertThat(c.type()).isEqualTo(CorrelationType.VALUE_PERCENTILE);
        assertThat(c.percentile()).isEqualByComparingTo("95");
        assertThat(c.timespan()).isEqualTo(Duration.ofDays(14));
        assertThat(c.condition().test(new java.math.BigDecimal("1500.5"))).isTrue();
        assertThat(c.condition().test(new java.math.BigDecimal("1500.4"))).isFalse();
        assertThat(parse(text.replace("value_percentile", "value_sum")).problems().getFirst().message())
                .contains("'percentile' only applies to value_percentile");
        assertThat(parse(text.replace("percentile: 95, ", "")).problems().getFirst().message())
                .contains("value_percentile needs 'percentile'");
    }

    @Test
    void temporalAndAliasesParse() {
        String text = """
                title: Recon then exfil
                name: recon-exfil
                correlation:
                  type: temporal_ordered
                  rules: [recon, exfil]
                  group-by: [who]
                  timespan: 1h
                  aliases:
                    who: {recon: userIdentity.arn, exfil: requestParameters.userName}
                """;
        SigmaParseResult r = parse(text);
        assertThat(r.problems()).isEmpty();
        SigmaCorrelation c = (SigmaCorrelation) r.documents().getFirst();
        assertThat(c.aliases()).containsEntry("who", Map.of("recon", "userIdentity.arn",
                "exfil", "requestParameters.userName"));
        assertThat(c.condition().test(2)).isTrue(); // default: every listed rule
        assertThat(c.condition().test(1)).isFalse();
        assertThat(parse(text + "  condition: {gte: 1}\n").problems().getFirst().message())
                .contains("temporal_ordered takes no condition");
        assertThat(parse(text.replace("exfil: requestParameters", "other: requestParameters")).problems()
                .getFirst().message()).contains("names rule 'other', which this correlation does not list");
        assertThat(parse(text.replace("group-by: [who]", "group-by: [sourceIPAddress]")).problems()
                .getFirst().message()).contains("alias 'who' is not used in group-by");
    }

    private static String correlationProblem(String replacement) {
        String base = """
                title: Many
                name: many
                correlation:
                  type: event_count
                  rules: [good]
                  group-by: [a]
                  timespan: 5m
                  condition: {gte: 3}
                """;
        String key = replacement.substring(0, replacement.indexOf(':'));
        String text = base.lines().map(l -> l.strip().startsWith(key + ":") ? "  " + replacement : l)
                .reduce((a, b) -> a + "\n" + b).orElseThrow() + "\n";
        List<Problem> problems = parse(text).problems();
        assertThat(problems).as(replacement).isNotEmpty();
        return problems.getFirst().message();
    }

    @Test
    void missingPartsAreReported() {
        assertThat(parse("title: x\nname: y\nlogsource: {product: aws}\n").problems().getFirst().message())
                .contains("missing 'detection'");
        assertThat(parse("name: y\nlogsource: {}\ndetection: {s: {a: 1}, condition: s}\n").problems().getFirst().message())
                .contains("missing 'title'");
        assertThat(parse("title: x\nlogsource: {}\ndetection: {s: {a: 1}, condition: s}\n").problems().getFirst().message())
                .contains("missing 'id' and 'name'");
        SigmaParseResult unknownCategory = parse("title: x\nname: y\nlogsource: {category: process_creation}\n"
                + "detection: {s: {a: 1}, condition: s}\n");
        assertThat(unknownCategory.documents()).hasSize(1);
        assertThat(unknownCategory.warnings().getFirst().message()).contains("category: process_creation");
        assertThat(parse("title: x\nname: y\nlogsource: {}\ndetection: {s: {a: 1}}\n").problems().getFirst().message())
                .contains("missing 'condition'");
        assertThat(parse("title: x\nname: y\nlogsource: {}\ndetection: {s: {a: 1}, condition: s}\nvigil: {key: [a]}\n")
                .problems().getFirst().message()).contains("unknown attribute 'vigil.key'");
        assertThat(parse("").problems().getFirst().message()).contains("no rule");
    }
}
