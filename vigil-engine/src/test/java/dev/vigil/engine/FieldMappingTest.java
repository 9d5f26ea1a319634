package dev.vigil.engine;

import dev.vigil.engine.sigma.FieldMapping;
import dev.vigil.engine.sigma.LogSource;
import dev.vigil.engine.sigma.SearchIdentifier;
import dev.vigil.engine.sigma.SigmaCorrelation;
import dev.vigil.engine.sigma.SigmaRule;
import dev.vigil.engine.testing.Detections;
import dev.vigil.engine.testing.MapEvent;
import dev.vigil.model.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A field-mapping file renames the fields of rules written for other names before they are compiled. */
class FieldMappingTest {

    private static final String MAPPING = """
            title: Names from another tool
            mappings:
              - logsource: {product: aws, service: vpcflowlogs}
                fieldmappings:
                  src_ip: srcaddr
                  dst_port: dstport
            fieldmappings:
              EventName: eventName
              src_ip: sourceIPAddress
              user: [userIdentity.userName, userIdentity.principalId]
            """;

    private static final FieldMapping MAP = mapping(MAPPING);

    private static FieldMapping mapping(String text) {
        FieldMapping.Parsed parsed = FieldMapping.parse("map.yml", text);
        assertThat(parsed.problems()).isEmpty();
        return parsed.mapping().orElseThrow();
    }

    private static RuleLoadOptions options() {
        return RuleLoadOptions.DEFAULT.withFieldMapping(MAP);
    }

    private static DetectionSet compile(String rules) {
        DetectionSet set = DetectionSet.of(RuleLoader.loadText("r.yml", rules, options()));
        assertThat(set.problems()).isEmpty();
        return set;
    }

    private static int ids;

    private static MapEvent event(String source, Object... pairs) {
        Map<String, Object> fields = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put((String) pairs[i], pairs[i + 1]);
        }
        return new MapEvent(fields, "{}", "e" + ids++, 1_000L * ids).withLogSource(source);
    }

    private static boolean fires(DetectionSet set, MapEvent e) {
        return !Detections.hits(set, List.of(e)).isEmpty();
    }

    @Test
    void theFileIsReadIntoOrderedBlocks() {
        assertThat(MAP.blocks()).hasSize(2);
        assertThat(MAP.blocks().get(0).scope()).isEqualTo(new LogSource("aws", "vpcflowlogs", null));
        assertThat(MAP.blocks().get(1).scope()).isEqualTo(LogSource.ANY);
        LogSource flow = new LogSource("aws", "vpcflowlogs", null);
        LogSource trail = new LogSource("aws", "cloudtrail", null);
        assertThat(MAP.targets("src_ip", flow)).containsExactly("srcaddr");
        assertThat(MAP.targets("src_ip", trail)).containsExactly("sourceIPAddress");
        assertThat(MAP.targets("user", trail)).containsExactly("userIdentity.userName", "userIdentity.principalId");
        assertThat(MAP.targets("eventSource", trail)).as("unmapped fields keep their name").containsExactly("eventSource");
        assertThat(MAP.targets("dst_port", trail)).as("scoped to flow logs").containsExactly("dst_port");
    }

    @Test
    void aRenamedFieldMatchesTheEventsField() {
        DetectionSet set = compile("""
                title: Stop
                name: stop
                logsource: {product: aws, service: cloudtrail}
                detection: {s: {EventName: StopLogging}, condition: s}
                """);
        assertThat(fires(set, event("aws:cloudtrail", "eventName", "StopLogging"))).isTrue();
        assertThat(fires(set, event("aws:cloudtrail", "EventName", "StopLogging"))).isFalse();
    }

    @Test
    void aFieldMappedToSeveralMatchesWhenAnyOfThemDoes() {
        DetectionSet set = compile("""
                title: Alice
                name: alice
                logsource: {product: aws, service: cloudtrail}
                detection:
                  s: {user: alice, EventName: CreateUser}
                  quiet: {user|startswith: svc-}
                  condition: s and not quiet
                """);
        assertThat(fires(set, event("aws:cloudtrail", "eventName", "CreateUser", "userIdentity.userName", "alice")))
                .isTrue();
        assertThat(fires(set, event("aws:cloudtrail", "eventName", "CreateUser", "userIdentity.principalId", "alice")))
                .isTrue();
        assertThat(fires(set, event("aws:cloudtrail", "eventName", "CreateUser", "userIdentity.userName", "bob")))
                .isFalse();
        assertThat(fires(set, event("aws:cloudtrail", "eventName", "CreateUser", "userIdentity.userName", "alice",
                "userIdentity.principalId", "svc-x"))).as("not (any alternative matches)").isFalse();
        SigmaRule rule = (SigmaRule) RuleLoader.loadText("r.yml", """
                title: Alice
                name: alice
                logsource: {product: aws, service: cloudtrail}
                detection: {s: {user: alice, EventName: CreateUser}, condition: s}
                """, options()).documents().getFirst();
        assertThat(rule.detection().searches().get("s")).isInstanceOfSatisfying(SearchIdentifier.MapList.class,
                l -> assertThat(l.alternatives()).hasSize(2));
    }

    @Test
    void scopedBlocksApplyOnlyToRulesOfTheirLogSourceAndComeFirst() {
        DetectionSet set = compile("""
                title: Flow from x
                name: flow
                logsource: {product: aws, service: vpcflowlogs}
                detection: {s: {src_ip: 203.0.113.9, dst_port: 22}, condition: s}
                ---
                title: Call from x
                name: call
                logsource: {product: aws, service: cloudtrail}
                detection: {s: {src_ip: 203.0.113.9}, condition: s}
                """);
        assertThat(Detections.hits(set, List.of(event("aws:vpcflowlogs", "srcaddr", "203.0.113.9", "dstport", 22L))))
                .extracting(RuleHit::ruleId).containsExactly("flow");
        assertThat(Detections.hits(set, List.of(event("aws:cloudtrail", "sourceIPAddress", "203.0.113.9"))))
                .extracting(RuleHit::ruleId).containsExactly("call");
    }

    @Test
    void otherRuleFieldsAreMappedToo() {
        RuleLoadResult r = RuleLoader.loadText("r.yml", """
                title: Keys
                name: keys
                logsource: {product: aws, service: cloudtrail}
                detection: {s: {EventName: x}, words: [evil], condition: s or words}
                fields: [user, src_ip]
                vigil: {keys: [src_ip], resource: [user]}
                """, options());
        assertThat(r.problems()).isEmpty();
        SigmaRule rule = (SigmaRule) r.documents().getFirst();
        assertThat(rule.metadata().fields())
                .containsExactly("userIdentity.userName", "userIdentity.principalId", "sourceIPAddress");
        assertThat(rule.vigil().keys()).containsExactly("sourceIPAddress");
        assertThat(rule.vigil().resource()).containsExactly("userIdentity.userName", "userIdentity.principalId");
        assertThat(rule.detection().searches().get("words")).as("keywords have no field")
                .isInstanceOf(SearchIdentifier.Keywords.class);
    }

    @Test
    void aKeyFieldMappedToSeveralLeavesTheRuleOut() {
        RuleLoadResult r = RuleLoader.loadText("r.yml", """
                title: Keys
                name: keys
                logsource: {product: aws, service: cloudtrail}
                detection: {s: {EventName: x}, condition: s}
                vigil: {keys: [user]}
                """, options());
        assertThat(r.documents()).isEmpty();
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.reason()).isEqualTo("mapping-invalid");
            assertThat(p.location()).isEqualTo("r.yml:1");
            assertThat(p.message()).contains("rule 'keys' is not loaded").contains("vigil.keys field 'user' maps to 2");
        });
    }

    @Test
    void correlationsGroupByMappedFields() {
        DetectionSet set = compile("""
                title: Port scan
                name: scan
                logsource: {product: aws, service: vpcflowlogs}
                detection:
                  rejected: {action: REJECT}
                  timeframe: 1m
                  condition: rejected | count(dst_port) by src_ip > 2
                """);
        SigmaCorrelation c = (SigmaCorrelation) RuleLoader.loadText("r.yml", """
                title: Port scan
                name: scan
                logsource: {product: aws, service: vpcflowlogs}
                detection:
                  rejected: {action: REJECT}
                  timeframe: 1m
                  condition: rejected | count(dst_port) by src_ip > 2
                """, options()).documents().get(1);
        assertThat(c.groupBy()).containsExactly("srcaddr");
        assertThat(c.valueField()).isEqualTo("dstport");
        List<MapEvent> scan = List.of(
                event("aws:vpcflowlogs", "action", "REJECT", "srcaddr", "198.51.100.7", "dstport", 22L),
                event("aws:vpcflowlogs", "action", "REJECT", "srcaddr", "198.51.100.7", "dstport", 23L),
                event("aws:vpcflowlogs", "action", "REJECT", "srcaddr", "198.51.100.7", "dstport", 3389L),
                event("aws:vpcflowlogs", "action", "REJECT", "srcaddr", "198.51.100.8", "dstport", 80L));
        assertThat(Detections.findings(set, scan)).singleElement().satisfies(f -> {
            assertThat(f.rule().id()).isEqualTo("scan");
            assertThat(f.keys()).containsExactly(Map.entry("srcaddr", "198.51.100.7"));
        });
    }

    @Test
    void aCorrelationThatCannotBeMappedLeavesOutTheRulesItCounts() {
        RuleLoadResult r = RuleLoader.loadText("r.yml", """
                title: Fail
                name: fail
                logsource: {product: aws, service: cloudtrail}
                detection: {s: {EventName: ConsoleLogin}, condition: s}
                ---
                title: Many fails
                name: many-fails
                correlation: {type: event_count, rules: [fail], group-by: [user], timespan: 5m, condition: {gte: 5}}
                ---
                title: Other
                name: other
                logsource: {product: aws}
                detection: {s: {EventName: x}, condition: s}
                """, options());
        assertThat(r.documents()).extracting(d -> d.ruleId()).containsExactly("other");
        assertThat(r.problems()).extracting(Problem::message).satisfiesExactly(
                m -> assertThat(m).contains("rule 'many-fails' is not loaded: group-by field 'user' maps to 2"),
                m -> assertThat(m).contains("rule 'fail' is not loaded: the correlation 'many-fails' that counts it"));
    }

    @Test
    void aCorrelationInAnotherFileOfTheDirectoryUsesTheScopeOfTheRulesItCounts(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a-correlation.yml"), """
                title: Many rejects
                name: many-rejects
                correlation: {type: event_count, rules: [reject], group-by: [src_ip], timespan: 5m, condition: {gte: 2}}
                """);
        Files.writeString(dir.resolve("b-rule.yml"), """
                title: Reject
                name: reject
                logsource: {product: aws, service: vpcflowlogs}
                detection: {s: {action: REJECT}, condition: s}
                """);
        RuleLoadResult r = RuleLoader.loadDirectory(dir, options());
        assertThat(r.problems()).isEmpty();
        assertThat(((SigmaCorrelation) r.documents().getFirst()).groupBy()).containsExactly("srcaddr");
        SigmaCorrelation alone = (SigmaCorrelation) RuleLoader.loadFile(dir.resolve("a-correlation.yml"), options())
                .documents().getFirst();
        assertThat(alone.groupBy()).as("without its rules only unscoped blocks apply").containsExactly("sourceIPAddress");
    }

    @Test
    void filtersAreMapped() {
        DetectionSet set = compile("""
                title: Login
                name: login
                logsource: {product: aws, service: cloudtrail}
                detection: {s: {EventName: ConsoleLogin}, condition: s}
                ---
                title: Break-glass user
                logsource: {product: aws, service: cloudtrail}
                filter: {rules: [login], glass: {user: breakglass}, condition: glass}
                """);
        assertThat(fires(set, event("aws:cloudtrail", "eventName", "ConsoleLogin", "userIdentity.principalId",
                "breakglass"))).isFalse();
        assertThat(fires(set, event("aws:cloudtrail", "eventName", "ConsoleLogin", "userIdentity.userName", "ana")))
                .isTrue();
    }

    @Test
    void aMappingThatWouldBlowASearchUpIsRefused() {
        StringBuilder text = new StringBuilder("fieldmappings:\n");
        StringBuilder search = new StringBuilder();
        for (int i = 0; i < 7; i++) {
            text.append("  f").append(i).append(": [a").append(i).append(", b").append(i).append("]\n");
            search.append("f").append(i).append(": x, ");
        }
        RuleLoadResult r = RuleLoader.loadText("r.yml", """
                title: Wide
                name: wide
                logsource: {product: aws}
                detection: {s: {%s}, condition: s}
                """.formatted(search), RuleLoadOptions.DEFAULT.withFieldMapping(mapping(text.toString())));
        assertThat(r.documents()).isEmpty();
        assertThat(r.problems().getFirst().message()).contains("search 's' into more than 64 alternative maps");
    }

    @Test
    void brokenMappingFilesAreRefusedWhole() {
        assertThat(problems("fieldmappings: {a: b}\nextra: 1\n")).contains("unknown key 'extra'");
        assertThat(problems("title: nothing\n")).contains("maps no field");
        assertThat(problems("fieldmappings: [a, b]\n")).contains("'fieldmappings' must map");
        assertThat(problems("fieldmappings: {a: {b: c}}\n")).contains("'a' must map to a field name");
        assertThat(problems("fieldmappings: {a..b: c}\n")).contains("field path 'a..b'");
        assertThat(problems("fieldmappings: {a: b.}\n")).contains("field path 'b.'");
        assertThat(problems("fieldmappings: {a: []}\n")).contains("non-empty list");
        assertThat(problems("fieldmappings: {a: [" + "x,".repeat(17) + "y]}\n")).contains("at most 16");
        assertThat(problems("mappings: {a: b}\n")).contains("'mappings' must be a list");
        assertThat(problems("mappings: [{logsource: {product: aws}}]\n")).contains("needs 'fieldmappings'");
        assertThat(problems("mappings: [{logsource: {vendor: x}, fieldmappings: {a: b}}]\n"))
                .contains("unknown logsource attribute 'vendor'");
        assertThat(problems("mappings: [{scope: x, fieldmappings: {a: b}}]\n")).contains("unknown key 'scope'");
        assertThat(problems("fieldmappings: {a: b}\n---\nfieldmappings: {c: d}\n")).contains("one YAML mapping");
        assertThat(problems("fieldmappings: {a: [b\n")).isNotBlank();
        FieldMapping.Parsed p = FieldMapping.parse("m.yml", "fieldmappings: {a: b}\nextra: 1\n");
        assertThat(p.problems().getFirst().location()).isEqualTo("m.yml:2");
        assertThat(FieldMapping.parse("m.yml", "fieldmappings: {a: b.}\n").problems())
                .extracting(Problem::reason).containsExactly("mapping-invalid");
    }

    private static String problems(String text) {
        FieldMapping.Parsed p = FieldMapping.parse("m.yml", text);
        assertThat(p.mapping()).as(text).isEmpty();
        assertThat(p.problems()).as(text).isNotEmpty();
        return String.join("\n", p.problems().stream().map(Problem::message).toList());
    }

    @Test
    void mappingFilesAreReadWithTheRuleFileLimits(@TempDir Path dir) throws IOException {
        Path good = dir.resolve("map.yml");
        Files.writeString(good, MAPPING);
        assertThat(RuleLoader.loadFieldMapping(good).mapping()).isPresent();
        Path big = dir.resolve("big.yml");
        Files.writeString(big, "# " + "x".repeat((int) RuleLoader.MAX_FILE_BYTES) + "\n");
        assertThat(RuleLoader.loadFieldMapping(big).problems()).singleElement()
                .satisfies(p -> assertThat(p.reason()).isEqualTo("file-too-large"));
        Path latin = dir.resolve("latin.yml");
        Files.write(latin, new byte[] {'a', ':', ' ', (byte) 0xE9});
        assertThat(RuleLoader.loadFieldMapping(latin).problems().getFirst().message()).contains("UTF-8");
        assertThat(RuleLoader.loadFieldMapping(dir.resolve("missing.yml")).problems().getFirst().reason())
                .isEqualTo("file-unreadable");
    }

    @Test
    void withoutAMappingRulesLoadAsWritten() {
        String rule = """
                title: Stop
                name: stop
                logsource: {product: aws}
                detection: {s: {EventName: StopLogging}, condition: s}
                """;
        assertThat(RuleLoader.loadText("r.yml", rule, RuleLoadOptions.DEFAULT))
                .isEqualTo(RuleLoader.loadText("r.yml", rule));
        assertThat(FieldMapping.NONE.isEmpty()).isTrue();
    }
}
