package dev.vigil.live;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.AcquireInitialTokenResponse;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RecordSuccessResponse;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
import software.amazon.awssdk.retries.api.RetryStrategy;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * The SDK's retry strategy (exponential backoff with jitter; in adaptive mode also a client-side rate limiter that
 * slows a client down when the service throttles), wrapped to count and log every throttle so an operator can see why a run is
 * slow and lower {@code --concurrency}.
 */
final class ThrottleAwareRetryStrategy implements RetryStrategy {

    private static final Logger LOG = Logger.getLogger(ThrottleAwareRetryStrategy.class.getName());

    private final RetryStrategy delegate;
    private final AtomicInteger throttles;

    private ThrottleAwareRetryStrategy(RetryStrategy delegate, AtomicInteger throttles) {
        this.delegate = delegate;
        this.throttles = throttles;
    }

    static ThrottleAwareRetryStrategy of(LiveOptions options, AtomicInteger throttles) {
        BackoffStrategy backoff = BackoffStrategy.exponentialDelay(options.baseDelay(), LiveOptions.MAX_BACKOFF);
        RetryStrategy.Builder<?, ?> builder = options.adaptive()
                ? AwsRetryStrategy.adaptiveRetryStrategy().toBuilder()
                : AwsRetryStrategy.standardRetryStrategy().toBuilder();
        RetryStrategy strategy = builder.maxAttempts(options.maxAttempts())
                .backoffStrategy(backoff)
                .throttlingBackoffStrategy(backoff)
                .build();
        return new ThrottleAwareRetryStrategy(strategy, throttles);
    }

    @Override
    public AcquireInitialTokenResponse acquireInitialToken(AcquireInitialTokenRequest request) {
        return delegate.acquireInitialToken(request);
    }

    @Override
    public RefreshRetryTokenResponse refreshRetryToken(RefreshRetryTokenRequest request) {
        if (request.failure() instanceof AwsServiceException service && service.isThrottlingException()) {
            int count = throttles.incrementAndGet();
            LOG.info(() -> "throttled (" + service.awsErrorDetails().errorCode() + ") on "
                    + request.operationName().orElse("a call") + "; backing off (" + count + " throttles so far)");
        }
        return delegate.refreshRetryToken(request);
    }

    @Override
    public RecordSuccessResponse recordSuccess(RecordSuccessRequest request) {
        return delegate.recordSuccess(request);
    }

    @Override
    public int maxAttempts() {
        return delegate.maxAttempts();
    }

    /** False: the strategy is complete as built; letting the client rebuild it would drop the throttle counter. */
    @Override
    public boolean useClientDefaults() {
        return false;
    }

    @Override
    public Builder<?, ?> toBuilder() {
        return delegate.toBuilder();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
