package dev.vigil.sim;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The output reads like an organisation trail's S3 delivery, file by file and record by record. */
class DeliveryFormatTest {

    private static final Instant START = Instant.parse("2026-10-01T00:00:00Z");
    private static final Duration SPAN = Duration.ofHours(26); // crosses midnight: two date folders
    private static final long EVENTS = 30_000;

    @TempDir
    static Path dir;
    static SimulationResult result;
    static SimulatedOutput out;
    static final List<Long> progress = new ArrayList<>();

    @BeforeAll
    static void generate() {
        result = EstateSimulator.write(dir, new EstateSimulator.Options(42, EVENTS, START, SPAN), progress::add);
        out = SimulatedOutput.read(dir);
    }

    @Test
    void everyFileIsValidGzipJsonWithTheRecordsWrapperAndEveryRecordHasTheAlwaysPresentFields() {
        assertThat(out.files).isNotEmpty();
        assertThat(out.problems).isEmpty();
    }

    @Test
    void logsHoldOnlyCloudTrailAndFlowLogObjectsNamedByTheSpecPatterns() {
        assertThat(out.otherFiles).isEmpty();
        assertThat(out.flowLogFiles).isNotEmpty();
        String org = out.estate.path("organization").path("id").asText();
        assertThat(org).matches("o-[a-z0-9]{10}");
        assertThat(out.files).allSatisfy(f -> assertThat(f.org()).isEqualTo(org));
        Set<String> accounts = new HashSet<>();
        out.estate.path("accounts").forEach(a -> accounts.add(a.path("id").asText()));
        assertThat(out.files).extracting(SimulatedOutput.LogFile::account).allMatch(accounts::contains);
        Set<String> regions = new HashSet<>();
        out.estate.path("regions").forEach(r -> regions.add(r.asText()));
        assertThat(out.files).extracting(SimulatedOutput.LogFile::region).allMatch(regions::contains);
        assertThat(out.files.stream().map(f -> f.key().split("/")[6] + f.key().split("/")[7]).distinct())
                .as("date folders").contains("1001", "1002");
    }

    @Test
    void everyEventIsWrittenOnceAndTheResultCountsMatchTheDisk() {
        assertThat(out.records).hasSize((int) EVENTS);
        assertThat(result.events()).isEqualTo(EVENTS);
        assertThat(out.records.stream().map(SimulatedOutput.Rec::eventId).distinct().count()).isEqualTo(EVENTS);
        assertThat(result.files()).isEqualTo(out.files.size());
        AtomicLong bytes = new AtomicLong();
        out.files.forEach(f -> bytes.addAndGet(dir.resolve("logs").resolve(f.key()).toFile().length()));
        assertThat(result.bytes()).isEqualTo(bytes.get());
        assertThat(result.logsDir()).isEqualTo(dir.resolve("logs"));
        assertThat(result.labelsFile()).isEqualTo(dir.resolve("labels.jsonl"));
        assertThat(result.scenariosFile()).isEqualTo(dir.resolve("scenarios.json"));
        assertThat(result.estateFile()).isEqualTo(dir.resolve("estate.json")).exists();
    }

    @Test
    void eventTimesStayInsideTheTimeline() {
        long first = out.records.stream().mapToLong(SimulatedOutput.Rec::time).min().orElseThrow();
        long last = out.records.stream().mapToLong(SimulatedOutput.Rec::time).max().orElseThrow();
        assertThat(first).isGreaterThanOrEqualTo(START.getEpochSecond());
        assertThat(last).isLessThan(START.plus(SPAN).getEpochSecond());
    }

    @Test
    void deliveryLagsTheEventsAndFilesAreNotSorted() {
        // the bounds themselves are checked per record in problems; here: delays are spread, files shuffled
        long late = out.records.stream().filter(r -> r.delivered() - r.time() > 10 * 60).count();
        assertThat(late).as("records delivered more than 10 minutes late").isPositive();
        assertThat(out.files.stream().filter(f -> !f.sorted()).count())
                .as("files whose records are not in time order").isPositive();
        long neighbours = out.files.stream().filter(f -> f.records() > 1).count();
        assertThat(neighbours).isPositive();
    }

    @Test
    void deliveryWindowsAreFiveMinutesPerAccountAndRegion() {
        // one file per account, region and window: delivery stamps of a stream are 5 minutes apart
        var byStream = new HashMap<String, List<Long>>();
        out.files.forEach(f -> byStream.computeIfAbsent(f.account() + f.region(), k -> new ArrayList<>())
                .add(f.delivered()));
        byStream.values().forEach(stamps -> {
            List<Long> sorted = stamps.stream().sorted().toList();
            for (int i = 1; i < sorted.size(); i++) {
                assertThat((sorted.get(i) - sorted.get(i - 1)) % 300).isZero();
                assertThat(sorted.get(i)).isGreaterThan(sorted.get(i - 1));
            }
        });
    }

    @Test
    void eventTypesCategoriesAndIdentityShapesAreRealistic() {
        Set<String> types = new HashSet<>();
        out.records.forEach(r -> types.add(r.eventType()));
        assertThat(types).contains("AwsApiCall", "AwsConsoleSignIn", "AwsServiceEvent");
        assertThat(out.records).anyMatch(r -> r.category().equals("Data") && Boolean.FALSE.equals(r.managementEvent())
                && r.name().equals("GetObject"));
        assertThat(out.records).allMatch(r -> r.category().equals("Data") == r.source().equals("s3.amazonaws.com")
                && (r.name().equals("GetObject") || r.name().equals("PutObject")) || r.category().equals("Management"));
        Set<String> identities = new HashSet<>();
        out.records.forEach(r -> identities.add(String.valueOf(r.identityType())));
        assertThat(identities).contains("AssumedRole", "IAMUser", "AWSService", "WebIdentityUser", "Root");
        assertThat(out.records).filteredOn(r -> "AWSService".equals(r.identityType()))
                .allMatch(r -> r.sourceIp().endsWith(".amazonaws.com") && r.invokedBy() != null);
        assertThat(out.records).filteredOn(r -> r.source().equals("iam.amazonaws.com")
                        || r.source().equals("signin.amazonaws.com") || r.source().equals("sts.amazonaws.com"))
                .allMatch(r -> r.region().equals("us-east-1"));
        assertThat(out.records).anyMatch(r -> r.arn() != null && r.arn().contains(":assumed-role/AWSReservedSSO_"));
        assertThat(out.records).anyMatch(r -> r.userAgent() != null && r.userAgent().contains("Terraform/"));
        assertThat(out.records).anyMatch(r -> r.userAgent() != null && r.userAgent().startsWith("aws-cli/2."));
        assertThat(out.records).anyMatch(r -> r.userAgent() != null && r.userAgent().contains("Boto3/"));
        assertThat(out.records).anyMatch(r -> "config.amazonaws.com".equals(r.invokedBy())
                && "AssumedRole".equals(r.identityType()));
    }

    @Test
    void everyAddressComesFromADocumentationRangeOrNamesAService() {
        // documentation ranges; 198.18.0.0/15 (benchmarking) for the indicator-listed callers; 3.80-89.x.x, the
        // estate's EC2 addresses (aws-ip-ranges.json), for an instance's own role credentials
        assertThat(out.records).allSatisfy(r -> assertThat(r.sourceIp())
                .matches("(192\\.0\\.2|198\\.51\\.100|203\\.0\\.113|198\\.1[89]\\.\\d{1,3}|3\\.8\\d\\.\\d{1,3})\\.\\d{1,3}"
                        + "|[a-z0-9.-]+\\.amazonaws\\.com|AWS Internal"));
    }

    @Test
    void progressIsReportedUpToTheTotal() {
        assertThat(progress).isNotEmpty().doesNotHaveDuplicates().isSorted();
        assertThat(progress.get(progress.size() - 1)).isEqualTo(EVENTS);
        assertThat(progress).hasSize((int) (EVENTS / 10_000));
    }
}
