package dev.vigil.live;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudtrail.model.DescribeTrailsResponse;
import software.amazon.awssdk.services.cloudtrail.model.GetTrailStatusResponse;
import software.amazon.awssdk.services.cloudtrail.model.Trail;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsResponse;
import software.amazon.awssdk.services.ec2.model.Region;
import software.amazon.awssdk.services.guardduty.model.GetDetectorResponse;
import software.amazon.awssdk.services.iam.model.GetCredentialReportResponse;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CliJsonTest {

    @Test
    void namesMembersAsTheCliPrintsThemNotAsTheWireDoes() throws Exception {
        JsonNode regions = CliJson.toJson(DescribeRegionsResponse.builder()
                .regions(Region.builder().regionName("eu-west-1").optInStatus("opt-in-not-required").build())
                .build());
        // EC2's wire names are regionInfo/regionName; the CLI prints the model's member names.
        assertThat(regions).isEqualTo(CliJsonNodes.JSON.readTree(
                "{\"Regions\":[{\"RegionName\":\"eu-west-1\",\"OptInStatus\":\"opt-in-not-required\"}]}"));

        JsonNode trails = CliJson.toJson(DescribeTrailsResponse.builder()
                .trailList(Trail.builder().name("org").isMultiRegionTrail(true).build()).build());
        // CloudTrail's model really names this member in lower camel case, and so does the CLI.
        assertThat(trails.path("trailList").get(0).path("Name").asText()).isEqualTo("org");
        assertThat(trails.path("trailList").get(0).path("IsMultiRegionTrail").isBoolean()).isTrue();
    }

    @Test
    void leavesOutWhatTheServiceDidNotSend() {
        JsonNode body = CliJson.toJson(DescribeTrailsResponse.builder().build());
        assertThat(body.has("trailList")).isFalse();
        JsonNode empty = CliJson.toJson(DescribeTrailsResponse.builder().trailList(java.util.List.of()).build());
        assertThat(empty.path("trailList").isArray()).isTrue();
        assertThat(empty.path("trailList")).isEmpty();
    }

    @Test
    void printsTimestampsBlobsAndMapsAsTheCli() {
        JsonNode status = CliJson.toJson(GetTrailStatusResponse.builder().isLogging(true)
                .latestDeliveryTime(Instant.parse("2024-05-01T10:00:00Z"))
                .latestCloudWatchLogsDeliveryTime(Instant.parse("2024-05-01T10:00:00.250Z")).build());
        assertThat(status.path("LatestDeliveryTime").asText()).isEqualTo("2024-05-01T10:00:00+00:00");
        assertThat(status.path("LatestCloudWatchLogsDeliveryTime").asText())
                .isEqualTo("2024-05-01T10:00:00.250000+00:00");

        JsonNode report = CliJson.toJson(GetCredentialReportResponse.builder()
                .content(SdkBytes.fromString("user,arn\n", StandardCharsets.UTF_8)).reportFormat("text/csv").build());
        assertThat(report.path("Content").asText()).isEqualTo("dXNlcixhcm4K");

        JsonNode detector = CliJson.toJson(GetDetectorResponse.builder().status("ENABLED")
                .tags(Map.of("team", "sec")).build());
        assertThat(detector.path("Status").asText()).isEqualTo("ENABLED");
        assertThat(detector.path("Tags").path("team").asText()).isEqualTo("sec");
    }
}
