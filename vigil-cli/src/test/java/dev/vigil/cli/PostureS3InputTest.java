package dev.vigil.cli;

import dev.vigil.live.ReplayEstate;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code vigil posture s3://BUCKET/PREFIX} against a real S3-compatible server (S3Proxy, in memory, on loopback):
 * an auditor pointing Vigil at the Config delivery bucket gets exactly the verdicts of a synced copy on disk.
 */
class PostureS3InputTest {

    private static final String BUCKET = "org-config-archive";
    private static final String KEY = "auditor";
    private static final String SECRET = "auditor-secret";
    private static S3Proxy proxy;

    @TempDir
    Path dir;

    @BeforeAll
    static void startS3() throws Exception {
        proxy = S3Proxy.builder().blobStore(new TransientNio2BlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, KEY, SECRET).build();
        proxy.start();
        while (!proxy.getState().equals("STARTED")) {
            Thread.onSpinWait();
        }
        try (S3Client s3 = S3Client.builder().region(Region.US_EAST_1).forcePathStyle(true)
                .endpointOverride(URI.create("http://127.0.0.1:" + proxy.getPort()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY, SECRET)))
                .build()) {
            s3.createBucket(r -> r.bucket(BUCKET));
            Path offline = ReplayEstate.offlineFiles();
            try (Stream<Path> files = Files.walk(offline)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String key = "o-abc123/" + offline.relativize(file).toString().replace('\\', '/');
                    s3.putObject(r -> r.bucket(BUCKET).key(key), RequestBody.fromFile(file));
                }
            }
        }
    }

    @AfterAll
    static void stopS3() throws Exception {
        proxy.stop();
    }

    @BeforeEach
    void credentials() {
        System.setProperty("aws.accessKeyId", KEY);
        System.setProperty("aws.secretAccessKey", SECRET);
        System.setProperty("aws.region", "us-east-1");
    }

    @AfterEach
    void clear() {
        List.of("aws.accessKeyId", "aws.secretAccessKey", "aws.region").forEach(System::clearProperty);
    }

    private CliRunner.Result posture(String out, String... inputs) {
        List<String> args = new java.util.ArrayList<>(List.of("posture", "--out", dir.resolve(out).toString(),
                "--no-store", "--at", PostureLiveCommandTest.AT,
                "--endpoint-url", "http://127.0.0.1:" + proxy.getPort()));
        args.addAll(List.of(inputs));
        return CliRunner.run(args.toArray(String[]::new));
    }

    @Test
    void aDeliveryBucketJudgesLikeItsCopyOnDisk() throws IOException {
        CliRunner.Result fromS3 = posture("s3", "s3://" + BUCKET + "/o-abc123/");
        assertThat(fromS3.exitCode()).as(fromS3.out() + fromS3.err()).isEqualTo(ExitCode.OK);
        CliRunner.Result fromDisk = posture("disk", ReplayEstate.offlineFiles().toString());
        assertThat(fromDisk.exitCode()).as(fromDisk.out() + fromDisk.err()).isEqualTo(ExitCode.OK);

        List<String> s3Results = Files.readAllLines(dir.resolve("s3").resolve(PostureRun.RESULTS_FILE));
        assertThat(s3Results).hasSizeGreaterThan(50)
                .containsExactlyElementsOf(Files.readAllLines(dir.resolve("disk").resolve(PostureRun.RESULTS_FILE)));
    }

    @Test
    void aLocationThatIsNotS3IsAClearError() {
        CliRunner.Result r = posture("bad", "s3://");
        assertThat(r.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(r.err()).contains("Not an S3 location").doesNotContain("internal error");
    }

    @Test
    void anEmptyPrefixIsAClearError() {
        CliRunner.Result r = posture("none", "s3://" + BUCKET + "/no-such-prefix/");
        assertThat(r.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(r.err()).contains("no objects under s3://" + BUCKET + "/no-such-prefix/");
    }

    @Test
    void liveOnlyOptionsWithoutLiveAreRefused() {
        CliRunner.Result r = posture("refused", "--role-name", "Audit", ReplayEstate.offlineFiles().toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(r.err()).contains("--role-name only work with --live");
    }
}
