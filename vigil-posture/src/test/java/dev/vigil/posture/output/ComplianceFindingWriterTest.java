package dev.vigil.posture.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.formats.findings.FindingFileReader;
import dev.vigil.formats.findings.IncomingFinding;
import dev.vigil.model.Problem;
import dev.vigil.model.Severity;
import dev.vigil.model.Workflow;
import dev.vigil.posture.check.CheckMetadata;
import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.CheckStatus;
import dev.vigil.posture.check.Remediation;
import dev.vigil.posture.framework.FrameworkLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import static org.assertj.core.api.Assertions.assertThat;

class ComplianceFindingWriterTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    static final String TRAIL = "arn:aws:cloudtrail:us-east-1:111122223333:trail/dev";
    static final CheckMetadata VALIDATION = new CheckMetadata("cloudtrail.log_file_validation",
            "CloudTrail log file validation is enabled", "CloudTrail", Severity.HIGH, "AWS::CloudTrail::Trail",
            "Validation proves the logs were not altered.",
            new Remediation("Turn on log file validation.", "aws cloudtrail update-trail --name dev "
                    + "--enable-log-file-validation", "", "enable_log_file_validation = true"),
            List.of("cloudtrail:DescribeTrails"));
    static final ObjectMapper JSON = new ObjectMapper();

    static ComplianceFindingWriter writer(boolean includePassed) {
        return new ComplianceFindingWriter(FrameworkLoader.builtIns(), List.of(VALIDATION), NOW,
                new ComplianceFindingWriter.Options(includePassed, "1.2.3"));
    }

    static List<CheckResult> results() {
        return List.of(
                new CheckResult("cloudtrail.log_file_validation", CheckStatus.FAIL, "111122223333", "us-east-1",
                        "AWS::CloudTrail::Trail", TRAIL, "Log file validation is off on trail dev.\n\"},{\"x\":1"),
                new CheckResult("cloudtrail.log_file_validation", CheckStatus.PASS, "444455556666", "us-east-1",
                        "AWS::CloudTrail::Trail", "arn:aws-us-gov:cloudtrail:us-gov-west-1:444455556666:trail/main",
                        "Log file validation is on."),
                new CheckResult("cloudtrail.log_file_validation", CheckStatus.ERROR, "777788889999", "us-east-1",
                        "AWS::CloudTrail::Trail", "777788889999/us-east-1", "No cloudtrail.describe-trails.json export."),
                new CheckResult("custom.tagging", CheckStatus.FAIL, "111122223333", "eu-west-1", "AWS::EC2::Volume",
                        "vol-0abc", "Volume vol-0abc has no owner tag."));
    }

    @Test
    void writesOneComplianceFindingPerFailureWithTheFrameworkRequirements() throws IOException {
        StringWriter out = new StringWriter();
        int n = writer(false).write(results(), out);
        List<String> lines = out.toString().lines().toList();
        assertThat(n).isEqualTo(2);
        assertThat(lines).hasSize(2);

        JsonNode f = JSON.readTree(lines.get(0));
        assertThat(f.path("class_uid").asInt()).isEqualTo(2003);
        assertThat(f.path("type_uid").asInt()).isEqualTo(200301);
        assertThat(f.path("severity_id").asInt()).isEqualTo(4);
        assertThat(f.path("status_id").asInt()).isEqualTo(1);
        assertThat(f.path("time").asLong()).isEqualTo(NOW.toEpochMilli());
        assertThat(f.path("metadata").path("version").asText()).isEqualTo("1.3.0");
        assertThat(f.path("finding_info").path("title").asText()).isEqualTo("CloudTrail log file validation is enabled");
        assertThat(f.path("finding_info").path("uid").asText()).isEqualTo(ComplianceFindingWriter.findingUid(
                results().get(0)));
        JsonNode c = f.path("compliance");
        assertThat(c.path("control").asText()).isEqualTo("cloudtrail.log_file_validation");
        assertThat(c.path("status").asText()).isEqualTo("Fail");
        assertThat(c.path("status_id").asInt()).isEqualTo(3);
        assertThat(c.path("status_code").asText()).isEqualTo("FAIL");
        List<String> reqs = new ArrayList<>();
        c.path("requirements").forEach(x -> reqs.add(x.asText()));
        assertThat(reqs).contains("cis-aws-foundations/3.2", "aws-fsbp/CloudTrail.4", "pci-dss-v4.0/10.3.4",
                "nist-800-53-r5/AU-9(3)");
        List<String> standards = new ArrayList<>();
        c.path("standards").forEach(x -> standards.add(x.asText()));
        assertThat(standards).contains("CIS AWS Foundations Benchmark 3.0.0", "PCI DSS 4.0");
        assertThat(f.path("resources").get(0).path("uid").asText()).isEqualTo(TRAIL);
        assertThat(f.path("resources").get(0).path("cloud_partition").asText()).isEqualTo("aws");
        assertThat(f.path("cloud").path("account").path("uid").asText()).isEqualTo("111122223333");
        assertThat(f.path("cloud").path("region").asText()).isEqualTo("us-east-1");
        assertThat(f.path("remediation").path("desc").asText()).isEqualTo("Turn on log file validation.");
        assertThat(f.path("message").asText()).as("a hostile reason stays inside its string")
                .isEqualTo("Log file validation is off on trail dev.\n\"},{\"x\":1");

        JsonNode custom = JSON.readTree(lines.get(1));
        assertThat(custom.path("compliance").path("standards").get(0).asText())
                .isEqualTo(ComplianceFindingWriter.CATALOGUE_STANDARD);
        assertThat(custom.path("compliance").path("requirements")).isEmpty();
        assertThat(custom.path("severity_id").asInt()).as("unknown check: medium").isEqualTo(3);
    }

    @Test
    void theFindingIdIsStableAcrossRunsAndDistinctPerResource() {
        CheckResult a = results().get(0);
        CheckResult sameLater = new CheckResult(a.checkId(), a.status(), a.account(), a.region(), a.resourceType(),
                a.resource(), "Worded differently.");
        assertThat(ComplianceFindingWriter.findingUid(sameLater)).isEqualTo(ComplianceFindingWriter.findingUid(a));
        assertThat(ComplianceFindingWriter.findingUid(results().get(1)))
                .isNotEqualTo(ComplianceFindingWriter.findingUid(a));
    }

    @Test
    void roundTripsThroughVigilsOcsfFindingReader(@TempDir Path dir) throws Exception {
        int n = writer(true).writeTo(dir.resolve("out"), results());
        assertThat(n).as("two failures and one pass; the error is not written").isEqualTo(3);
        Path file = dir.resolve("out").resolve(ComplianceFindingWriter.FILE_NAME);
        assertThat(file).exists();

        List<IncomingFinding> read = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        new FindingFileReader(FindingFileReader.Limits.DEFAULT, new LongAdder())
                .read(file, "findings.ocsf.jsonl", read::add, problems::add);
        assertThat(problems).isEmpty();
        assertThat(read).hasSize(3);

        IncomingFinding fail = read.get(0);
        assertThat(fail.finding().rule().id()).isEqualTo("cloudtrail.log_file_validation");
        assertThat(fail.finding().severity()).isEqualTo(Severity.HIGH);
        assertThat(fail.finding().account()).isEqualTo("111122223333");
        assertThat(fail.finding().region()).isEqualTo("us-east-1");
        assertThat(fail.finding().resource()).isEqualTo(TRAIL);
        assertThat(fail.resourceType()).isEqualTo("AWS::CloudTrail::Trail");
        assertThat(fail.origin().productFindingId()).isEqualTo(ComplianceFindingWriter.findingUid(results().get(0)));
        assertThat(fail.workflow()).contains(Workflow.NEW);
        assertThat(fail.finding().lastSeen()).isEqualTo(NOW);

        IncomingFinding pass = read.get(1);
        assertThat(pass.workflow()).as("a pass resolves the finding").contains(Workflow.RESOLVED);
        assertThat(pass.finding().account()).isEqualTo("444455556666");
        assertThat(pass.finding().severity()).isEqualTo(Severity.INFORMATIONAL);

        assertThat(read.get(2).finding().rule().id()).isEqualTo("custom.tagging");
        assertThat(read.get(2).finding().resource()).isEqualTo("vol-0abc");
    }

    @Test
    void partitionsAreTakenOnlyFromWellFormedArns() {
        assertThat(ComplianceFindingWriter.partition("arn:aws-cn:s3:::b")).isEqualTo("aws-cn");
        assertThat(ComplianceFindingWriter.partition("arn:<script>:s3:::b")).isEmpty();
        assertThat(ComplianceFindingWriter.partition("111122223333/us-east-1")).isEmpty();
    }

    @Test
    void withoutResultsTheFileIsEmptyButPresent(@TempDir Path dir) throws IOException {
        assertThat(writer(false).writeTo(dir, List.of())).isZero();
        assertThat(Files.readString(dir.resolve(ComplianceFindingWriter.FILE_NAME))).isEmpty();
    }
}
