/**
 * Live posture: reads an AWS estate through the AWS SDK and builds exactly what the offline readers build from
 * files, so every check runs unchanged on either.
 *
 * <p>{@link dev.vigil.live.LiveCollector} reads AWS Config (the inventory) and the supplementary calls the checks
 * rely on, across accounts (assumed role) and enabled regions on a bounded pool, with throttle-aware retries;
 * {@link dev.vigil.live.CliJson} prints each SDK response in the AWS CLI's JSON shape, generically;
 * {@link dev.vigil.live.SnapshotWriter} saves a run as offline files; {@link dev.vigil.live.S3ExportSource} reads
 * Config deliveries from a bucket. Failed calls become {@code {"Error":{...}}} documents, never exceptions, so the
 * checks say ERROR for exactly the scope that could not be read. See docs/posture-live.md.
 */
package dev.vigil.live;
