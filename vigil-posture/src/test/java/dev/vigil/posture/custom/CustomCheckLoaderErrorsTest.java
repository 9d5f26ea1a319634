package dev.vigil.posture.custom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of load error names the file, the line, the check and what to do, and valid checks still load. */
class CustomCheckLoaderErrorsTest {

    @TempDir
    Path dir;

    private CustomCheckLoader.Loaded loadText(String text) {
        return CustomCheckLoader.load(List.of(CheckFiles.write(dir, "checks.yaml", text)), Set.of());
    }

    private static CustomCheckError only(CustomCheckLoader.Loaded loaded) {
        assertThat(loaded.errors()).hasSize(1);
        return loaded.errors().get(0);
    }

    private static String ok(String id) {
        return CheckFiles.check(id, "AWS::S3::Bucket", null, "true");
    }

    @Test
    void aValidFileHasNoErrors() {
        CustomCheckLoader.Loaded loaded = loadText("checks:\n" + ok("custom.a.one") + ok("acme.b.two"));
        assertThat(loaded.ok()).isTrue();
        assertThat(loaded.checks()).extracting(c -> c.metadata().id()).containsExactly("custom.a.one", "acme.b.two");
        assertThat(((CustomCheck) loaded.checks().get(1)).origin()).endsWith("checks.yaml:14");
    }

    @Test
    void yamlSyntaxErrorNamesTheLine() {
        CustomCheckError error = only(loadText("checks:\n  - id: custom.a.b\n    title: [unclosed\n    section: x\n"));
        assertThat(error.file().getFileName().toString()).isEqualTo("checks.yaml");
        assertThat(error.line()).isBetween(3, 5);
        assertThat(error.problem()).startsWith("not valid YAML");
        assertThat(error.message()).startsWith(error.file() + ":" + error.line());
    }

    @Test
    void unknownKeySuggestsTheNearestKnownOne() {
        String text = "checks:\n" + ok("custom.a.one").replace("    section:", "    sectoin:");
        CustomCheckLoader.Loaded loaded = loadText(text);
        assertThat(loaded.checks()).isEmpty();
        assertThat(loaded.errors()).extracting(CustomCheckError::problem)
                .contains("unknown key 'sectoin'; did you mean 'section'?", "missing required key 'section'");
        CustomCheckError unknown = loaded.errors().get(0);
        assertThat(unknown.line()).isEqualTo(4);
        assertThat(unknown.column()).isEqualTo(5);
        assertThat(unknown.checkId()).isEqualTo("custom.a.one");
    }

    @Test
    void unknownRemediationKeyAndUnknownTopLevelKey() {
        String text = "version: 1\nchecks:\n" + ok("custom.a.one").replace("      terraform:", "      terrafrom:");
        CustomCheckLoader.Loaded loaded = loadText(text);
        assertThat(loaded.errors()).extracting(CustomCheckError::problem).contains(
                "unknown top-level key 'version'; a check file has only 'checks:'",
                "unknown key 'remediation.terrafrom'; did you mean 'remediation.terraform'?",
                "'remediation' needs a 'terraform' or a 'cloudformation' snippet that fixes a failing resource");
    }

    @Test
    void everyMissingRequiredFieldIsReported() {
        CustomCheckLoader.Loaded loaded = loadText("checks:\n  - id: custom.a.one\n    assert: 'true'\n");
        assertThat(loaded.errors()).extracting(CustomCheckError::problem).containsExactlyInAnyOrder(
                "missing required key 'title'", "missing required key 'section'", "missing required key 'severity'",
                "missing required key 'resource-type'", "missing required key 'rationale'",
                "missing required key 'remediation'", "missing required key 'permissions'");
        assertThat(loaded.errors()).allSatisfy(e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.checkId()).isEqualTo("custom.a.one");
        });
    }

    @Test
    void missingAssertAndEmptyAssert() {
        String noAssert = ok("custom.a.one").replace("    assert: 'true'\n", "");
        String emptyAssert = ok("custom.a.two").replace("    assert: 'true'", "    assert: ''");
        CustomCheckLoader.Loaded loaded = loadText("checks:\n" + noAssert + emptyAssert);
        assertThat(loaded.errors()).extracting(CustomCheckError::problem).containsExactly(
                "missing required key 'assert'",
                "'assert' is empty; write a CEL expression that is true or false, e.g. \"owner\" in resource.tags");
    }

    @Test
    void badIdShapes() {
        CustomCheckLoader.Loaded loaded = loadText("checks:\n" + ok("Custom.Bad-Id") + ok("nodots") + ok("s3.my_check"));
        assertThat(loaded.checks()).isEmpty();
        assertThat(loaded.errors()).extracting(CustomCheckError::problem).containsExactly(
                "id 'Custom.Bad-Id' must be lower-case and dotted (letters, digits, '_'), e.g. custom.s3.bucket_tagged_owner",
                "id 'nodots' must be lower-case and dotted (letters, digits, '_'), e.g. custom.s3.bucket_tagged_owner",
                "id 's3.my_check' uses the built-in namespace 's3.'; start custom ids with 'custom.' or your "
                        + "organisation's prefix, e.g. custom.s3.my_check");
        assertThat(loaded.errors().get(0).line()).isEqualTo(2);
    }

    @Test
    void aBuiltInIdAndItsNamespaceAreRejected() {
        CustomCheckLoader.Loaded loaded = CustomCheckLoader.load(List.of(CheckFiles.write(dir, "c.yaml",
                "checks:\n" + ok("future.thing") + ok("future.other"))), Set.of("future.thing"));
        assertThat(loaded.errors()).extracting(CustomCheckError::problem).containsExactly(
                "id 'future.thing' is a built-in check; give the custom check its own id, e.g. custom.future.thing",
                "id 'future.other' uses the built-in namespace 'future.'; start custom ids with 'custom.' or your "
                        + "organisation's prefix, e.g. custom.future.other");
    }

    @Test
    void duplicateIdsWithinAndAcrossFiles() {
        Path first = CheckFiles.write(dir, "a/first.yaml", "checks:\n" + ok("custom.a.one"));
        Path second = CheckFiles.write(dir, "b/second.yml", "checks:\n" + ok("custom.a.two") + ok("custom.a.one"));
        CustomCheckLoader.Loaded loaded = CustomCheckLoader.load(List.of(dir), Set.of());
        assertThat(loaded.checks()).extracting(c -> c.metadata().id()).containsExactly("custom.a.one", "custom.a.two");
        CustomCheckError error = only(loaded);
        assertThat(error.file()).isEqualTo(second);
        assertThat(error.line()).isEqualTo(14);
        assertThat(error.checkId()).isEqualTo("custom.a.one");
        assertThat(error.problem()).isEqualTo("duplicate id: already defined at " + first
                + ":2; ids must be unique across all check files");
    }

    @Test
    void celCompileErrorsGiveThePositionInTheExpression() {
        CustomCheckLoader.Loaded loaded = loadText("checks:\n"
                + CheckFiles.check("custom.a.one", "AWS::S3::Bucket", null, "resourc.tags.size() > 0")
                + CheckFiles.check("custom.a.two", "AWS::S3::Bucket", null, "resource.tags.size() >"));
        assertThat(loaded.checks()).isEmpty();
        assertThat(loaded.errors()).hasSize(2);
        CustomCheckError undeclared = loaded.errors().get(0);
        assertThat(undeclared.problem()).isEqualTo("'assert' does not compile at column 1 of the expression: "
                + "undeclared reference to 'resourc' (in container ''); the variables are resource, policy and now");
        assertThat(undeclared.line()).isEqualTo(7);
        assertThat(undeclared.column()).isEqualTo(13);
        assertThat(loaded.errors().get(1).problem()).startsWith("'assert' does not compile at column 23 of the expression: ")
                .contains("mismatched input '<EOF>'");
    }

    @Test
    void multiLineExpressionErrorsGiveTheLineInTheExpression() {
        String text = "checks:\n" + CheckFiles.check("custom.a.one", "AWS::S3::Bucket", null, "true")
                .replace("    assert: 'true'\n", "    assert: |\n      resource.tags.size() > 0\n      && nosuch\n");
        CustomCheckError error = only(loadText(text));
        assertThat(error.problem()).startsWith("'assert' does not compile at line 2, column 4 of the expression: "
                + "undeclared reference to 'nosuch'");
    }

    @Test
    void appliesIfIsCompiledToo() {
        CustomCheckError error = only(loadText("checks:\n"
                + CheckFiles.check("custom.a.one", "AWS::S3::Bucket", "resource.nosuch(", "true")));
        assertThat(error.problem()).startsWith("'applies-if' does not compile");
    }

    @Test
    void nonBoolExpressionTypeIsRejected() {
        CustomCheckLoader.Loaded loaded = loadText("checks:\n"
                + CheckFiles.check("custom.a.one", "AWS::S3::Bucket", null, "resource.name + \"x\"")
                + CheckFiles.check("custom.a.two", "AWS::S3::Bucket", "size(resource.tags)", "true"));
        assertThat(loaded.errors()).extracting(CustomCheckError::problem).containsExactly(
                "'assert' must be true or false, but its type is string; compare the value, e.g. "
                        + "resource.configuration.status == \"ON\"",
                "'applies-if' must be true or false, but its type is int; compare the value, e.g. "
                        + "resource.configuration.status == \"ON\"");
    }

    @Test
    void accountChecksSeeAccountNotResource() {
        CustomCheckLoader.Loaded loaded = loadText("checks:\n"
                + CheckFiles.check("custom.a.one", "AWS::::Account", null, "resource.id != ''")
                + CheckFiles.check("custom.a.two", "AWS::S3::Bucket", null, "account.id != ''"));
        assertThat(loaded.errors()).extracting(CustomCheckError::problem).containsExactly(
                "'assert' does not compile at column 1 of the expression: undeclared reference to 'resource' "
                        + "(in container ''); checks with resource-type AWS::::Account see 'account', not 'resource'",
                "'assert' does not compile at column 1 of the expression: undeclared reference to 'account' "
                        + "(in container ''); 'account' is only for checks with resource-type AWS::::Account, use 'resource'");
    }

    @Test
    void badSeverityResourceTypeAndPermission() {
        String text = "checks:\n" + ok("custom.a.one")
                .replace("severity: low", "severity: urgent")
                .replace("resource-type: AWS::S3::Bucket", "resource-type: s3 bucket")
                .replace("[config:BatchGetResourceConfig]", "[config:BatchGetResourceConfig, 'read everything']");
        CustomCheckLoader.Loaded loaded = loadText(text);
        assertThat(loaded.errors()).extracting(CustomCheckError::problem).containsExactly(
                "unknown severity 'urgent': use one of informational, low, medium, high, critical",
                "resource-type 's3 bucket' is not an AWS Config type; write it as Config does, e.g. AWS::S3::Bucket, "
                        + "or AWS::::Account for a once-per-account check",
                "permission 'read everything' is not an IAM action; write it as service:Action, e.g. "
                        + "config:BatchGetResourceConfig");
        assertThat(loaded.errors()).extracting(CustomCheckError::line).containsExactly(5, 6, 13);
    }

    @Test
    void wrongShapes() {
        String text = "checks:\n" + ok("custom.a.one")
                .replace("title: A test check", "title: [a, list]")
                .replace("[config:BatchGetResourceConfig]", "config:BatchGetResourceConfig")
                + "  - just a string\n";
        CustomCheckLoader.Loaded loaded = loadText(text);
        assertThat(loaded.errors()).extracting(CustomCheckError::problem).containsExactly(
                "'title' must be a single value, not a list",
                "'permissions' must be a non-empty list of IAM read actions, e.g. [config:BatchGetResourceConfig]",
                "each item of 'checks:' must be a mapping with id, title, assert, ...; found a single value");
    }

    @Test
    void aKeyGivenTwiceIsReported() {
        String text = "checks:\n" + ok("custom.a.one").replace("    section: Testing\n",
                "    section: Testing\n    section: Other\n");
        CustomCheckError error = only(loadText(text));
        assertThat(error.problem()).isEqualTo("key 'section' is given twice (first at line 4); keep one");
        assertThat(error.line()).isEqualTo(5);
    }

    @Test
    void fileShapeErrors() {
        assertThat(only(loadText("")).problem()).startsWith("the file is empty");
        assertThat(only(loadText("- id: x\n")).problem()).isEqualTo(
                "a check file must be a mapping with a 'checks:' list; found a list");
        assertThat(only(loadText("checks: nope\n")).problem()).startsWith("'checks:' must be a list of checks");
        assertThat(loadText("other: 1\n").errors()).extracting(CustomCheckError::problem).containsExactly(
                "unknown top-level key 'other'; a check file has only 'checks:'", "missing 'checks:' list");
        assertThat(only(loadText("checks:\n" + ok("custom.a.one") + "---\nchecks: []\n")).problem())
                .startsWith("the file holds more than one YAML document");
    }

    @Test
    void missingPathsLargeFilesAndNonUtf8AreReportedAndOthersStillLoad() throws IOException {
        Path good = CheckFiles.write(dir, "good.yaml", "checks:\n" + ok("custom.a.one"));
        Path big = CheckFiles.write(dir, "big.yaml", "checks:\n#" + "x".repeat(CustomCheckLoader.MAX_FILE_CHARS) + "\n");
        Path binary = dir.resolve("binary.yaml");
        Files.write(binary, new byte[]{'c', 'h', (byte) 0xC3, (byte) 0x28});
        Path missing = dir.resolve("missing.yaml");
        CustomCheckLoader.Loaded loaded = CustomCheckLoader.load(List.of(missing, big, binary, good), Set.of());
        assertThat(loaded.checks()).hasSize(1);
        assertThat(loaded.errors()).extracting(e -> e.file().getFileName().toString() + ": " + e.problem())
                .containsExactly(
                        "missing.yaml: no such file or directory; pass a check file or a directory of them to --checks",
                        "big.yaml: the file is " + Files.size(big) + " bytes, over the 1048576-byte limit for a "
                                + "check file; split it into several files",
                        "binary.yaml: the file is not UTF-8 text; save it as UTF-8");
    }

    @Test
    void aDirectoryIsWalkedForYamlFilesOnly() {
        CheckFiles.write(dir, "x/b.yaml", "checks:\n" + ok("custom.b.one"));
        CheckFiles.write(dir, "a.yml", "checks:\n" + ok("custom.a.one"));
        CheckFiles.write(dir, "notes.txt", "not a check file");
        CustomCheckLoader.Loaded loaded = CustomCheckLoader.load(List.of(dir), Set.of());
        assertThat(loaded.errors()).isEmpty();
        assertThat(loaded.checks()).extracting(c -> c.metadata().id()).containsExactly("custom.a.one", "custom.b.one");
    }

    @Test
    void oneBadCheckDoesNotHideTheValidOnesAroundIt() {
        CustomCheckLoader.Loaded loaded = loadText("checks:\n" + ok("custom.a.one")
                + CheckFiles.check("custom.a.bad", "AWS::S3::Bucket", null, "1 +") + ok("custom.a.three"));
        assertThat(loaded.checks()).extracting(c -> c.metadata().id()).containsExactly("custom.a.one", "custom.a.three");
        assertThat(only(loaded).checkId()).isEqualTo("custom.a.bad");
    }

    @Test
    void yamlAliasesAreNotExpanded() {
        StringBuilder text = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            text.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 10; i++) {
                text.append(i == 0 ? "" : ", ").append('*').append((char) (c - 1));
            }
            text.append("]\n");
        }
        CustomCheckLoader.Loaded loaded = loadText(text + "checks:\n" + ok("custom.a.one"));
        assertThat(loaded.checks()).hasSize(1);
        assertThat(loaded.errors()).isNotEmpty().allSatisfy(e -> assertThat(e.problem()).startsWith("unknown top-level key"));
    }
}
