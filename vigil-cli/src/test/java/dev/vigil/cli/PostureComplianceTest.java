package dev.vigil.cli;

import dev.vigil.model.Finding;
import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.CheckStatus;
import dev.vigil.posture.framework.FrameworkLoader;
import dev.vigil.posture.framework.PostureReport;
import dev.vigil.posture.output.ComplianceFindingWriter;
import dev.vigil.report.ComplianceSection;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PostureComplianceTest {

    @Test
    void mapsScoresSectionsFailuresAndCountsFieldForField() {
        List<CheckResult> results = List.of(
                new CheckResult("cloudtrail.log_file_validation", CheckStatus.FAIL, "111122223333", "us-east-1",
                        "AWS::CloudTrail::Trail", "arn:aws:cloudtrail:us-east-1:111122223333:trail/dev",
                        "Log file validation is off on trail dev."),
                new CheckResult("cloudtrail.multi_region_trail", CheckStatus.PASS, "111122223333", "us-east-1",
                        "AWS::::Account", "111122223333/us-east-1", "A multi-region trail logs here."));
        PostureReport report = PostureReport.of(List.of(FrameworkLoader.builtIn("cis-aws-foundations"),
                FrameworkLoader.builtIn("gdpr")), results, List.of());

        ComplianceSection section = PostureCompliance.section(report, List.of("Read 1 account."));

        ComplianceSection.FrameworkScore cis = section.frameworks().get(0);
        assertThat(cis.id()).isEqualTo("cis-aws-foundations");
        assertThat(cis.name()).isEqualTo("CIS AWS Foundations Benchmark 3.0.0");
        assertThat(cis.passed()).isEqualTo(1);
        assertThat(cis.failed()).isEqualTo(1);
        assertThat(cis.score()).isEqualTo(0.5);
        assertThat(cis.manual()).isEqualTo(report.frameworks().get(0).overall().manual()).isPositive();
        assertThat(cis.sections()).extracting(ComplianceSection.SectionScore::name)
                .containsExactly("Identity and Access Management", "Storage", "Logging", "Monitoring", "Networking");
        ComplianceSection.SectionScore logging = cis.sections().get(2);
        assertThat(logging.passed()).isEqualTo(1);
        assertThat(logging.failed()).isEqualTo(1);
        assertThat(logging.score()).isEqualTo(0.5);
        assertThat(cis.sections().get(3).score()).as("nothing judged: n/a").isNegative();

        ComplianceSection.FrameworkScore gdpr = section.frameworks().get(1);
        assertThat(gdpr.passed()).as("GDPR Art. 32(1)(b) has one passing and three unanswered checks")
                .isZero();

        assertThat(section.failures()).singleElement().satisfies(f -> {
            assertThat(f.checkId()).isEqualTo("cloudtrail.log_file_validation");
            assertThat(f.severity()).isEqualTo("Medium");
            assertThat(f.resource()).endsWith("trail/dev");
        });
        assertThat(section.checkCounts()).containsExactly(new ComplianceSection.StatusCount("PASS", 1),
                new ComplianceSection.StatusCount("FAIL", 1));
        assertThat(section.notes()).containsExactly("Read 1 account.");
    }

    @Test
    void theOcsfFindingUidIsTheStoresFindingIdSoBothOutputsNameOneFailureAlike() {
        CheckResult r = new CheckResult("s3.tls_only", CheckStatus.FAIL, "111122223333", "eu-west-1",
                "AWS::S3::Bucket", "arn:aws:s3:::logs", "Bucket logs allows plain HTTP.");
        assertThat(ComplianceFindingWriter.findingUid(r)).isEqualTo(Finding.idFor(r.checkId(), PostureFindings.keys(r)));
    }
}
