package dev.vigil.live;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach the estate: whose credentials, which accounts and regions, how hard to push the APIs.
 *
 * @param profile      a named profile from the AWS config files ({@code --profile}); empty = the default chain
 * @param roleName     role to assume in every account other than the caller's ({@code --role-name}); empty = only
 *                     the caller's account can be read
 * @param accounts     accounts to assess ({@code --accounts}); empty = the organisation's ACTIVE accounts, or just
 *                     the caller's account outside an organisation
 * @param regions      regions to read ({@code --regions}); empty = every region the account has enabled
 * @param concurrency  how many account/region units run at once (a fixed pool)
 * @param maxAttempts  attempts per call, first one included, before the call is recorded as failed
 * @param baseDelay    first retry delay; it doubles (with jitter) up to {@link #MAX_BACKOFF}
 * @param adaptive     the SDK's adaptive retry mode (a client-side rate limiter that slows a client down after a
 *                     throttle) rather than standard mode (backoff only); adaptive suits big estates
 * @param credentials  explicit credentials (tests, embedding); empty = {@code profile} or the default chain
 * @param endpoint     one endpoint for every service (a test server or a proxy); empty = the AWS endpoints
 * @param httpClient   the HTTP client all SDK clients share; empty = the JDK URL-connection client
 * @param progress     told after each call
 * @param clock        the time a run reads as now (root uses are looked up back from it)
 * @param rootLookback how far back CloudTrail's event history is searched for root uses (it keeps 90 days)
 */
public record LiveOptions(Optional<String> profile, Optional<String> roleName, List<String> accounts,
                          List<String> regions, int concurrency, int maxAttempts, Duration baseDelay,
                          boolean adaptive, Optional<AwsCredentialsProvider> credentials, Optional<URI> endpoint,
                          Optional<SdkHttpClient> httpClient, CollectorProgress progress,
                          Clock clock, Duration rootLookback) {

    /** Retry delays never grow past this, so a throttled run slows down but keeps moving. */
    public static final Duration MAX_BACKOFF = Duration.ofSeconds(20);

    public LiveOptions {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(roleName, "roleName");
        accounts = List.copyOf(accounts);
        regions = List.copyOf(regions);
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(httpClient, "httpClient");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(rootLookback, "rootLookback");
    }

    /** Default chain, caller's organisation, all enabled regions, 8 at once, 8 adaptive attempts from 500 ms. */
    public static LiveOptions defaults() {
        return new LiveOptions(Optional.empty(), Optional.empty(), List.of(), List.of(), 8, 8,
                Duration.ofMillis(500), true, Optional.empty(), Optional.empty(), Optional.empty(), CollectorProgress.SILENT,
                Clock.systemUTC(), Duration.ofDays(90));
    }

    public LiveOptions withProfile(String name) {
        return new LiveOptions(Optional.of(name), roleName, accounts, regions, concurrency, maxAttempts, baseDelay,
                adaptive, credentials, endpoint, httpClient, progress, clock, rootLookback);
    }

    public LiveOptions withRoleName(String name) {
        return new LiveOptions(profile, Optional.of(name), accounts, regions, concurrency, maxAttempts, baseDelay,
                adaptive, credentials, endpoint, httpClient, progress, clock, rootLookback);
    }

    public LiveOptions withAccounts(List<String> ids) {
        return new LiveOptions(profile, roleName, ids, regions, concurrency, maxAttempts, baseDelay,
                adaptive, credentials, endpoint, httpClient, progress, clock, rootLookback);
    }

    public LiveOptions withRegions(List<String> names) {
        return new LiveOptions(profile, roleName, accounts, names, concurrency, maxAttempts, baseDelay,
                adaptive, credentials, endpoint, httpClient, progress, clock, rootLookback);
    }

    public LiveOptions withConcurrency(int units) {
        return new LiveOptions(profile, roleName, accounts, regions, units, maxAttempts, baseDelay,
                adaptive, credentials, endpoint, httpClient, progress, clock, rootLookback);
    }

    public LiveOptions withRetries(int attempts, Duration firstDelay) {
        return new LiveOptions(profile, roleName, accounts, regions, concurrency, attempts, firstDelay,
                adaptive, credentials, endpoint, httpClient, progress, clock, rootLookback);
    }

    /** Standard retry mode: backoff with jitter but no client-side rate limiting. */
    public LiveOptions withStandardRetries() {
        return new LiveOptions(profile, roleName, accounts, regions, concurrency, maxAttempts, baseDelay,
                false, credentials, endpoint, httpClient, progress, clock, rootLookback);
    }

    public LiveOptions withCredentials(AwsCredentialsProvider provider) {
        return new LiveOptions(profile, roleName, accounts, regions, concurrency, maxAttempts, baseDelay,
                adaptive, Optional.of(provider), endpoint, httpClient, progress, clock, rootLookback);
    }

    public LiveOptions withEndpoint(URI uri) {
        return new LiveOptions(profile, roleName, accounts, regions, concurrency, maxAttempts, baseDelay,
                adaptive, credentials, Optional.of(uri), httpClient, progress, clock, rootLookback);
    }

    public LiveOptions withHttpClient(SdkHttpClient client) {
        return new LiveOptions(profile, roleName, accounts, regions, concurrency, maxAttempts, baseDelay,
                adaptive, credentials, endpoint, Optional.of(client), progress, clock, rootLookback);
    }

    public LiveOptions withClock(Clock now) {
        return new LiveOptions(profile, roleName, accounts, regions, concurrency, maxAttempts, baseDelay,
                adaptive, credentials, endpoint, httpClient, progress, now, rootLookback);
    }

    public LiveOptions withRootLookback(Duration window) {
        return new LiveOptions(profile, roleName, accounts, regions, concurrency, maxAttempts, baseDelay,
                adaptive, credentials, endpoint, httpClient, progress, clock, window);
    }

    public LiveOptions withProgress(CollectorProgress listener) {
        return new LiveOptions(profile, roleName, accounts, regions, concurrency, maxAttempts, baseDelay,
                adaptive, credentials, endpoint, httpClient, listener, clock, rootLookback);
    }
}
