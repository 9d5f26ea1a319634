package dev.vigil.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RulesCommandTest {

    static final Path GOOD = Paths.get("src/test/resources/rules-good");
    static final Path BAD = Paths.get("src/test/resources/rules-bad");
    static final String EVENT = "{\"eventVersion\":\"1.08\",\"eventTime\":\"2026-10-01T10:00:00Z\","
            + "\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\"DeleteAccountPasswordPolicy\",\"awsRegion\":\"us-east-1\","
            + "\"eventID\":\"pp-1\",\"recipientAccountId\":\"111122223333\",\"userIdentity\":{\"type\":\"IAMUser\","
            + "\"arn\":\"arn:aws:iam::111122223333:user/a\"}}";

    @TempDir
    Path dir;

    @Test
    void listsTheBuiltInPackAndAddedRules() {
        CliRunner.Result builtIn = CliRunner.run("rules", "list");
        assertThat(builtIn.exitCode()).isZero();
        assertThat(builtIn.out()).contains("vigil-cloudtrail-logging-stopped").contains("T1562.008")
                .doesNotContain("test-password-policy-deleted");
        CliRunner.Result added = CliRunner.run("rules", "list", "--rules", GOOD.toString());
        assertThat(added.out()).contains("test-password-policy-deleted").contains("vigil-root-account-usage");
        CliRunner.Result only = CliRunner.run("rules", "list", "--only-rules", GOOD.toString());
        assertThat(only.out()).contains("test-password-policy-deleted").doesNotContain("vigil-root-account-usage")
                .contains("1 detections");
    }

    @Test
    void listShowsTypeLevelTechniquesAndWhereEachRuleWasLoadedFrom() {
        CliRunner.Result builtIn = CliRunner.run("rules", "list");
        assertThat(builtIn.out().lines().findFirst().orElseThrow())
                .matches("ID +TYPE +LEVEL +ATT&CK +SOURCE +TITLE");
        assertThat(builtIn.out()).containsPattern("vigil-cloudtrail-logging-stopped +detection +high +T1562\\.008 +"
                        + "built-in:cloudtrail\\.yml:1 +CloudTrail logging stopped")
                .containsPattern("vigil-discovery-burst +correlation +medium .*built-in:discovery\\.yml:\\d+")
                .doesNotContain("vigil-read-only-api-call");
        CliRunner.Result user = CliRunner.run("rules", "list", "--only-rules", GOOD.toString());
        assertThat(user.out()).containsPattern("test-password-policy-deleted +detection +low +T1098 +"
                + ".*rules-good.iam-password-policy\\.yml:1 +Account password policy deleted");
    }

    @Test
    void listAllAddsRulesThatOnlyFeedCorrelations() {
        CliRunner.Result all = CliRunner.run("rules", "list", "--all");
        assertThat(all.exitCode()).isZero();
        assertThat(all.out()).containsPattern("vigil-read-only-api-call +detection +informational")
                .containsPattern("\\d+ rules, \\d+ raise findings");
        long stateful = all.out().lines().filter(l -> l.matches("\\S+ +stateful .*")).count();
        long listed = all.out().lines().count() - 2 - stateful;
        long raising = CliRunner.run("rules", "list").out().lines().count() - 2 - stateful;
        assertThat(listed).isGreaterThan(raising);
        assertThat(all.out()).contains(listed + " rules, " + raising + " raise findings; " + stateful
                + " built-in detections over many records");
    }

    @Test
    void listNamesTheDetectionsOverManyRecordsUnlessOnlyUserRulesAreAsked() {
        CliRunner.Result builtIn = CliRunner.run("rules", "list");
        assertThat(builtIn.out()).containsPattern("vigil-net-portscan +stateful +medium +T1046 +built-in:network")
                .containsPattern("vigil-intel-instance-credential-exfiltration +stateful +\\w+ .*built-in:intel")
                .containsPattern("vigil-baseline-discovery +stateful +\\w+ .*built-in:baseline")
                .containsPattern("\\d+ detections \\(\\d+ Sigma rules, \\d+ over many records\\)");
        CliRunner.Result only = CliRunner.run("rules", "list", "--only-rules", GOOD.toString());
        assertThat(only.out()).doesNotContain("stateful");
    }

    @Test
    void listAsJsonLines() throws IOException {
        CliRunner.Result r = CliRunner.run("rules", "list", "--all", "--format", "jsonl");
        assertThat(r.exitCode()).isZero();
        ObjectMapper json = new ObjectMapper();
        Map<String, JsonNode> byId = new HashMap<>();
        for (String line : r.out().strip().split("\n")) {
            JsonNode n = json.readTree(line);
            byId.put(n.get("id").asText(), n);
        }
        JsonNode stopped = byId.get("vigil-cloudtrail-logging-stopped");
        assertThat(stopped.get("type").asText()).isEqualTo("detection");
        assertThat(stopped.get("level").asText()).isEqualTo("high");
        assertThat(stopped.get("attack").get(0).asText()).isEqualTo("T1562.008");
        assertThat(stopped.get("source").asText()).isEqualTo("built-in:cloudtrail.yml:1");
        assertThat(stopped.get("raises_findings").asBoolean()).isTrue();
        assertThat(byId.get("vigil-read-only-api-call").get("raises_findings").asBoolean()).isFalse();
        assertThat(byId.get("vigil-discovery-burst").get("type").asText()).isEqualTo("correlation");
    }

    @Test
    void validateReportsEveryProblemWithFileAndExitsNonZero() {
        CliRunner.Result ok = CliRunner.run("rules", "validate", GOOD.toString());
        assertThat(ok.exitCode()).isZero();
        assertThat(ok.out()).contains("0 problems");
        CliRunner.Result bad = CliRunner.run("rules", "validate", BAD.toString());
        assertThat(bad.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(bad.out()).contains("broken.yml").contains("nosuchmodifier");
    }

    @Test
    void validateListsWarningsWithoutFailing() throws IOException {
        Path rules = Files.createDirectories(dir.resolve("warned"));
        Files.writeString(rules.resolve("r.yml"), Files.readString(GOOD.resolve("iam-password-policy.yml"))
                + "date: 2024/01/02\n");
        CliRunner.Result r = CliRunner.run("rules", "validate", rules.toString());
        assertThat(r.exitCode()).as(r.out()).isZero();
        assertThat(r.out()).contains("warning: ").contains("YYYY/MM/DD").contains("0 problems, 1 warnings");
        CliRunner.Result scan = CliRunner.run("rules", "list", "--only-rules", rules.toString());
        assertThat(scan.err()).contains("rule warning").contains("; loaded");
    }

    @Test
    void scanRunsAddedRulesAndSkipsBrokenOnes() throws IOException {
        Path in = Files.writeString(dir.resolve("e.json"), "[" + EVENT + "]");
        CliRunner.Result r = CliRunner.run("scan", in.toString(), "--no-store", "--out", dir.resolve("out").toString(),
                "--rules", BAD.toString(), "--color", "never");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("rule problem").contains("broken.yml");
        assertThat(Files.readString(dir.resolve("out/findings.ocsf.jsonl"))).contains("test-password-policy-deleted");
        CliRunner.Result both = CliRunner.run("scan", in.toString(), "--rules", GOOD.toString(), "--only-rules",
                GOOD.toString(), "--no-store", "--out", dir.resolve("out2").toString());
        assertThat(both.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(both.err()).contains("use one of them");
    }

    @Test
    void hostileRuleTextIsShownInert() throws IOException {
        Path rules = Files.createDirectories(dir.resolve("hostile"));
        Files.writeString(rules.resolve("r.yml"), Files.readString(GOOD.resolve("iam-password-policy.yml"))
                .replace("title: Account password policy deleted", "title: \"Evil \\e[2J\\e]0;pwned\\a <b>\\u202e\""));
        CliRunner.Result r = CliRunner.run("rules", "list", "--only-rules", rules.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Evil").doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\u202e");
    }

    static final String EXPAND_RULE = """
            title: Password policy deleted by an administrator
            name: test-admin-policy-deleted
            logsource: {product: aws, service: cloudtrail}
            detection:
              selection:
                eventName: DeleteAccountPasswordPolicy
                userIdentity.arn|expand|endswith: '%admins%'
              condition: selection
            level: low
            """;

    @Test
    void placeholdersReachValidateListAndScan() throws IOException {
        Path rules = Files.createDirectories(dir.resolve("expand"));
        Files.writeString(rules.resolve("r.yml"), EXPAND_RULE);
        Path values = Files.writeString(dir.resolve("placeholders.yml"), "placeholders:\n  admins: [user/a, user/b]\n");

        CliRunner.Result without = CliRunner.run("rules", "validate", rules.toString());
        assertThat(without.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(without.out()).contains("r.yml:7").contains("rule 'test-admin-policy-deleted'")
                .contains("'userIdentity.arn|expand|endswith'").contains("%admins% is not defined")
                .contains("--placeholders FILE");
        CliRunner.Result with = CliRunner.run("rules", "validate", rules.toString(), "--placeholders", values.toString());
        assertThat(with.exitCode()).as(with.out()).isZero();

        CliRunner.Result list = CliRunner.run("rules", "list", "--only-rules", rules.toString(), "--placeholders",
                values.toString());
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).contains("test-admin-policy-deleted");

        Path in = Files.writeString(dir.resolve("e.json"), "[" + EVENT + "]");
        CliRunner.Result scan = CliRunner.run("scan", in.toString(), "--no-store", "--out",
                dir.resolve("out").toString(), "--only-rules", rules.toString(), "--placeholders", values.toString(),
                "--color", "never");
        assertThat(scan.exitCode()).as(scan.err()).isZero();
        assertThat(Files.readString(dir.resolve("out/findings.ocsf.jsonl"))).contains("test-admin-policy-deleted");
    }

    @Test
    void aBadPlaceholdersFileStopsTheCommandWithItsLocation() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.yml"), "placeholders:\n  admins: []\n");
        CliRunner.Result validate = CliRunner.run("rules", "validate", GOOD.toString(), "--placeholders", bad.toString());
        assertThat(validate.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(validate.err()).contains("bad.yml:2").contains("'admins' has no values").contains("--placeholders");
        CliRunner.Result list = CliRunner.run("rules", "list", "--placeholders", dir.resolve("missing.yml").toString());
        assertThat(list.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(list.err()).contains("no such placeholders file");
    }

    @Test
    void aFieldMappingRenamesTheFieldsOfRulesWrittenForOtherNames() throws IOException {
        Path rules = Files.createDirectories(dir.resolve("foreign"));
        Files.writeString(rules.resolve("r.yml"), """
                title: Policy deleted (foreign field names)
                name: foreign-policy-deleted
                logsource: {product: aws, service: cloudtrail}
                detection:
                  selection: {EventName: DeleteAccountPasswordPolicy}
                  condition: selection
                """);
        Path mapping = Files.writeString(dir.resolve("mapping.yml"), "fieldmappings:\n  EventName: eventName\n");
        Path in = Files.writeString(dir.resolve("e.json"), "[" + EVENT + "]");
        CliRunner.Result without = CliRunner.run("scan", in.toString(), "--no-store", "--out",
                dir.resolve("out1").toString(), "--only-rules", rules.toString(), "--color", "never");
        assertThat(without.exitCode()).as(without.err()).isZero();
        assertThat(Files.readString(dir.resolve("out1/findings.ocsf.jsonl"))).doesNotContain("foreign-policy-deleted");
        CliRunner.Result with = CliRunner.run("scan", in.toString(), "--no-store", "--out",
                dir.resolve("out2").toString(), "--only-rules", rules.toString(), "--field-mapping", mapping.toString(),
                "--color", "never");
        assertThat(with.exitCode()).as(with.err()).isZero();
        assertThat(Files.readString(dir.resolve("out2/findings.ocsf.jsonl"))).contains("foreign-policy-deleted");

        Path bad = Files.writeString(dir.resolve("bad-mapping.yml"), "fieldmappings: [oops]\n");
        CliRunner.Result broken = CliRunner.run("rules", "validate", rules.toString(), "--field-mapping", bad.toString());
        assertThat(broken.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(broken.err()).contains("bad-mapping.yml").contains("--field-mapping");
    }
}
