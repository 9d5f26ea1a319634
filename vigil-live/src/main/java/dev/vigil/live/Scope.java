package dev.vigil.live;

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

    /** Same account, another region. */
    Scope in(String otherRegion) {
        return new Scope(account, otherRegion, clients);
    }
}
