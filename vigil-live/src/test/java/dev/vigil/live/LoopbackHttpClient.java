package dev.vigil.live;

import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * Sends every request to 127.0.0.1 whatever host the SDK chose. Some services' endpoint rules put the account id in
 * front of the host even with an endpoint override ({@code 111111111111.127.0.0.1} for S3 Control), which no
 * resolver knows; the replay server routes by the signature's credential scope, not by host.
 */
final class LoopbackHttpClient implements SdkHttpClient {

    private final SdkHttpClient delegate = UrlConnectionHttpClient.builder().build();

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        HttpExecuteRequest loopback = HttpExecuteRequest.builder()
                .request(request.httpRequest().toBuilder().host("127.0.0.1").build())
                .contentStreamProvider(request.contentStreamProvider().orElse(null))
                .build();
        return delegate.prepareRequest(loopback);
    }

    @Override
    public String clientName() {
        return "loopback";
    }

    @Override
    public void close() {
        delegate.close();
    }
}
