package dev.vigil.live;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.net.URI;
import java.util.Locale;

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

    /** An S3 client for {@code options} (credentials, endpoint), able to reach a bucket in any region. */
    public static S3Client client(LiveOptions options) {
        AwsClients clients = new AwsClients(options);
        return clients.baseClient(S3Client.builder()
                .crossRegionAccessEnabled(true)
                .forcePathStyle(options.endpoint().isPresent()), AwsClients.HOME_REGION);
    }

    /** Reads everything under {@code location} ({@code s3://bucket} or {@code s3://bucket/prefix}). */
    public ExportFiles read(String location) {
        URI uri = URI.create(location);
        if (!"s3".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("Not an S3 location: " + location
                    + "; write it as s3://BUCKET or s3://BUCKET/PREFIX.");
        }
        String bucket = uri.getHost();
        String prefix = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        ExportFiles files = new ExportFiles();
        try {
            for (S3Object object : s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents()) {
                String key = object.key();
                String lower = key.toLowerCase(Locale.ROOT);
                if (lower.endsWith(".json") || lower.endsWith(".json.gz")) {
                    byte[] body = s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray();
                    files.read("s3://" + bucket + "/" + key, body);
                }
            }
        } catch (SdkException failed) {
            throw new LiveCollectionException("Could not read " + location + " (" + failed.getMessage()
                    + "); the credentials need s3:ListBucket and s3:GetObject on it.", failed);
        }
        return files;
    }
}
