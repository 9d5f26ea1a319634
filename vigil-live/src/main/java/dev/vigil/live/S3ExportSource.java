package dev.vigil.live;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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

    /** Objects larger than this are not copied: no AWS Config delivery or CLI export comes near it. */
    public static final long MAX_OBJECT_BYTES = 4L << 30;

    /**
     * What a copy did.
     *
     * @param written files written
     * @param skipped objects not copied, each with the reason (a key leading outside the folder, a key that collides
     *                with another as file and folder, an object over {@link #MAX_OBJECT_BYTES}, a failed download)
     */
    public record CopyResult(int written, List<String> skipped) {
        public CopyResult {
            skipped = List.copyOf(skipped);
        }
    }

    /**
     * Copies every {@code .json}/{@code .json.gz} object under {@code location} into {@code folder}, keeping the key
     * below the prefix as the relative path, so the offline reader (CloudTrail logs, history files and all) reads the
     * bucket exactly as it reads a synced copy. Objects stream to disk, never held whole. An object that cannot be
     * copied safely is skipped and named in the result; the others are copied.
     */
    public CopyResult copy(String location, Path folder) {
        Path root = folder.toAbsolutePath().normalize();
        String bucket = bucket(location);
        String prefix = prefix(location);
        int written = 0;
        List<String> skipped = new ArrayList<>();
        try {
            for (S3Object object : s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents()) {
                String key = object.key();
                String lower = key.toLowerCase(Locale.ROOT);
                if (!lower.endsWith(".json") && !lower.endsWith(".json.gz")) {
                    continue;
                }
                String name = "s3://" + bucket + "/" + key;
                Optional<Path> safe = target(root, prefix, key);
                if (safe.isEmpty()) {
                    skipped.add(name + ": its key leads outside the copy folder; not copied");
                    continue;
                }
                Path target = safe.get();
                if (object.size() != null && object.size() > MAX_OBJECT_BYTES) {
                    skipped.add(name + ": " + object.size() + " bytes, over the " + MAX_OBJECT_BYTES
                            + "-byte limit; not copied");
                    continue;
                }
                try {
                    Files.createDirectories(target.getParent());
                    s3.getObject(r -> r.bucket(bucket).key(key), ResponseTransformer.toFile(target));
                    written++;
                } catch (IOException | UncheckedIOException | SdkClientException cannotWrite) {
                    // e.g. "x.json" and "x.json/y.json" in one bucket: one file cannot also be a folder
                    skipped.add(name + ": could not be written to " + target + " (" + cannotWrite.getMessage()
                            + "); not copied");
                }
            }
        } catch (SdkServiceException | SdkClientException failed) {
            throw new LiveCollectionException("Could not read " + location + " (" + failed.getMessage()
                    + "); the credentials need s3:ListBucket and s3:GetObject on it.", failed);
        }
        return new CopyResult(written, skipped);
    }

    /**
     * Where an object's copy goes: the key below the prefix, under {@code root}; empty when the key (attacker-
     * chosen in a shared bucket) would land outside {@code root} or on it ({@code ..} segments, an empty name).
     */
    static Optional<Path> target(Path root, String prefix, String key) {
        if (!key.startsWith(prefix)) {
            return Optional.empty();
        }
        String relative = key.substring(prefix.length()).replaceFirst("^/+", "");
        if (relative.isEmpty() || relative.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        Path target;
        try {
            target = root.resolve(relative).normalize();
        } catch (java.nio.file.InvalidPathException unusable) {
            return Optional.empty();
        }
        return target.startsWith(root) && !target.equals(root) ? Optional.of(target) : Optional.empty();
    }

    /** As {@link #copy}, when skipped objects need no report: the number of files written. */
    public int copyTo(String location, Path folder) {
        return copy(location, folder).written();
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

    /** The bucket of {@code s3://BUCKET[/PREFIX]}: up to the first slash, as written. */
    static String bucket(String location) {
        String rest = rest(location);
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        if (bucket.isEmpty() || bucket.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw new IllegalArgumentException("Not an S3 location: " + location
                    + "; write it as s3://BUCKET or s3://BUCKET/PREFIX.");
        }
        return bucket;
    }

    /** The prefix of {@code s3://BUCKET/PREFIX}, verbatim (no percent-decoding: keys may hold any character). */
    static String prefix(String location) {
        String rest = rest(location);
        int slash = rest.indexOf('/');
        return slash < 0 ? "" : rest.substring(slash + 1);
    }

    private static String rest(String location) {
        if (location == null || !location.regionMatches(true, 0, "s3://", 0, 5)) {
            throw new IllegalArgumentException("Not an S3 location: " + location
                    + "; write it as s3://BUCKET or s3://BUCKET/PREFIX.");
        }
        return location.substring(5);
    }
}
