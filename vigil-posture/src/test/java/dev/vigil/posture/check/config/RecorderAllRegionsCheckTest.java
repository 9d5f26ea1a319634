package dev.vigil.posture.check.config;

import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.CheckStatus;
import dev.vigil.posture.check.EstateFixture;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RecorderAllRegionsCheckTest {

    static final String A = "111111111111";
    final RecorderAllRegionsCheck check = new RecorderAllRegionsCheck();

    static String recorders(boolean allSupported, boolean global) {
        return """
                {"ConfigurationRecorders":[{"name":"default","roleARN":"arn:aws:iam::111111111111:role/config",
                 "recordingGroup":{"allSupported":%s,"includeGlobalResourceTypes":%s,"resourceTypes":[],
                  "exclusionByResourceTypes":{"resourceTypes":[]},"recordingStrategy":{"useOnly":"%s"}},
                 "recordingMode":{"recordingFrequency":"CONTINUOUS","recordingModeOverrides":[]}}]}"""
                .formatted(allSupported, global, allSupported ? "ALL_SUPPORTED_RESOURCE_TYPES" : "INCLUSION_BY_RESOURCE_TYPES");
    }

    static String status(boolean recording, String last) {
        return """
                {"ConfigurationRecordersStatus":[{"name":"default","lastStartTime":"2026-05-01T00:00:00+00:00",
                 "recording":%s,"lastStatus":"%s","lastErrorCode":"AccessDenied","lastStatusChangeTime":"2026-06-01T11:00:00+00:00"}]}"""
                .formatted(recording, last);
    }

    static CheckResult at(List<CheckResult> results, String region) {
        return results.stream().filter(r -> r.region().equals(region)).findFirst().orElseThrow();
    }

    @Test
    void recordingEverywhereWithGlobalTypesInOneRegionPasses() {
        List<CheckResult> results = check.evaluate(new EstateFixture()
                .export(A, "us-east-1", "configservice", "describe-configuration-recorders", recorders(true, true))
                .export(A, "us-east-1", "configservice", "describe-configuration-recorder-status", status(true, "SUCCESS"))
                .export(A, "eu-west-1", "configservice", "describe-configuration-recorders", recorders(true, false))
                .export(A, "eu-west-1", "configservice", "describe-configuration-recorder-status", status(true, "PENDING"))
                .estate());
        assertThat(results).hasSize(3).allMatch(r -> r.status() == CheckStatus.PASS);
        assertThat(at(results, "global").reason()).contains("us-east-1");
        assertThat(at(results, "eu-west-1").resource()).isEqualTo(A + "/eu-west-1");
    }

    @Test
    void aStoppedFailingPartialOrAbsentRecorderFails() {
        List<CheckResult> results = check.evaluate(new EstateFixture()
                .export(A, "us-east-1", "configservice", "describe-configuration-recorders", recorders(true, false))
                .export(A, "us-east-1", "configservice", "describe-configuration-recorder-status", status(false, "SUCCESS"))
                .export(A, "eu-west-1", "configservice", "describe-configuration-recorders", recorders(true, false))
                .export(A, "eu-west-1", "configservice", "describe-configuration-recorder-status", status(true, "FAILURE"))
                .export(A, "eu-central-1", "configservice", "describe-configuration-recorders", recorders(false, false))
                .export(A, "ap-south-1", "configservice", "describe-configuration-recorders", "{\"ConfigurationRecorders\":[]}")
                .estate());
        assertThat(results).allMatch(r -> r.status() == CheckStatus.FAIL);
        assertThat(at(results, "us-east-1").reason()).contains("stopped");
        assertThat(at(results, "eu-west-1").reason()).contains("FAILURE", "AccessDenied");
        assertThat(at(results, "eu-central-1").reason()).contains("selected resource types");
        assertThat(at(results, "ap-south-1").reason()).contains("No AWS Config recorder");
        assertThat(at(results, "global").reason()).contains("global resource types");
    }

    @Test
    void missingOrDeniedExportsAreErrorsPerRegion() {
        List<CheckResult> results = check.evaluate(new EstateFixture()
                .deniedExport(A, "us-east-1", "configservice", "describe-configuration-recorders")
                .export(A, "eu-west-1", "configservice", "describe-configuration-recorders", recorders(true, true))
                .estate());
        assertThat(at(results, "us-east-1").status()).isEqualTo(CheckStatus.ERROR);
        assertThat(at(results, "us-east-1").reason()).contains("AccessDenied");
        assertThat(at(results, "eu-west-1").status()).isEqualTo(CheckStatus.ERROR);
        assertThat(at(results, "eu-west-1").reason()).contains("configservice.describe-configuration-recorder-status.json");
        // eu-west-1's recorder would record IAM, but its state is unknown: neither PASS nor FAIL.
        assertThat(at(results, "global").status()).isEqualTo(CheckStatus.ERROR);
        assertThat(at(results, "global").reason()).contains("depends on the recorder in");
    }

    @Test
    void aCloudFormationStyleRecorderItemStandsInForTheExport() {
        List<CheckResult> results = check.evaluate(new EstateFixture()
                .resource("AWS::Config::ConfigurationRecorder", "default", A, "us-east-1", """
                        {"Name":"default","Recording":true,"RecordingGroup":{"AllSupported":true,"IncludeGlobalResourceTypes":true}}""")
                .estate());
        assertThat(at(results, "us-east-1").status()).isEqualTo(CheckStatus.PASS);
        assertThat(at(results, "global").status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void anyPassingRecorderOfSeveralInARegionIsEnoughAndStatusIsMatchedByName() {
        List<CheckResult> results = check.evaluate(new EstateFixture()
                .export(A, "us-east-1", "configservice", "describe-configuration-recorders", """
                        {"ConfigurationRecorders":[
                          {"name":"aws-service-linked","recordingGroup":{"allSupported":false,"resourceTypes":["AWS::EC2::Instance"]}},
                          {"name":"default","recordingGroup":{"allSupported":true,"includeGlobalResourceTypes":true}}]}""")
                .export(A, "us-east-1", "configservice", "describe-configuration-recorder-status", """
                        {"ConfigurationRecordersStatus":[{"name":"default","recording":true,"lastStatus":"SUCCESS"}]}""")
                .estate());
        assertThat(at(results, "us-east-1").status()).isEqualTo(CheckStatus.PASS);
        assertThat(at(results, "us-east-1").reason()).contains("default");

        List<CheckResult> otherName = check.evaluate(new EstateFixture()
                .export(A, "us-east-1", "configservice", "describe-configuration-recorders", recorders(true, true))
                .export(A, "us-east-1", "configservice", "describe-configuration-recorder-status", """
                        {"ConfigurationRecordersStatus":[{"name":"another","recording":true,"lastStatus":"SUCCESS"}]}""")
                .estate());
        assertThat(at(otherName, "us-east-1").status()).isEqualTo(CheckStatus.FAIL);
        assertThat(at(otherName, "us-east-1").reason()).contains("never been started");
    }

    @Test
    void anAccountKnownOnlyFromOrganizationsIsAnErrorNotSilence() {
        List<CheckResult> results = check.evaluate(new EstateFixture()
                .export("111111111111", "global", "organizations", "list-accounts",
                        "{\"Accounts\":[{\"Id\":\"999999999999\",\"Status\":\"ACTIVE\"}]}").estate());
        assertThat(results).filteredOn(r -> r.account().equals("999999999999"))
                .extracting(CheckResult::status).containsExactly(CheckStatus.ERROR);
    }

    @Test
    void globalTypesCountOnlyFromARecorderThatPasses() {
        // The only recorder with IAM types is stopped: nothing records IAM, whatever its settings say.
        List<CheckResult> results = check.evaluate(new EstateFixture()
                .export(A, "us-east-1", "configservice", "describe-configuration-recorders", recorders(true, true))
                .export(A, "us-east-1", "configservice", "describe-configuration-recorder-status", status(false, "SUCCESS"))
                .export(A, "eu-west-1", "configservice", "describe-configuration-recorders", recorders(true, false))
                .export(A, "eu-west-1", "configservice", "describe-configuration-recorder-status", status(true, "SUCCESS"))
                .estate());
        assertThat(at(results, "us-east-1").status()).isEqualTo(CheckStatus.FAIL);
        assertThat(at(results, "global").status()).isEqualTo(CheckStatus.FAIL);
        assertThat(at(results, "global").reason()).contains("us-east-1", "not recording");
    }
}
