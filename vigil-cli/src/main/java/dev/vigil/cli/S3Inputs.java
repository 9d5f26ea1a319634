package dev.vigil.cli;

import dev.vigil.live.LiveOptions;
import dev.vigil.live.S3ExportSource;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns {@code s3://BUCKET/PREFIX} inputs into local folders: the AWS Config deliveries (and saved exports) under the
 * prefix are copied to a temporary folder that the offline readers then read like any other, so an S3 archive and a
 * synced copy of it give the same results.
 */
final class S3Inputs {

    static final String SCHEME = "s3://";

    private S3Inputs() {
    }

    static boolean isS3(String input) {
        return input.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
    }

    /**
     * The inputs as local paths, and the S3 objects that could not be copied (each named with why; they make the run
     * partial, like a broken file).
     */
    record Localised(List<Path> paths, List<String> skipped) {
    }

    /**
     * The inputs as local paths: local ones as given, each {@code s3://} location copied under {@code scratch}.
     *
     * @param options credentials and endpoint for S3 (the default chain unless --live options say otherwise)
     */
    static Localised localise(List<String> inputs, LiveOptions options, Path scratch) {
        List<Path> out = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        S3Client client = null;
        try {
            for (String input : inputs) {
                if (!isS3(input)) {
                    out.add(Path.of(input));
                    continue;
                }
                if (client == null) {
                    client = S3ExportSource.client(options);
                }
                Path folder = scratch.resolve("s3-" + out.size());
                Files.createDirectories(folder);
                S3ExportSource.CopyResult copied;
                try {
                    copied = new S3ExportSource(client).copy(input, folder);
                } catch (IllegalArgumentException notS3) {
                    throw new UserError(notS3.getMessage(), notS3);
                }
                skipped.addAll(copied.skipped());
                int files = copied.written();
                if (files == 0 && copied.skipped().isEmpty()) {
                    throw new UserError("no objects under " + input + "; check the bucket and prefix (the Config "
                            + "delivery prefix usually ends in AWSLogs/)");
                }
                out.add(folder);
            }
        } catch (SdkException | dev.vigil.live.LiveCollectionException e) {
            throw new UserError("cannot read the S3 input: " + e.getMessage() + " (check the credentials with 'aws sts "
                    + "get-caller-identity' and s3:ListBucket/s3:GetObject on the bucket)", e);
        } catch (IOException e) {
            throw new UserError("cannot copy the S3 input to " + scratch + ": " + e.getMessage(), e);
        } finally {
            if (client != null) {
                client.close();
            }
        }
        return new Localised(out, skipped);
    }
}
