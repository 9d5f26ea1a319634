package dev.vigil.posture.report;

import dev.vigil.model.Severity;
import dev.vigil.posture.check.CheckMetadata;
import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.CheckStatus;
import dev.vigil.posture.check.Remediation;
import dev.vigil.posture.framework.Framework;
import dev.vigil.posture.framework.FrameworkLoader;
import dev.vigil.posture.framework.PostureReport;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PostureReportPrinterTest {

    static final String ANSI = "\u001B[31mRED\u001B[0m\u001B]0;pwned\u0007";
    static final String FORGED_LINE = "trail\r\nFAIL 0 checks failed";
    static final String BIDI = "invoice\u202Egpj.exe";
    static final String LONG_ARN = "arn:aws:s3:::" + "very-long-bucket-name-".repeat(12) + "end";

    static final Framework CIS = FrameworkLoader.builtIn("cis-aws-foundations");

    static CheckMetadata meta(String id, Severity severity) {
        return new CheckMetadata(id, "Title of " + id, "Test", severity, "AWS::Test::Thing", "Why.",
                new Remediation("Fix.", "aws fix", "", "x"), List.of("x:Y"));
    }

    static String render(List<CheckResult> results, PostureReportPrinter.Options options) {
        PostureReport report = PostureReport.of(List.of(CIS), results, List.of(
                meta("cloudtrail.log_file_validation", Severity.MEDIUM), meta("s3.tls_only", Severity.HIGH)));
        StringWriter sw = new StringWriter();
        new PostureReportPrinter(sw, options).print(report);
        return sw.toString();
    }

    static List<CheckResult> results() {
        return List.of(
                new CheckResult("cloudtrail.log_file_validation", CheckStatus.FAIL, "111122223333", "us-east-1",
                        "AWS::CloudTrail::Trail", "arn:aws:cloudtrail:us-east-1:111122223333:trail/" + ANSI,
                        "Log file validation is off on trail " + FORGED_LINE + "."),
                new CheckResult("cloudtrail.log_file_validation", CheckStatus.PASS, "444455556666", "us-east-1",
                        "AWS::CloudTrail::Trail", "arn:aws:cloudtrail:us-east-1:444455556666:trail/main", "On."),
                new CheckResult("s3.tls_only", CheckStatus.FAIL, "111122223333", "eu-west-1", "AWS::S3::Bucket",
                        LONG_ARN, "Bucket " + BIDI + " " + "allows plain HTTP requests; ".repeat(10)),
                new CheckResult("config.recorder_all_regions", CheckStatus.ERROR, "111122223333", "eu-west-1",
                        "AWS::::Account", "111122223333/eu-west-1",
                        "No configservice.describe-configuration-recorders.json export for 111122223333/eu-west-1."),
                new CheckResult("root.mfa_enabled", CheckStatus.PASS, "", "global", "AWS::::Account",
                        "organisation", "Root MFA on."));
    }

    @Test
    void noLineIsWiderThanAHundredColumnsAndNoControlCharacterGetsThrough() {
        String text = render(results(), PostureReportPrinter.Options.DEFAULT);
        for (String line : text.split("\n", -1)) {
            assertThat(line.length()).as(line).isLessThanOrEqualTo(PostureReportPrinter.WIDTH);
        }
        assertThat(text).doesNotContain("\u001B").doesNotContain("\u0007").doesNotContain("\r")
                .doesNotContain("\u202E");
        assertThat(text).contains("0;pwned\\u0007").contains("\\u000D\\u000AFAIL 0 checks failed")
                .contains("invoice\\u202Egpj.exe");
        assertThat(text.lines().filter(l -> l.startsWith("FAIL 0"))).as("no forged line").isEmpty();
    }

    @Test
    void showsTheScoreSectionsAccountsAndTheRequirementsToFix() {
        String text = render(results(), PostureReportPrinter.Options.DEFAULT);
        assertThat(text).contains("Check results: 2 PASS, 2 FAIL, 0 NOT_APPLICABLE, 0 MANUAL, 1 ERROR");
        assertThat(text).contains("== CIS AWS Foundations Benchmark 3.0.0 [cis-aws-foundations] ==");
        // 1.5 passes; 2.1.1 and 3.2 fail; the rest not judged or manual
        assertThat(text).containsPattern("Score 33% -- 1 passed, 2 failed, \\d+ not judged, \\d+ manual");
        assertThat(text).containsPattern("  Logging +0% +0 +1 +\\d+ +0 +0");
        assertThat(text).containsPattern("  \\(organisation-wide\\) +100% +1 +0 +0 +0");
        assertThat(text).containsPattern("  111122223333 +0% +0 +2 +1 +0");
        assertThat(text).containsPattern("  444455556666 +100% +1 +0 +0 +0");
        assertThat(text).contains("    FAIL  3.2  CloudTrail log file validation is on  [customer]")
                .contains("          cloudtrail.log_file_validation: 1 failing");
        assertThat(text).contains("    ERROR 3.3  AWS Config records in every region  [customer]")
                .contains("No configservice.describe-configuration-recorders.json export");
        assertThat(text).contains("no result from: cloudtrail.multi_region_trail");
        assertThat(text).contains("    1.1  Account contact details are current  [customer]");
    }

    @Test
    void failingChecksAreListedMostSevereFirstWithTheirReasonsWrappedAndLongArnsCutInTheMiddle() {
        String text = render(results(), PostureReportPrinter.Options.DEFAULT);
        String failing = text.substring(text.indexOf("Failing checks (2)"));
        assertThat(failing.indexOf("HIGH     s3.tls_only")).isPositive()
                .isLessThan(failing.indexOf("MEDIUM   cloudtrail.log_file_validation"));
        assertThat(failing).contains("arn:aws:s3:::very-long").contains("...").contains("bucket-name-end");
        assertThat(failing.lines().filter(l -> l.contains("allows plain HTTP")).count())
                .as("a long reason wraps over several lines").isGreaterThan(1);
    }

    @Test
    void optionsCapTheFailuresAndHideManualRequirements() {
        List<CheckResult> many = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            many.add(new CheckResult("s3.tls_only", CheckStatus.FAIL, "111122223333", "eu-west-1", "AWS::S3::Bucket",
                    "arn:aws:s3:::b" + i, "Bucket b" + i + " allows HTTP."));
        }
        String text = render(many, new PostureReportPrinter.Options(5, 2, false));
        assertThat(text).contains("and 7 more failing results").contains("            and 10 more");
        assertThat(text).doesNotContain("Manual requirements");
        assertThat(render(List.of(), PostureReportPrinter.Options.DEFAULT)).contains("No check failed.")
                .contains("Score n/a");
    }
}
