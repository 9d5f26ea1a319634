package dev.vigil.hub.routing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/**
 * Sends one HTTP request for a destination and sorts the answer into success, retry later, or give up.
 *
 * <ul>
 *   <li>2xx: the answer's body is returned (at most {@value #MAX_BODY_BYTES} bytes are read);</li>
 *   <li>429: retry, after {@code Retry-After} when the answer gives one;</li>
 *   <li>408 and 5xx, timeouts and connection failures: retry with backoff;</li>
 *   <li>anything else (3xx — redirects are never followed, so only configured URLs are contacted — and other
 *       4xx): permanent, with the status and the start of the answer in the message.</li>
 * </ul>
 */
final class HttpCalls {

    static final int MAX_BODY_BYTES = 1 << 20;
    private static final int MAX_ERROR_TEXT = 300;

    private final HttpClient client;
    private final Duration timeout;
    private final Clock clock;

    HttpCalls(HttpClient client, Duration timeout, Clock clock) {
        this.client = client;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** A request with the timeout and Vigil's User-Agent set. */
    HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", "Vigil");
    }

    static HttpRequest.BodyPublisher json(String body) {
        return HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
    }

    /**
     * @param what names the call in error messages, e.g. "jira-sec: create issue"
     * @return the body of a 2xx answer
     */
    String send(String what, HttpRequest request) throws DeliveryException {
        return send(what, request, request.method() + " " + request.uri());
    }

    /**
     * @param shownTarget how error messages name the request, for URLs that are themselves secrets (Slack's)
     */
    String send(String what, HttpRequest request, String shownTarget) throws DeliveryException {
        HttpResponse<InputStream> response;
        String body;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                body = new String(in.readNBytes(MAX_BODY_BYTES), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw DeliveryException.retry(what + ": " + shownTarget + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DeliveryException.retry(what + ": interrupted", e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return body;
        }
        String detail = what + ": " + shownTarget + " answered HTTP " + status
                + errorText(body);
        if (status == 429) {
            var after = RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), clock.instant());
            if (after.isPresent()) {
                throw DeliveryException.retryAfter(detail, after.get());
            }
            throw DeliveryException.retry(detail);
        }
        if (status == 408 || status >= 500) {
            throw DeliveryException.retry(detail);
        }
        throw DeliveryException.permanent(detail);
    }

    private static String errorText(String body) {
        String b = body.strip();
        if (b.isEmpty()) {
            return "";
        }
        // The answer may echo our request (attacker-controlled text): keep it short and on one line.
        String oneLine = b.replaceAll("\\p{Cntrl}+", " ");
        return ": " + (oneLine.length() > MAX_ERROR_TEXT ? oneLine.substring(0, MAX_ERROR_TEXT) + "…" : oneLine);
    }
}
