package dev.vigil.engine.sigma;

import dev.vigil.model.Problem;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every attribute of the specification is kept, custom ones too, and descriptive problems only warn. */
class SigmaMetadataTest {

    private static final String FULL = """
            title: Full
            id: 5d2ad1a7-6a7e-4c4b-9d6c-2f0a8c1e2b3a
            name: full
            related:
              - id: 08fbc97d-0a2f-491c-ae21-8ffcfd3174e9
                type: derived
              - id: 929a690e-bef0-4204-a928-ef5e620d6fcc
                type: obsolete
            taxonomy: sigma
            status: experimental
            description: Everything.
            license: DRL-1.1
            author: Ana, Bo
            references: [https://example.com/a, https://example.com/b]
            date: 2024-08-08
            modified: 2025-01-31
            logsource: {product: aws, service: cloudtrail, definition: management events}
            detection:
              selection: {eventName: StopLogging}
              condition: selection
            fields: [userIdentity.arn, sourceIPAddress]
            falsepositives: [Planned work]
            level: low
            tags: [attack.t1562.008, cve.2021-44228]
            scope: [server]
            x-owner: {team: secops, tickets: [SEC-1, SEC-2]}
            reviewed: true
            note: null
            """;

    private static SigmaParseResult parse(String text) {
        return SigmaRuleParser.parse("m.yml", text);
    }

    @Test
    void everyAttributeIsKept() {
        SigmaParseResult r = parse(FULL);
        assertThat(r.problems()).isEmpty();
        assertThat(r.warnings()).isEmpty();
        SigmaRule rule = (SigmaRule) r.documents().getFirst();
        SigmaMetadata m = rule.metadata();
        assertThat(m.status()).isEqualTo(RuleStatus.EXPERIMENTAL);
        assertThat(m.license()).isEqualTo("DRL-1.1");
        assertThat(m.author()).isEqualTo("Ana, Bo");
        assertThat(m.references()).containsExactly("https://example.com/a", "https://example.com/b");
        assertThat(m.date()).isEqualTo(LocalDate.of(2024, 8, 8));
        assertThat(m.modified()).isEqualTo(LocalDate.of(2025, 1, 31));
        assertThat(m.fields()).containsExactly("userIdentity.arn", "sourceIPAddress");
        assertThat(m.related()).containsExactly(
                new RelatedRule("08fbc97d-0a2f-491c-ae21-8ffcfd3174e9", RelatedRule.Type.DERIVED),
                new RelatedRule("929a690e-bef0-4204-a928-ef5e620d6fcc", RelatedRule.Type.OBSOLETE));
        assertThat(m.scope()).containsExactly("server");
        assertThat(m.taxonomy()).isEqualTo("sigma");
        assertThat(rule.logSource().definition()).isEqualTo("management events");
        assertThat(rule.description()).isEqualTo("Everything.");
        assertThat(rule.falsePositives()).containsExactly("Planned work");
        assertThat(rule.tags()).containsExactly("attack.t1562.008", "cve.2021-44228");
    }

    @Test
    void customAttributesArePreservedInFileOrder() {
        Map<String, Object> custom = ((SigmaRule) parse(FULL).documents().getFirst()).metadata().custom();
        assertThat(custom).containsOnlyKeys("x-owner", "reviewed", "note");
        assertThat(custom.keySet()).containsExactly("x-owner", "reviewed", "note");
        assertThat(custom.get("x-owner")).isEqualTo(Map.of("team", "secops", "tickets", List.of("SEC-1", "SEC-2")));
        assertThat(custom.get("reviewed")).isEqualTo("true");
        assertThat(custom).containsEntry("note", null);
    }

    @Test
    void absentAttributesHaveEmptyDefaults() {
        SigmaRule rule = (SigmaRule) parse("""
                title: Bare
                name: bare
                logsource: {product: aws}
                detection: {s: {a: 1}, condition: s}
                """).documents().getFirst();
        assertThat(rule.metadata()).isEqualTo(SigmaMetadata.NONE);
        assertThat(rule.metadata().taxonomy()).isEqualTo("sigma");
    }

    @Test
    void correlationsKeepTheirAttributesToo() {
        SigmaParseResult r = parse(FULL + """
                ---
                title: Many
                name: many
                status: test
                author: Cy
                date: 2024-01-02
                references: [https://example.com/c]
                ticket: SEC-3
                correlation: {type: event_count, rules: [full], group-by: [a], timespan: 5m, condition: {gte: 2}}
                """);
        assertThat(r.problems()).isEmpty();
        SigmaCorrelation c = (SigmaCorrelation) r.documents().get(1);
        assertThat(c.metadata().status()).isEqualTo(RuleStatus.TEST);
        assertThat(c.metadata().author()).isEqualTo("Cy");
        assertThat(c.metadata().date()).isEqualTo(LocalDate.of(2024, 1, 2));
        assertThat(c.metadata().references()).containsExactly("https://example.com/c");
        assertThat(c.metadata().custom()).containsExactly(Map.entry("ticket", "SEC-3"));
    }

    @Test
    void descriptiveProblemsWarnAndTheRuleLoads() {
        String text = FULL
                .replace("status: experimental", "status: production")
                .replace("date: 2024-08-08", "date: 2024-02-30")
                .replace("modified: 2025-01-31", "modified: last week")
                .replace("type: obsolete", "type: replaces")
                .replace("cve.2021-44228", "Attack.T1562")
                .replace("author: Ana, Bo", "author: [Ana, Bo]");
        SigmaParseResult r = parse(text);
        assertThat(r.problems()).isEmpty();
        assertThat(r.documents()).hasSize(1);
        assertThat(r.warnings()).extracting(Problem::reason).containsOnly("attribute-invalid");
        assertThat(r.warnings()).extracting(Problem::message).satisfiesExactlyInAnyOrder(
                m -> assertThat(m).contains("rule 'full'").contains("status 'production'").contains("stable, test"),
                m -> assertThat(m).contains("'2024-02-30', which is not a calendar date"),
                m -> assertThat(m).contains("'modified' is 'last week'").contains("YYYY-MM-DD"),
                m -> assertThat(m).contains("related type 'replaces'").contains("derived, obsolete"),
                m -> assertThat(m).contains("tag 'Attack.T1562'"),
                m -> assertThat(m).contains("'author' must be text"));
        assertThat(r.warnings()).extracting(Problem::location).contains("m.yml:10", "m.yml:15", "m.yml:7");
        SigmaMetadata m = ((SigmaRule) r.documents().getFirst()).metadata();
        assertThat(m.status()).isNull();
        assertThat(m.date()).isNull();
        assertThat(m.modified()).isNull();
        assertThat(m.author()).isNull();
        assertThat(m.related()).extracting(RelatedRule::type).containsExactly(RelatedRule.Type.DERIVED);
    }

    @Test
    void sigmaOneDatesAreReadWithAWarning() {
        SigmaParseResult r = parse(FULL.replace("date: 2024-08-08", "date: 2019/10/23"));
        assertThat(((SigmaRule) r.documents().getFirst()).metadata().date()).isEqualTo(LocalDate.of(2019, 10, 23));
        assertThat(r.warnings()).singleElement().satisfies(w -> assertThat(w.message())
                .contains("Sigma 1's YYYY/MM/DD form").contains("2019-10-23"));
    }

    @Test
    void malformedRelatedListsAndOverlongTextsWarn() {
        assertThat(warning(FULL.replaceAll("(?s)related:.*?taxonomy", "related: derived\ntaxonomy")))
                .contains("'related' must be a list");
        assertThat(warning(FULL.replace("    type: derived\n", ""))).contains("needs both 'id' and 'type'");
        assertThat(warning(FULL.replace("title: Full", "title: " + "x".repeat(300))))
                .contains("300 characters long, over Sigma's limit of 256");
    }

    @Test
    void levelsSpelledOtherwiseAreReadWithAWarningAndUnknownLevelsAreErrors() {
        SigmaParseResult r = parse(FULL.replace("level: low", "level: High"));
        assertThat(((SigmaRule) r.documents().getFirst()).level()).isEqualTo(dev.vigil.model.Severity.HIGH);
        assertThat(r.warnings()).singleElement().satisfies(w -> assertThat(w.message())
                .contains("level 'High' is read as high"));
        assertThat(warning(FULL.replace("level: low", "level: info"))).contains("Sigma spells it 'informational'");
        SigmaParseResult bad = parse(FULL.replace("level: low", "level: severe"));
        assertThat(bad.documents()).isEmpty();
        assertThat(bad.problems().getFirst().message()).contains("unknown severity 'severe'");
    }

    private static String warning(String text) {
        SigmaParseResult r = parse(text);
        assertThat(r.problems()).isEmpty();
        assertThat(r.documents()).hasSize(1);
        assertThat(r.warnings()).hasSize(1);
        return r.warnings().getFirst().message();
    }

    @Test
    void theEarlierConstructorStillBuildsARule() {
        SigmaRule parsed = (SigmaRule) parse(FULL).documents().getFirst();
        SigmaRule built = new SigmaRule(parsed.source(), parsed.id(), parsed.name(), parsed.title(),
                parsed.description(), "stable", "Ana", List.of("https://example.com"), parsed.falsePositives(),
                parsed.tags(), parsed.level(), parsed.logSource(), parsed.detection(), parsed.vigil());
        assertThat(built.metadata().status()).isEqualTo(RuleStatus.STABLE);
        assertThat(built.metadata().author()).isEqualTo("Ana");
        assertThat(built.metadata().references()).containsExactly("https://example.com");
    }
}
