package dev.vigil.hub.routing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** How a ticket system's REST API is authenticated: HTTP basic (user or e-mail, and token) or a bearer token. */
sealed interface HttpAuth {

    /** The value of the {@code Authorization} header. */
    String header();

    record Basic(String user, Secret password) implements HttpAuth {
        @Override
        public String header() {
            String pair = user + ":" + password.value();
            return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        }
    }

    record Bearer(Secret token) implements HttpAuth {
        @Override
        public String header() {
            return "Bearer " + token.value();
        }
    }
}
