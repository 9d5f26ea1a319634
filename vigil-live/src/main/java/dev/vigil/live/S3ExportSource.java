package dev.vigil.live;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * Reads AWS Config deliveries (and saved supplementary exports) straight from S3: {@code s3://bucket/prefix} is
 * listed and every {@code .json}/{@code .json.gz} object under it read as {@link ExportFiles} reads a file. This is
 * the auditor's natural live path: read-only access to the log-archive bucket, no Config API access needed.
 *
 * <p>Objects are read in key order, the order a synced copy of the bucket would be walked in, so the result does
 * not depend on the channel.
 */
public final class S3ExportSource {

    private final S3Client s3;

    public S3ExportSource(S3Client s3) {
        this.s3 = s3;
    }

    /**
     * An S3 client for {@code options} (credentials, endpoint, retries), able to reach a bucket in any region;
     * the caller closes it. With an endpoint override (an S3-compatible server) it uses path-style addressing.
     */
    public static S3Client client(LiveOptions options) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(AwsClients.HOME_REGION))
                .crossRegionAccessEnabled(true)
                .forcePathStyle(options.endpoint().isPresent())
                .credentialsProvider(AwsClients.credentials(options))
                .overrideConfiguration(o -> o.retryStrategy(
                        ThrottleAwareRetryStrategy.of(options, new AtomicInteger())));
        options.httpClient().ifPresentOrElse(builder::httpClient,
                () -> builder.httpClientBuilder(UrlConnectionHttpClient.builder()));
        options.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** Reads everything under {@code location} ({@code s3://bucket} or {@code s3://bucket/prefix}). */
    public ExportFiles read(String location) {
        ExportFiles files = new ExportFiles();
        each(location, (key, body) -> files.read(key, body));
        return files;
    }

    /**
     * Copies every {@code .json}/{@code .json.gz} object under {@code location} into {@code folder}, keeping the key
     * below the prefix as the relative path, so the offline reader (CloudTrail logs, history files and all) reads the
     * bucket exactly as it reads a synced copy. A key that would leave the folder is refused.
     *
     * @return the number of files written
     */
    public int copyTo(String location, Path folder) {
        Path root = folder.toAbsolutePath().normalize();
        String prefix = prefix(location);
        int[] written = {0};
        each(location, (name, body) -> {
            String key = name.substring(name.indexOf('/', "s3://".length()) + 1);
            String relative = key.substring(prefix.length()).replaceFirst("^/+", "");
            Path target = root.resolve(relative).normalize();
            if (relative.isEmpty() || !target.startsWith(root)) {
                throw new LiveCollectionException("Refused to copy the S3 object " + name
                        + ": its key leads outside " + folder + ".");
            }
            try {
                Files.createDirectories(target.getParent());
                Files.write(target, body);
                written[0]++;
            } catch (IOException cannotWrite) {
                throw new UncheckedIOException("Could not write " + target + "; check the folder is writable.",
                        cannotWrite);
            }
        });
        return written[0];
    }

    private void each(String location, BiConsumer<String, byte[]> sink) {
        String bucket = bucket(location);
        String prefix = prefix(location);
        try {
            for (S3Object object : s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents()) {
                String key = object.key();
                String lower = key.toLowerCase(Locale.ROOT);
                if (lower.endsWith(".json") || lower.endsWith(".json.gz")) {
                    sink.accept("s3://" + bucket + "/" + key,
                            s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray());
                }
            }
        } catch (SdkException failed) {
            throw new LiveCollectionException("Could not read " + location + " (" + failed.getMessage()
                    + "); the credentials need s3:ListBucket and s3:GetObject on it.", failed);
        }
    }

    private static URI uri(String location) {
        URI uri;
        try {
            uri = URI.create(location);
        } catch (IllegalArgumentException notAUri) {
            uri = null;
        }
        if (uri == null || !"s3".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("Not an S3 location: " + location
                    + "; write it as s3://BUCKET or s3://BUCKET/PREFIX.");
        }
        return uri;
    }

    private static String bucket(String location) {
        return uri(location).getHost();
    }

    private static String prefix(String location) {
        String path = uri(location).getPath();
        return path == null ? "" : path.replaceFirst("^/", "");
    }
}
