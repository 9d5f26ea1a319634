package dev.vigil.live;

import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * One account and region being read, with the clients for it; region {@code global} for IAM, Organizations and
 * S3 Control (whose calls go to {@link AwsClients#HOME_REGION}).
 */
record Scope(String account, String region, AwsClients clients) {

    static final String GLOBAL = "global";

    /** The region to send this scope's calls to. */
    String callRegion() {
        return region.equals(GLOBAL) ? AwsClients.HOME_REGION : region;
    }

    /** A client of one service for this scope's account and region (reused within the scope). */
    <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkAutoCloseable> C client(B builder) {
        return clients.client(builder, this);
    }

    /** Same account, another region. */
    Scope in(String otherRegion) {
        return new Scope(account, otherRegion, clients);
    }
}
