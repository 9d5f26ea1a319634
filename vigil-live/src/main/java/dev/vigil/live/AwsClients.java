package dev.vigil.live;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds SDK clients for one run: one shared HTTP client, one credentials provider per account (the caller's own,
 * or an assumed role), the throttle-aware retry strategy, and the endpoint override when one is set. Every client
 * built is closed when its unit ends or with the run.
 */
final class AwsClients implements AutoCloseable {

    /** Region used for global services (IAM, Organizations, S3 Control, STS) and for account-wide look-ups. */
    static final String HOME_REGION = "us-east-1";

    private final LiveOptions options;
    private final SdkHttpClient http;
    private final boolean ownsHttp;
    private final AwsCredentialsProvider base;
    /** True when {@link #base} was built here (profile or default chain), so closing is this object's job. */
    private final boolean ownsBase;
    private final Map<String, AwsCredentialsProvider> byAccount = new ConcurrentHashMap<>();
    private final List<SdkAutoCloseable> opened = new ArrayList<>();
    private final Map<String, SdkAutoCloseable> cached = new ConcurrentHashMap<>();
    private final AtomicInteger throttles = new AtomicInteger();

    AwsClients(LiveOptions options) {
        this.options = options;
        this.ownsHttp = options.httpClient().isEmpty();
        this.http = options.httpClient().orElseGet(() -> UrlConnectionHttpClient.builder().build());
        this.base = credentials(options);
        this.ownsBase = options.credentials().isEmpty();
    }

    /** The caller's credentials: explicit ones, else the named profile, else the SDK's default chain. */
    static AwsCredentialsProvider credentials(LiveOptions options) {
        return options.credentials().orElseGet(() -> options.profile()
                .<AwsCredentialsProvider>map(p -> ProfileCredentialsProvider.builder().profileName(p).build())
                .orElseGet(() -> DefaultCredentialsProvider.builder().build()));
    }

    /** The caller's own credentials. */
    AwsCredentialsProvider base() {
        return base;
    }

    /** Uses {@code provider} for {@code account} (the caller's own account maps to the base credentials). */
    void useFor(String account, AwsCredentialsProvider provider) {
        byAccount.put(account, provider);
    }

    /** Credentials for an account other than the caller's: the role {@code roleName} assumed through STS. */
    AwsCredentialsProvider assumeRole(String account, String roleName) {
        StsClient sts = build(StsClient.builder(), base, HOME_REGION);
        String arn = "arn:aws:iam::" + account + ":role/" + roleName;
        StsAssumeRoleCredentialsProvider provider = StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts)
                .refreshRequest(r -> r.roleArn(arn).roleSessionName("vigil-posture"))
                .build();
        synchronized (opened) {
            opened.add(provider);
        }
        return provider;
    }

    /**
     * A client of one service for a scope, built once and reused by the scope's calls until {@link #release} closes
     * it (a large estate would otherwise hold thousands of idle clients until the end of the run).
     */
    @SuppressWarnings("unchecked")
    <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkAutoCloseable> C client(
            B builder, Scope scope) {
        AwsCredentialsProvider credentials = byAccount.get(scope.account());
        if (credentials == null) {
            throw new IllegalStateException("no credentials set up for account " + scope.account());
        }
        String key = scope.account() + "/" + scope.region() + "/" + builder.getClass().getName();
        return (C) cached.computeIfAbsent(key, k -> create(builder, credentials, scope.callRegion()));
    }

    /** Closes the clients of a scope whose unit has finished. */
    void release(Scope scope) {
        String prefix = scope.account() + "/" + scope.region() + "/";
        cached.keySet().removeIf(key -> {
            if (!key.startsWith(prefix)) {
                return false;
            }
            SdkAutoCloseable client = cached.get(key);
            if (client != null) {
                client.close();
            }
            return true;
        });
    }

    /** A client with the caller's own credentials (STS, Organizations from the management account). */
    <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkAutoCloseable> C baseClient(
            B builder, String region) {
        return build(builder, base, region);
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkAutoCloseable> C build(
            B builder, AwsCredentialsProvider credentials, String region) {
        C client = create(builder, credentials, region);
        synchronized (opened) {
            opened.add(client);
        }
        return client;
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkAutoCloseable> C create(
            B builder, AwsCredentialsProvider credentials, String region) {
        builder.region(Region.of(region))
                .credentialsProvider(new Borrowed(credentials))
                .httpClient(http)
                .overrideConfiguration(o -> o.retryStrategy(ThrottleAwareRetryStrategy.of(options, throttles)));
        options.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** Throttling responses seen so far, across all clients. */
    int throttles() {
        return throttles.get();
    }

    @Override
    public void close() {
        cached.values().forEach(SdkAutoCloseable::close);
        cached.clear();
        synchronized (opened) {
            opened.forEach(SdkAutoCloseable::close);
            opened.clear();
        }
        if (ownsHttp) {
            http.close();
        }
        // the default chain and profile providers may hold refresh threads and cached files: closed here, once,
        // after every client that borrowed them
        if (ownsBase && base instanceof SdkAutoCloseable closeable) {
            closeable.close();
        }
    }

    /**
     * A provider lent to one client: an SDK client closes the provider it was built with when it closes
     * (S3ExportSourceTest holds that), and a scope's clients close when the scope is released while the run's
     * provider serves the next scopes. Not closeable, so the client leaves it alone; this object closes the real
     * one at the end.
     */
    record Borrowed(AwsCredentialsProvider lent) implements AwsCredentialsProvider {
        @Override
        public AwsCredentials resolveCredentials() {
            return lent.resolveCredentials();
        }
    }
}
