package dev.vigil.live;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.vigil.posture.input.PostureInput;
import dev.vigil.posture.input.PostureInputReader;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reads AWS Config deliveries from a real S3-compatible server (S3Proxy with its in-memory store, on loopback):
 * the bucket holds the recorded estate as Config delivers it (gzip snapshot under AWSLogs/...) plus the saved
 * supplementary exports, and reading {@code s3://bucket/prefix} must give what reading the same files from disk gives.
 */
class S3ExportSourceTest {

    private static final String BUCKET = "org-config-archive";
    private static S3Proxy proxy;
    private static S3Client s3;

    @BeforeAll
    static void startS3() throws Exception {
        proxy = S3Proxy.builder()
                .blobStore(new TransientNio2BlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "auditor", "auditor-secret")
                .build();
        proxy.start();
        while (!proxy.getState().equals("STARTED")) {
            Thread.onSpinWait();
        }
        LiveOptions options = LiveOptions.defaults()
                .withCredentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("auditor", "auditor-secret")))
                .withEndpoint(URI.create("http://127.0.0.1:" + proxy.getPort()));
        s3 = S3ExportSource.client(options);
        s3.createBucket(r -> r.bucket(BUCKET));
        Path offline = EstateFiles.estate("offline");
        try (Stream<Path> files = Files.walk(offline)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String relative = offline.relativize(file).toString().replace('\\', '/');
                byte[] body = Files.readAllBytes(file);
                if (relative.contains("/Config/")) {
                    // Config delivers gzip objects; the reader must inflate them.
                    relative = relative + ".gz";
                    body = gzip(body);
                }
                String key = "o-abc123/" + relative;
                s3.putObject(r -> r.bucket(BUCKET).key(key), RequestBody.fromBytes(body));
            }
        }
        s3.putObject(r -> r.bucket(BUCKET).key("o-abc123/README.txt"), RequestBody.fromString("not an export"));
        s3.putObject(r -> r.bucket(BUCKET).key("elsewhere/supplementary/111111111111/global/iam.get-account-summary.json"),
                RequestBody.fromString("{\"SummaryMap\":{}}"));
    }

    @AfterAll
    static void stopS3() throws Exception {
        s3.close();
        proxy.stop();
    }

    @Test
    void readsConfigDeliveriesAndExportsUnderAPrefixAsFromDisk() {
        ExportFiles fromS3 = new S3ExportSource(s3).read("s3://" + BUCKET + "/o-abc123/");
        ExportFiles fromDisk = EstateFiles.read(EstateFiles.estate("offline"));

        assertThat(fromS3.inventory().size()).isEqualTo(6);
        assertThat(EstateFiles.resources(fromS3.inventory().all()))
                .containsExactlyElementsOf(EstateFiles.resources(fromDisk.inventory().all()));
        assertThat(EstateFiles.documents(fromS3.supplements().all()))
                .containsExactlyElementsOf(EstateFiles.documents(fromDisk.supplements().all()));
        assertThat(fromS3.rootUses()).hasSize(2)
                .containsExactlyElementsOf(PostureInputReader.read(List.of(EstateFiles.estate("offline")), Optional.empty()).rootUses());
        assertThat(fromS3.inventory().all()).allMatch(r -> r.source().startsWith("s3://" + BUCKET + "/o-abc123/AWSLogs/"));
        // Only .json/.json.gz objects are read; the other prefix is not.
        assertThat(fromS3.skipped()).isEmpty();
        assertThat(fromS3.supplements().get("111111111111", "global", "iam", "get-account-summary"))
                .hasValueSatisfying(body -> assertThat(body.path("SummaryMap").path("AccountMFAEnabled").asInt()).isEqualTo(1));
    }

    @Test
    void aCopyOfTheBucketReadsLikeTheFilesItCameFrom(@TempDir Path copy) throws IOException {
        long uploaded;
        try (Stream<Path> files = Files.walk(EstateFiles.estate("offline"))) {
            uploaded = files.filter(Files::isRegularFile).count();
        }
        assertThat(new S3ExportSource(s3).copyTo("s3://" + BUCKET + "/o-abc123", copy)).isEqualTo(uploaded);
        PostureInput fromCopy = PostureInputReader.read(List.of(copy), Optional.empty());
        PostureInput fromDisk = PostureInputReader.read(List.of(EstateFiles.estate("offline")), Optional.empty());
        assertThat(fromCopy.summary().problems()).isEmpty();
        assertThat(EstateFiles.resources(fromCopy.inventory().all()))
                .hasSize(6)
                .containsExactlyElementsOf(EstateFiles.resources(fromDisk.inventory().all()));
        assertThat(EstateFiles.documents(fromCopy.supplements().all()))
                .containsExactlyElementsOf(EstateFiles.documents(fromDisk.supplements().all()));
    }

    @Test
    void aMissingBucketSaysWhatPermissionsAreNeeded() {
        assertThatThrownBy(() -> new S3ExportSource(s3).read("s3://no-such-bucket/x"))
                .isInstanceOf(LiveCollectionException.class)
                .hasMessageContaining("s3:ListBucket");
        assertThatThrownBy(() -> new S3ExportSource(s3).read("/tmp/not-s3"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("s3://BUCKET");
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(content);
        }
        return out.toByteArray();
    }

    @Test
    void keysThatWouldLeaveTheCopyFolderAreRefused(@TempDir Path root) {
        Path r = root.toAbsolutePath().normalize();
        assertThat(S3ExportSource.target(r, "p/", "p/AWSLogs/1/x.json")).contains(r.resolve("AWSLogs/1/x.json"));
        assertThat(S3ExportSource.target(r, "p/", "p/a/../../../escape.json")).isEmpty();
        assertThat(S3ExportSource.target(r, "p/", "p/../x.json")).isEmpty();
        assertThat(S3ExportSource.target(r, "p/", "p/")).isEmpty();
        assertThat(S3ExportSource.target(r, "p/", "p/a/..")).isEmpty();
        assertThat(S3ExportSource.target(r, "p/", "p/nul\u0000.json")).isEmpty();
        assertThat(S3ExportSource.target(r, "p/", "q/outside-the-prefix.json")).isEmpty();
        assertThat(S3ExportSource.target(r, "", "\u001b[2Jname.json")).as("odd but harmless names are copied")
                .contains(r.resolve("\u001b[2Jname.json"));
    }

    @Test
    void locationsAreParsedAsWrittenNotPercentDecoded() {
        assertThat(S3ExportSource.bucket("S3://my_bucket/a b/%41")).isEqualTo("my_bucket");
        assertThat(S3ExportSource.prefix("S3://my_bucket/a b/%41")).isEqualTo("a b/%41");
        assertThat(S3ExportSource.prefix("s3://bucket")).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> S3ExportSource.bucket("s3://"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("s3://BUCKET");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> S3ExportSource.bucket("https://bucket/x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A provider that says whether it was closed. */
    static final class ClosingProvider implements software.amazon.awssdk.auth.credentials.AwsCredentialsProvider,
            software.amazon.awssdk.utils.SdkAutoCloseable {
        boolean closed;

        @Override
        public software.amazon.awssdk.auth.credentials.AwsCredentials resolveCredentials() {
            return AwsBasicCredentials.create("auditor", "auditor-secret");
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /**
     * {@link S3ExportSource#client} hands the client a provider (the default chain or a profile, which hold
     * resources) that nobody else keeps: closing the client must close it too, which the SDK does.
     */
    @Test
    void closingTheClientClosesItsCredentialsProvider() {
        ClosingProvider provider = new ClosingProvider();
        LiveOptions options = LiveOptions.defaults().withCredentials(provider)
                .withEndpoint(URI.create("http://127.0.0.1:" + proxy.getPort()));
        S3ExportSource.client(options).close();
        assertThat(provider.closed).isTrue();
    }
}
