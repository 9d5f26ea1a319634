package dev.vigil.live;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.posture.inventory.Inventory;
import dev.vigil.posture.supplement.SupplementDoc;
import dev.vigil.posture.supplement.Supplements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The small pieces: error documents, the supplementary path convention, and what the writer refuses. */
class SmallPartsTest {

    @Test
    void errorDocumentsCarryTheServiceCodeOrTheClientFailure() {
        AwsServiceException denied = AwsServiceException.builder().statusCode(403)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDenied").errorMessage("no").build()).build();
        assertThat(ErrorDocs.of(denied).toString()).isEqualTo("{\"Error\":{\"Code\":\"AccessDenied\",\"Message\":\"no\"}}");
        ObjectNode network = ErrorDocs.of(SdkClientException.create("Unable to execute HTTP request: timed out"));
        assertThat(network.path("Error").path("Code").asText()).isEqualTo("SdkClientException");
        assertThat(network.path("Error").path("Message").asText()).contains("timed out");
        assertThat(ErrorDocs.isError(network)).isTrue();
    }

    @Test
    void supplementPathsRoundTripSubjectsWithDots() {
        SupplementDoc doc = new SupplementDoc("111111111111", "us-east-1", "backup", "get-backup-selection",
                "plan-1.sel-1", CliJsonNodes.object(), "");
        String relative = SupplementPaths.relative(doc);
        assertThat(relative).isEqualTo("111111111111/us-east-1/backup.get-backup-selection.plan-1.sel-1.json");
        assertThat(SupplementPaths.parse("saved/supplementary/" + relative)).hasValueSatisfying(key -> {
            assertThat(key.service()).isEqualTo("backup");
            assertThat(key.operation()).isEqualTo("get-backup-selection");
            assertThat(key.subject()).isEqualTo("plan-1.sel-1");
        });
        assertThat(SupplementPaths.parse("supplementary/12345/us-east-1/cloudtrail.describe-trails.json")).isEmpty();
    }

    @Test
    void theWriterRefusesSubjectsThatAreNotPlainFileNames(@TempDir Path folder) throws Exception {
        Supplements supplements = new Supplements();
        SupplementDoc fine = new SupplementDoc("111111111111", "us-east-1", "cloudtrail", "get-trail-status",
                "org-trail", CliJsonNodes.object().put("IsLogging", true), "");
        SupplementDoc escaping = new SupplementDoc("111111111111", "us-east-1", "cloudtrail", "get-trail-status",
                "x/../../../../../../../evil", CliJsonNodes.object(), "");
        supplements.add(fine);
        supplements.add(escaping);
        LiveCollection collection = new LiveCollection(new Inventory(), supplements,
                List.of(new LiveCollection.RegionItems("111111111111", "us-east-1", List.of(), List.of())),
                List.of(), List.of(fine, escaping), 2, 0);
        List<String> skipped = SnapshotWriter.write(collection, folder, Instant.parse("2024-05-01T12:00:00Z"));
        assertThat(skipped).singleElement().asString().contains("not a safe file name");
        assertThat(folder.resolve("supplementary/111111111111/us-east-1/cloudtrail.get-trail-status.org-trail.json"))
                .exists();
        Path wouldBe = folder.resolve("supplementary").resolve(SupplementPaths.relative(escaping)).normalize();
        assertThat(wouldBe.startsWith(folder)).isFalse();
        assertThat(wouldBe).doesNotExist();
        try (var files = Files.walk(folder)) {
            assertThat(files.filter(p -> p.getFileName().toString().contains("evil"))).isEmpty();
        }
    }
}
