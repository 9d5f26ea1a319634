package dev.vigil.report;

import dev.vigil.model.Finding;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ComplianceSectionTest {

    static ComplianceSection section(List<ComplianceSection.Failure> failures) {
        return new ComplianceSection(
                List.of(new ComplianceSection.FrameworkScore("cis-aws-foundations", "CIS AWS Foundations v5.0.0",
                                0.75, 30, 10, 2, 5, 3, List.of(
                                new ComplianceSection.SectionScore("Logging", 0.5, 4, 4, 0, 0),
                                new ComplianceSection.SectionScore("Monitoring", 1.0, 15, 0, 1, 0))),
                        new ComplianceSection.FrameworkScore("gdpr", "GDPR", -1, 0, 0, 3, 8, 0, List.of())),
                failures,
                List.of(new ComplianceSection.StatusCount("PASS", 120), new ComplianceSection.StatusCount("FAIL", 14)),
                List.of("Read 2 accounts, 3 regions."));
    }

    static ComplianceSection.Failure failure(String resource, String reason) {
        return new ComplianceSection.Failure("cloudtrail.log_file_validation", "CloudTrail log file validation is enabled",
                "Medium", "111122223333", "us-east-1", resource, reason);
    }

    @Test
    void showsEveryFrameworkWithItsScoreAndSectionsAndTheFailingChecks() {
        Page page = Page.renderPosture(List.of(), section(List.of(failure("arn:aws:cloudtrail:us-east-1:111122223333:trail/dev",
                "Log file validation is off on trail dev."))));
        assertThat(page.all("//nav//a[@href='#compliance']")).hasSize(1);
        assertThat(page.text("//div[@id='framework-cis-aws-foundations']//span[@class='score']")).isEqualTo("75%");
        assertThat(page.text("//div[@id='framework-gdpr']//span[@class='score']"))
                .as("nothing automated judged: no score rather than 0% or 100%").isEqualTo("n/a");
        assertThat(page.all("//div[@id='framework-cis-aws-foundations']//tr")).hasSize(2);
        assertThat(page.all("//div[@id='framework-cis-aws-foundations']//*[local-name()='svg']")).hasSize(2);
        assertThat(page.texts("//table[@class='failures']//tbody//td")).contains("111122223333", "us-east-1",
                "Log file validation is off on trail dev.");
        assertThat(page.html).contains("<b>120</b> PASS");
    }

    @Test
    void thePosturePageHasComplianceAndFailingChecksButNoScanSections() {
        Finding failing = Fixtures.finding("cloudtrail.log_file_validation", "CloudTrail log file validation is enabled",
                dev.vigil.model.Severity.MEDIUM).build();
        Page page = Page.renderPostureOnly(List.of(failing), section(List.of(failure("arn:aws:cloudtrail:us-east-1:"
                + "111122223333:trail/dev", "Log file validation is off on trail dev."))));
        assertThat(page.all("//nav//a")).extracting(n -> n.getAttributes().getNamedItem("href").getNodeValue())
                .containsExactly("#compliance", "#findings", "#details");
        assertThat(page.text("//div[@id='framework-cis-aws-foundations']//span[@class='score']")).isEqualTo("75%");
        assertThat(page.html).contains("CloudTrail log file validation is enabled", "Assessed")
                .doesNotContain("id=\"timeline\"").doesNotContain("What was read").doesNotContain("Scanned");
    }

    @Test
    void noFailureSaysSo() {
        Page page = Page.renderPosture(List.of(), section(List.of()));
        assertThat(page.html).contains("No check failed.");
        assertThat(page.all("//table[@class='failures']")).isEmpty();
    }

    @Test
    void hostileResourceNamesAndReasonsAreEscaped() {
        Page page = Page.renderPosture(List.of(), section(List.of(failure(Hostile.ATTRIBUTE_BREAKOUT, Hostile.EVERYTHING))));
        assertThat(page.html).doesNotContain("<img").doesNotContain("<script").doesNotContain("<style>*");
    }

    @Test
    void aLongFailureListIsCappedAndTheRestCounted() {
        List<ComplianceSection.Failure> many = new ArrayList<>();
        for (int i = 0; i < ComplianceSectionWriter.MAX_FAILURES + 7; i++) {
            many.add(failure("vol-" + i, "Volume vol-" + i + " is not encrypted."));
        }
        Page page = Page.renderPosture(List.of(), section(many));
        assertThat(page.all("//table[@class='failures']//tbody/tr")).hasSize(ComplianceSectionWriter.MAX_FAILURES);
        assertThat(page.html).contains("And 7 more failing results");
    }

    @Test
    void withoutAComplianceSectionThereIsNoNavEntry() {
        Page page = Page.renderPosture(List.of(), null);
        assertThat(page.all("//nav//a[@href='#compliance']")).isEmpty();
        assertThat(page.all("//section[@id='compliance']")).isEmpty();
    }
}
