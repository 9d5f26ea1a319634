package dev.vigil.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

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
}
