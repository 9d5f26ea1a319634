package dev.vigil.hub.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.hub.PostgresExtension;
import dev.vigil.hub.StoreBackend;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(StoreBackend.class)
@ExtendWith(PostgresExtension.class)
class SlackDeliveryTest {

    @Parameter
    StoreBackend backend;

    @TempDir
    Path dir;

    private RecordingHttpServer slack;
    private Connection connection;
    private Outbox outbox;
    private RoutingConfig config;
    private final MutableClock clock = new MutableClock(TestNotifications.T0);

    @BeforeEach
    void start() throws Exception {
        slack = new RecordingHttpServer();
        connection = new OutboxDatabase(backend, dir, getClass()).open();
        outbox = new Outbox(connection);
        config = Configs.load(dir, """
                destinations:
                  slack-sec: {type: slack, url: "${env:SLACK_URL}"}
                routes:
                  - {name: all, to: [slack-sec]}
                """, Map.of("SLACK_URL", slack.url("/services/T000/B000/XXXX")));
    }

    @AfterEach
    void stop() throws Exception {
        slack.close();
        connection.close();
    }

    private JsonNode deliver(Notification n) throws Exception {
        outbox.enqueue(n, config, clock);
        try (Dispatcher d = new Dispatcher(outbox, config, new Random(1))) {
            assertThat(d.runOnce(clock).delivered()).isEqualTo(1);
        }
        var request = slack.requests().getLast();
        assertThat(request.path()).isEqualTo("/services/T000/B000/XXXX");
        assertThat(request.header("Content-Type")).startsWith("application/json");
        return NotificationJson.MAPPER.readTree(request.body());
    }

    @Test
    void postsTextAndBlocksInSlacksFormat() throws Exception {
        JsonNode body = deliver(TestNotifications.created("f-1"));
        assertThat(body.path("text").asText()).isEqualTo("New finding [High] Root console login without MFA");
        JsonNode blocks = body.path("blocks");
        assertThat(blocks).hasSize(3);
        assertThat(blocks.get(0).path("type").asText()).isEqualTo("section");
        assertThat(blocks.get(0).path("text").path("type").asText()).isEqualTo("mrkdwn");
        assertThat(blocks.get(0).path("text").path("text").asText())
                .isEqualTo("*New finding [High] Root console login without MFA*\n"
                        + "The root user signed in to the console without MFA.");
        assertThat(blocks.get(1).path("fields")).hasSize(6);
        assertThat(blocks.get(1).path("fields").get(0).path("text").asText()).isEqualTo("*Account*\n123456789012");
        assertThat(blocks.get(2).path("type").asText()).isEqualTo("context");
        assertThat(blocks.get(2).path("elements").get(0).path("text").asText()).contains("created", "finding f-1", "count 3");
    }

    @Test
    void escapesSlackControlCharactersInFindingText() throws Exception {
        JsonNode body = deliver(TestNotifications.withText(EventKind.CREATED, "f-1",
                "<!channel> pay <https://evil.example|here> & more", "a\u0007b\u202Ec <@U123>"));
        String all = body.toString();
        assertThat(all).doesNotContain("<!channel>", "<https://evil", "<@U123>", "\\u0007", "\\u202E");
        assertThat(body.path("text").asText())
                .isEqualTo("New finding [Critical] &lt;!channel&gt; pay &lt;https://evil.example|here&gt; &amp; more");
        assertThat(body.path("blocks").get(0).path("text").path("text").asText()).endsWith("\nabc &lt;@U123&gt;");
    }

    @Test
    void escapingNeverCutsAnEntityInHalf() {
        assertThat(SlackText.escape("ab<cd", 4)).isEqualTo("ab");
        assertThat(SlackText.escape("ab<cd", 6)).isEqualTo("ab&lt;");
        assertThat(SlackText.escape("a&b", 100)).isEqualTo("a&amp;b");
    }

    @Test
    void theWebhookUrlIsASecretAndStaysOutOfErrors() throws Exception {
        slack.respond(r -> RecordingHttpServer.Response.of(404, "no_service"));
        outbox.enqueue(TestNotifications.created("f-1"), config, clock);
        try (Dispatcher d = new Dispatcher(outbox, config, new Random(1))) {
            assertThat(d.runOnce(clock).dead()).isEqualTo(1);
        }
        // Anyone holding the URL can post to the channel, so the error names the destination, not the URL.
        assertThat(outbox.list(1).getFirst().lastError()).contains("slack-sec", "404", "no_service")
                .doesNotContain("/services/T000/B000/XXXX");
    }
}
