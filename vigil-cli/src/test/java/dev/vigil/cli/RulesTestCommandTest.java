package dev.vigil.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code vigil rules test}: layout, verdicts, explanations, bad input, output formats and exit codes. */
class RulesTestCommandTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static final String STOP_RULE = """
            title: Trail logging stopped
            id: 5b0f5a8e-2d1c-4f7a-9e3b-1c2d3e4f5a6b
            name: t-stop
            logsource: {product: aws, service: cloudtrail}
            detection:
              selection:
                eventSource: cloudtrail.amazonaws.com
                eventName|startswith: Stop
              filter:
                userIdentity.type: AWSService
              condition: selection and not filter
            level: high
            tags: [attack.t1562.008]
            """;

    static final String BURST_RULES = """
            title: Console sign-in failed
            name: t-login-failed
            logsource: {product: aws, service: cloudtrail}
            detection:
              selection:
                eventName: ConsoleLogin
                errorMessage: Failed authentication
              condition: selection
            ---
            title: Sign-in failures from one address
            name: t-login-burst
            correlation:
              type: event_count
              rules: [t-login-failed]
              group-by: [sourceIPAddress]
              timespan: 5m
              condition: {gte: 3}
            level: medium
            """;

    @TempDir
    Path dir;

    static String record(String eventName, String id, String time, String extra) {
        return "{\"eventVersion\":\"1.08\",\"eventTime\":\"" + time + "\",\"eventSource\":\""
                + (eventName.equals("ConsoleLogin") ? "signin" : "cloudtrail") + ".amazonaws.com\",\"eventName\":\""
                + eventName + "\",\"awsRegion\":\"us-east-1\",\"eventID\":\"" + id + "\",\"sourceIPAddress\":"
                + "\"192.0.2.7\",\"recipientAccountId\":\"111122223333\",\"userIdentity\":{\"type\":\"IAMUser\","
                + "\"arn\":\"arn:aws:iam::111122223333:user/a\"}" + extra + "}";
    }

    static String stop(String id) {
        return record("StopLogging", id, "2026-03-01T10:00:00Z", "");
    }

    static String failedLogin(String id, String time) {
        return record("ConsoleLogin", id, time, ",\"errorMessage\":\"Failed authentication\"");
    }

    Path rules(String yaml) throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("r" + Files.list(rules).count() + ".yml"), yaml);
        return rules;
    }

    Path example(String rule, String kind, String name, String content) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("rules/tests").resolve(rule).resolve(kind));
        return Files.writeString(folder.resolve(name), content);
    }

    static List<JsonNode> lines(String out) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : out.strip().split("\n")) {
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }

    @Test
    void theBuiltInPackPassesAndEveryBuiltInRuleHasBothKindsOfExample() {
        CliRunner.Result r = CliRunner.run("rules", "test", "--require-tests");
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("PASS      vigil-cloudtrail-logging-stopped")
                .contains("built-in:cloudtrail.yml:").contains("correlation").contains(" 0 failed, 0 with errors, "
                        + "0 without tests")
                .doesNotContain("FAIL ").doesNotContain("NO TESTS").doesNotContain("PROBLEM");
        CliRunner.Result flag = CliRunner.run("rules", "test", "--built-in", "--format", "jsonl");
        assertThat(flag.exitCode()).isZero();
        assertThat(flag.out()).contains("\"id\":\"vigil-discovery-burst\"");
    }

    @Test
    void passingRulesAreOneLineEachAndExitZero() throws IOException {
        Path rules = rules(STOP_RULE);
        example("t-stop", "match", "stop.json", "[" + stop("m-1") + "]");
        example("t-stop", "nomatch", "start.jsonl", record("StartLogging", "n-1", "2026-03-01T10:00:00Z", "") + "\n"
                + record("StopLogging", "n-2", "2026-03-01T10:00:00Z", "").replace("IAMUser", "AWSService") + "\n");
        CliRunner.Result r = CliRunner.run("rules", "test", rules.toString());
        assertThat(r.exitCode()).as(r.out()).isZero();
        assertThat(r.out()).contains("PASS      t-stop").contains("1 match, 1 nomatch").contains("r0.yml:1")
                .contains("1 rule: 1 passed, 0 failed, 0 with errors, 0 without tests; 2 files, 3 records, "
                        + "0 unreadable; 0 rule problems");
    }

    @Test
    void failuresNameTheFileRecordEventIdAndTheConditionsThatDecided() throws IOException {
        Path rules = rules(STOP_RULE);
        example("t-stop", "match", "mixed.json", "[" + stop("m-1") + ","
                + record("StartLogging", "m-2", "2026-03-01T10:00:00Z", "") + "]");
        example("t-stop", "nomatch", "stop.json", "{\"Records\":[" + stop("n-1") + "]}");
        CliRunner.Result r = CliRunner.run("rules", "test", rules.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(r.out()).contains("FAIL      t-stop")
                .contains("tests/t-stop/match/mixed.json#record 2 (eventID m-2): expected a match, "
                        + "the rule did not match")
                .contains("selection: not matched: eventName|startswith wants the string 'Stop*', the record has "
                        + "\"StartLogging\"")
                .contains("tests/t-stop/nomatch/stop.json#record 1 (eventID n-1): the rule matched, expected no match")
                .contains("- selection: matched")
                .contains("- filter: not matched: userIdentity.type wants the string 'AWSService', the record has "
                        + "\"IAMUser\"")
                .doesNotContain("eventID m-1")
                .contains("1 rule: 0 passed, 1 failed");
    }

    @Test
    void rulesWithoutExamplesPassUnlessExamplesAreRequired() throws IOException {
        Path rules = rules(STOP_RULE);
        CliRunner.Result r = CliRunner.run("rules", "test", rules.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("NO TESTS  t-stop").contains("add example files to ")
                .contains("tests/t-stop/match/ and ").contains("0 passed, 0 failed, 0 with errors, 1 without tests");
        example("t-stop", "match", "stop.json", "[" + stop("m-1") + "]");
        CliRunner.Result oneSided = CliRunner.run("rules", "test", rules.toString());
        assertThat(oneSided.exitCode()).isZero();
        assertThat(oneSided.out()).contains("PASS").contains("(no nomatch examples)");
        CliRunner.Result required = CliRunner.run("rules", "test", "--require-tests", rules.toString());
        assertThat(required.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(required.out()).contains("FAIL      t-stop").contains("tests/t-stop/nomatch/: no nomatch example")
                .contains("[test-missing]");
    }

    @Test
    void brokenExampleFilesAreReportedWithPositionAndCountedNotACrash() throws IOException {
        Path rules = rules(STOP_RULE);
        example("t-stop", "match", "cut.jsonl", stop("m-1") + "\n{\"eventTime\": oops\n" + stop("m-3") + "\n");
        example("t-stop", "match", "empty.json", "");
        example("t-stop", "match", "other.json", "{\"hello\":\"world\"}");
        example("t-stop", "nomatch", "binary.json", "\u0000\u0001garbage");
        example("t-stop", "nomatch", "no-time.json", "[{\"eventName\":\"StartLogging\",\"eventSource\":\"x\"}]");
        CliRunner.Result r = CliRunner.run("rules", "test", rules.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.ERROR);
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("ERROR     t-stop")
                .contains("UNREADABLE ").contains("tests/t-stop/match/cut.jsonl (byte ").contains("[invalid-json]")
                .contains("tests/t-stop/match/empty.json").contains("[empty]")
                .contains("tests/t-stop/match/other.json").contains("[not-cloudtrail]")
                .contains("tests/t-stop/nomatch/binary.json")
                .contains("tests/t-stop/nomatch/no-time.json#record 1")
                .contains("0 passed, 0 failed, 1 with errors")
                .contains("5 files, 2 records, 5 unreadable");
    }

    @Test
    void aCorrelationFiresOnItsMatchSequenceAndNotOnItsNomatchSequence() throws IOException {
        Path rules = rules(BURST_RULES);
        example("t-login-burst", "match", "three-in-two-minutes.jsonl", failedLogin("a", "2026-03-01T10:00:00Z")
                + "\n" + failedLogin("b", "2026-03-01T10:01:00Z") + "\n" + failedLogin("c", "2026-03-01T10:02:00Z"));
        example("t-login-burst", "nomatch", "spread-out.json", "[" + failedLogin("d", "2026-03-01T10:00:00Z") + ","
                + failedLogin("e", "2026-03-01T10:06:00Z") + "," + failedLogin("f", "2026-03-01T10:12:00Z") + "]");
        example("t-login-failed", "match", "failed.json", "[" + failedLogin("g", "2026-03-01T10:00:00Z") + "]");
        example("t-login-failed", "nomatch", "ok.json", "[" + record("ConsoleLogin", "h", "2026-03-01T10:00:00Z", "")
                + "]");
        CliRunner.Result r = CliRunner.run("rules", "test", "--require-tests", rules.toString());
        assertThat(r.exitCode()).as(r.out()).isZero();
        assertThat(r.out()).contains("PASS      t-login-burst").contains("correlation")
                .contains("PASS      t-login-failed").contains("2 passed");
    }

    @Test
    void aFailingCorrelationSaysWhatItNeededAndWhatItCounted() throws IOException {
        Path rules = rules(BURST_RULES);
        example("t-login-burst", "match", "two.jsonl", failedLogin("a", "2026-03-01T10:00:00Z") + "\n"
                + record("ConsoleLogin", "ok", "2026-03-01T10:00:30Z", "") + "\n"
                + failedLogin("b", "2026-03-01T10:01:00Z"));
        example("t-login-burst", "nomatch", "three.json", "[" + failedLogin("c", "2026-03-01T10:00:00Z") + ","
                + failedLogin("d", "2026-03-01T10:01:00Z") + "," + failedLogin("e", "2026-03-01T10:02:00Z") + "]");
        CliRunner.Result r = CliRunner.run("rules", "test", rules.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(r.out()).contains("FAIL      t-login-burst")
                .contains("tests/t-login-burst/match/two.jsonl: expected the correlation to fire, it did not")
                .contains("- needs event_count gte 3 within 5m per sourceIPAddress")
                .contains("- counted rule t-login-failed matched 2 of 3 records")
                .contains("- 1 record matched none of the counted rules: #2")
                .contains("tests/t-login-burst/nomatch/three.json: the correlation fired, expected it not to")
                .contains("- fired for sourceIPAddress=192.0.2.7 on 3 records: #1, #2, #3");
    }

    @Test
    void layoutMistakesAreReportedNotSilentlySkipped() throws IOException {
        Path rules = rules(STOP_RULE);
        // a folder named by the Sigma id works as well as one named by the name
        Path byId = Files.createDirectories(dir.resolve("rules/tests/5b0f5a8e-2d1c-4f7a-9e3b-1c2d3e4f5a6b/match"));
        Files.writeString(byId.resolve("stop.json"), "[" + stop("m-1") + "]");
        example("t-stop", "match", "stop.txt", stop("m-2"));
        example("t-stop", "match", "README.md", "notes are fine");
        example("t-stop", "matches", "x.json", "[" + stop("m-3") + "]");
        Files.createDirectories(dir.resolve("rules/tests/t-stop/nomatch/nested"));
        Files.createDirectories(dir.resolve("rules/tests/no-such-rule/match"));
        CliRunner.Result r = CliRunner.run("rules", "test", rules.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(r.out()).contains("PROBLEM   ").contains("tests/no-such-rule: no loaded rule has the name or id "
                        + "'no-such-rule'").contains("[test-orphan]")
                .contains("ERROR     t-stop").contains("1 match, 0 nomatch")
                .contains("tests/t-stop/match/stop.txt: not read: example files are named *.json")
                .contains("tests/t-stop/matches: not read: a rule's test folder holds only match/ and nomatch/")
                .contains("tests/t-stop/nomatch/nested: not read: put example files directly in nomatch/")
                .doesNotContain("README.md");
        // naming one file of a folder tests that file's rules without calling the other test folders orphans
        CliRunner.Result one = CliRunner.run("rules", "test", rules.resolve("r0.yml").toString());
        assertThat(one.out()).doesNotContain("no-such-rule");
    }

    @Test
    void manyFailuresInOneFileAreCountedExactlyButDetailedOnlyForTheFirst() throws IOException {
        Path rules = rules(STOP_RULE);
        StringBuilder records = new StringBuilder();
        for (int i = 1; i <= 25; i++) {
            records.append(stop("n-" + i)).append('\n');
        }
        example("t-stop", "nomatch", "many.jsonl", records.toString());
        CliRunner.Result r = CliRunner.run("rules", "test", "--format", "jsonl", rules.toString());
        JsonNode file = lines(r.out()).getFirst().get("files").get(0);
        assertThat(file.get("failed").asLong()).isEqualTo(25);
        assertThat(file.get("failures")).hasSize(RuleTestRunner.DETAILS_PER_FILE);
        CliRunner.Result text = CliRunner.run("rules", "test", rules.toString());
        assertThat(text.out()).contains("… and 15 more failed records in ").contains("eventID n-10)")
                .doesNotContain("eventID n-11)");
    }

    @Test
    void aRuleNameThatLooksLikeAPathNeverLeavesTheTestsFolder() throws IOException {
        Path rules = rules(STOP_RULE.replace("name: t-stop", "name: ../escape"));
        // where rules/tests/../escape would lead
        Files.createDirectories(rules.resolve("escape/match"));
        Files.writeString(rules.resolve("escape/match/x.json"), "[" + stop("m-1") + "]");
        CliRunner.Result r = CliRunner.run("rules", "test", rules.toString());
        assertThat(r.exitCode()).as(r.out()).isZero();
        assertThat(r.out()).contains("NO TESTS  ../escape").contains("0 files");
    }

    @Test
    void ruleProblemsFailTheRunAndAnEmptyFolderIsAUserError() throws IOException {
        Path rules = rules(STOP_RULE);
        Files.writeString(rules.resolve("broken.yml"), "title: x\nname: y\ndetection: {condition: nothing}\n");
        CliRunner.Result r = CliRunner.run("rules", "test", rules.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(r.out()).contains("PROBLEM   ").contains("broken.yml").contains("2 rule problems");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        CliRunner.Result none = CliRunner.run("rules", "test", empty.toString());
        assertThat(none.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(none.err()).contains("no Sigma rules found in");
    }

    @Test
    void gzipAndTheRecordsWrapperAreReadAsInAScan() throws IOException {
        Path rules = rules(STOP_RULE);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(("{\"Records\":[" + stop("m-1") + "]}").getBytes(StandardCharsets.UTF_8));
        }
        Path folder = Files.createDirectories(dir.resolve("rules/tests/t-stop/match"));
        Files.write(folder.resolve("delivered.json.gz"), gz.toByteArray());
        CliRunner.Result r = CliRunner.run("rules", "test", rules.toString());
        assertThat(r.exitCode()).as(r.out()).isZero();
        assertThat(r.out()).contains("PASS      t-stop").contains("1 file, 1 record,");
    }

    @Test
    void jsonlGivesOneObjectPerRuleAndASummary() throws IOException {
        Path rules = rules(STOP_RULE + "---\n" + BURST_RULES);
        example("t-stop", "match", "start.json", "[" + record("StartLogging", "m-1", "2026-03-01T10:00:00Z", "") + "]");
        example("t-stop", "nomatch", "broken.jsonl", "{not json\n");
        CliRunner.Result r = CliRunner.run("rules", "test", "--format", "jsonl", rules.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.ERROR);
        List<JsonNode> lines = lines(r.out());
        assertThat(lines).extracting(n -> n.get("kind").asText()).containsExactly("rule", "rule", "rule", "summary");
        JsonNode stop = lines.stream().filter(n -> n.path("id").asText().equals("t-stop")).findFirst().orElseThrow();
        assertThat(stop.get("status").asText()).isEqualTo("fail");
        assertThat(stop.get("type").asText()).isEqualTo("detection");
        JsonNode failed = stop.get("files").get(0);
        assertThat(failed.get("expect").asText()).isEqualTo("match");
        assertThat(failed.get("failures").get(0).get("record").asLong()).isEqualTo(1);
        assertThat(failed.get("failures").get(0).get("event_id").asText()).isEqualTo("m-1");
        assertThat(failed.get("failures").get(0).get("why").get(0).asText()).startsWith("selection: not matched");
        JsonNode broken = stop.get("files").get(1);
        assertThat(broken.get("status").asText()).isEqualTo("error");
        assertThat(broken.get("unreadable").asLong()).isEqualTo(1);
        assertThat(broken.get("problems").get(0).get("reason").asText()).isEqualTo("invalid-json");
        JsonNode burst = lines.stream().filter(n -> n.path("id").asText().equals("t-login-burst")).findFirst()
                .orElseThrow();
        assertThat(burst.get("status").asText()).isEqualTo("no-tests");
        JsonNode summary = lines.getLast();
        assertThat(summary.get("failed").asLong()).isEqualTo(1);
        assertThat(summary.get("no_tests").asLong()).isEqualTo(2);
        assertThat(summary.get("exit_code").asInt()).isEqualTo(ExitCode.ERROR);
    }

    @Test
    void junitXmlHasASuitePerRuleAndACasePerFile() throws Exception {
        Path rules = rules(STOP_RULE + "---\n" + BURST_RULES);
        example("t-stop", "match", "stop.json", "[" + stop("m-1") + "]");
        example("t-stop", "nomatch", "stop-too.json", "[" + stop("n-1") + "]");
        example("t-login-failed", "match", "broken.json", "[{");
        Path report = dir.resolve("reports/nested/rules.xml");
        CliRunner.Result r = CliRunner.run("rules", "test", rules.toString(), "--junit", report.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.ERROR);
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile());
        Element root = xml.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(root.getAttribute("tests")).isEqualTo("4");
        assertThat(root.getAttribute("failures")).isEqualTo("1");
        assertThat(root.getAttribute("errors")).isEqualTo("1");
        assertThat(root.getAttribute("skipped")).isEqualTo("1");
        assertThat(xml.getElementsByTagName("testsuite").getLength()).isEqualTo(3);
        Element failure = (Element) xml.getElementsByTagName("failure").item(0);
        assertThat(((Element) failure.getParentNode()).getAttribute("name")).isEqualTo("nomatch/stop-too.json");
        assertThat(failure.getTextContent()).contains("#record 1 (eventID n-1): the rule matched");
        CliRunner.Result unwritable = CliRunner.run("rules", "test", rules.toString(), "--junit",
                dir.resolve("rules/r0.yml/x.xml").toString());
        assertThat(unwritable.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(unwritable.err()).contains("cannot write the JUnit report");
    }

    @Test
    void hostileRuleAndRecordTextIsInertInEveryOutput() throws Exception {
        String evil = "\\e[2J\\e]0;pwned\\a\\u202e<x>&";
        Path rules = rules(STOP_RULE.replace("title: Trail logging stopped", "title: \"T " + evil + "\"")
                .replace("eventName|startswith: Stop", "eventName|startswith: \"Stop " + evil + "\""));
        example("t-stop", "match", "evil.json", "[" + record("Stop\\u001b[31m\\u202e\\u0085", "id\\u001b]0;x\\u0007",
                "2026-03-01T10:00:00Z", "") + "]");
        Path report = dir.resolve("junit.xml");
        CliRunner.Result text = CliRunner.run("rules", "test", rules.toString(), "--junit", report.toString());
        assertThat(text.out()).contains("FAIL").contains("\\u001B").doesNotContain("\u001b").doesNotContain("\u0007")
                .doesNotContain("\u202e").doesNotContain("\u0085");
        String xml = Files.readString(report);
        assertThat(xml).doesNotContain("\u001b").doesNotContain("\u202e").doesNotContain("<x>");
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile());
        CliRunner.Result jsonl = CliRunner.run("rules", "test", "--format", "jsonl", rules.toString());
        assertThat(jsonl.out()).doesNotContain("\u001b").doesNotContain("\u202e").doesNotContain("\u0085");
        assertThat(lines(jsonl.out()).getFirst().get("files").get(0).get("failures").get(0).get("event_id").asText())
                .isEqualTo("id\u001b]0;x\u0007");
        CliRunner.Result list = CliRunner.run("rules", "list", "--only-rules", rules.toString(), "--format", "jsonl");
        assertThat(list.out()).doesNotContain("\u001b").doesNotContain("\u202e");
        assertThat(JSON.readTree(list.out().strip()).get("title").asText()).startsWith("T \u001b[2J");
    }
}
