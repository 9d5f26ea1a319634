package dev.vigil.hub.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.hub.PostgresExtension;
import dev.vigil.hub.StoreBackend;
import dev.vigil.model.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Base64;
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
class TicketDeliveryTest {

    @Parameter
    StoreBackend backend;

    static final Map<String, String> ENV = Map.of("JIRA_TOKEN", "jira-tok", "SNOW_TOKEN", "snow-tok");
    static final String JIRA_AUTH = "Basic " + Base64.getEncoder()
            .encodeToString("soc@example.com:jira-tok".getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path dir;

    private RecordingHttpServer jiraServer;
    private RecordingHttpServer snowServer;
    private FakeJira jira;
    private FakeServiceNow snow;
    private Connection connection;
    private Outbox outbox;
    private RoutingConfig config;
    private final MutableClock clock = new MutableClock(TestNotifications.T0);

    @BeforeEach
    void start() throws Exception {
        jiraServer = new RecordingHttpServer();
        snowServer = new RecordingHttpServer();
        jira = new FakeJira(JIRA_AUTH);
        snow = new FakeServiceNow("Bearer snow-tok");
        jiraServer.respond(jira);
        snowServer.respond(snow);
        connection = new OutboxDatabase(backend, dir, getClass()).open();
        outbox = new Outbox(connection);
        config = Configs.load(dir, """
                destinations:
                  jira-sec:
                    type: jira
                    url: %s
                    project: SEC
                    issue-type: Bug
                    resolve-transition: done
                    labels: [security]
                    auth: {type: basic, user: soc@example.com, token: "${env:JIRA_TOKEN}"}
                  snow:
                    type: servicenow
                    url: %s
                    auth: {type: bearer, token: "${env:SNOW_TOKEN}"}
                routes:
                  - name: tickets
                    match: {min-severity: medium}
                    to: [jira-sec, snow]
                """.formatted(jiraServer.url(""), snowServer.url("/")), ENV);
    }

    @AfterEach
    void stop() throws Exception {
        jiraServer.close();
        snowServer.close();
        connection.close();
    }

    private Dispatcher dispatcher() {
        return new Dispatcher(outbox, config, new Random(1));
    }

    @Test
    void createsAJiraIssueWithTheIdempotencyLabelAndTransitionsItOnResolve() throws Exception {
        Notification created = TestNotifications.created("f-1");
        outbox.enqueue(created, config, clock);
        outbox.enqueue(TestNotifications.resolved("f-1"), config, clock);
        try (Dispatcher d = dispatcher()) {
            assertThat(d.runOnce(clock)).isEqualTo(new DispatchReport(4, 0, 0));
        }
        assertThat(jira.issues).hasSize(1);
        FakeJira.Issue issue = jira.issues.get("SEC-1");
        assertThat(issue.fields.path("project").path("key").asText()).isEqualTo("SEC");
        assertThat(issue.fields.path("issuetype").path("name").asText()).isEqualTo("Bug");
        assertThat(issue.fields.path("summary").asText()).isEqualTo("[Vigil High] Root console login without MFA");
        assertThat(issue.fields.path("description").asText()).startsWith("{noformat}\nVigil finding f-1");
        assertThat(issue.hasLabel(IdempotencyKey.of("jira-sec", created))).isTrue();
        assertThat(issue.hasLabel("security")).isTrue();
        assertThat(issue.done).isTrue();
        // Search before create, then create; list transitions, then apply "Done" (matched ignoring case).
        assertThat(jiraServer.requests()).extracting(r -> r.method() + " " + r.path()).containsExactly(
                "GET /rest/api/2/search", "POST /rest/api/2/issue",
                "GET /rest/api/2/issue/SEC-1/transitions", "POST /rest/api/2/issue/SEC-1/transitions");
        assertThat(jiraServer.requests()).allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo(JIRA_AUTH));
        assertThat(outbox.list(10)).filteredOn(r -> r.destination().equals("jira-sec"))
                .allSatisfy(r -> assertThat(r.ticketRef()).isEqualTo("SEC-1"));
    }

    @Test
    void createsAServiceNowIncidentWithCorrelationIdAndResolvesIt() throws Exception {
        Notification created = TestNotifications.of(EventKind.CREATED, "f-1", Severity.CRITICAL,
                TestNotifications.T0);
        outbox.enqueue(created, config, clock);
        outbox.enqueue(TestNotifications.resolved("f-1"), config, clock);
        try (Dispatcher d = dispatcher()) {
            assertThat(d.runOnce(clock).delivered()).isEqualTo(4);
        }
        assertThat(snow.incidents).hasSize(1);
        var incident = snow.incidents.values().iterator().next();
        assertThat(incident.path("correlation_id").asText()).isEqualTo(IdempotencyKey.of("snow", created));
        assertThat(incident.path("short_description").asText()).isEqualTo("[Vigil Critical] Root console login without MFA");
        assertThat(incident.path("urgency").asText()).isEqualTo("1");
        assertThat(incident.path("impact").asText()).isEqualTo("1");
        assertThat(incident.path("state").asText()).isEqualTo("6");
        assertThat(incident.path("close_code").asText()).isEqualTo("Solved (Permanently)");
        assertThat(incident.path("close_notes").asText()).contains("f-1");
        assertThat(snowServer.requests()).extracting(r -> r.method() + " " + r.path()).containsExactly(
                "GET /api/now/table/incident", "POST /api/now/table/incident",
                "PATCH /api/now/table/incident/" + snow.incidents.keySet().iterator().next());
        assertThat(snowServer.requests()).allSatisfy(r -> assertThat(r.header("Authorization"))
                .isEqualTo("Bearer snow-tok"));
    }

    @Test
    void anEscalationCommentsOnTheExistingIssueOnceAndPatchesTheIncident() throws Exception {
        outbox.enqueue(TestNotifications.of(EventKind.CREATED, "f-1", Severity.MEDIUM, TestNotifications.T0),
                config, clock);
        Notification escalated = TestNotifications.of(EventKind.ESCALATED, "f-1", Severity.CRITICAL,
                TestNotifications.T0.plusSeconds(60));
        outbox.enqueue(escalated, config, clock);
        try (Dispatcher d = dispatcher()) {
            assertThat(d.runOnce(clock).delivered()).isEqualTo(4);
        }
        assertThat(jira.issues).hasSize(1);
        assertThat(jira.issues.get("SEC-1").comments).singleElement()
                .satisfies(c -> assertThat(c).startsWith("Escalated to Critical.").contains(IdempotencyKey.of("jira-sec", escalated)));
        var incident = snow.incidents.values().iterator().next();
        assertThat(incident.path("urgency").asText()).isEqualTo("1");
        assertThat(incident.path("work_notes").asText()).contains("escalated to Critical");
    }

    @Test
    void aResolveWaitsWhileTheCreateIsStillFailing() throws Exception {
        outbox.enqueue(TestNotifications.created("f-1"), config, clock);
        outbox.enqueue(TestNotifications.resolved("f-1"), config, clock);
        jiraServer.respond(r -> RecordingHttpServer.Response.of(503, "maintenance"));
        try (Dispatcher d = dispatcher()) {
            assertThat(d.runOnce(clock).retried()).isEqualTo(2);
            assertThat(outbox.list(10)).filteredOn(r -> r.eventKind() == EventKind.RESOLVED
                            && r.destination().equals("jira-sec"))
                    .singleElement().satisfies(r -> assertThat(r.lastError()).contains("waiting for its issue"));
            jiraServer.respond(jira);
            clock.advance(Duration.ofHours(2));
            assertThat(d.runOnce(clock).delivered()).isEqualTo(2);
        }
        assertThat(jira.issues).hasSize(1);
        assertThat(jira.issues.get("SEC-1").done).isTrue();
    }

    @Test
    void aResolveForAFindingWithoutATicketIsDeliveredAsNothingToDo() throws Exception {
        outbox.enqueue(TestNotifications.resolved("never-ticketed"), config, clock);
        try (Dispatcher d = dispatcher()) {
            assertThat(d.runOnce(clock).delivered()).isEqualTo(2);
        }
        assertThat(jira.issues).isEmpty();
        assertThat(snow.incidents).isEmpty();
        assertThat(outbox.list(10)).extracting(OutboxRow::note).allSatisfy(n -> assertThat(n).contains("to resolve"));
    }

    @Test
    void aWrongTokenIsPermanent() throws Exception {
        RoutingConfig wrong = Configs.load(dir, """
                destinations:
                  jira-sec:
                    type: jira
                    url: %s
                    project: SEC
                    auth: {type: bearer, token: "${env:JIRA_TOKEN}"}
                routes:
                  - {name: r, to: [jira-sec]}
                """.formatted(jiraServer.url("")), ENV);
        outbox.enqueue(TestNotifications.created("f-1"), wrong, clock);
        try (Dispatcher d = new Dispatcher(outbox, wrong, new Random(1))) {
            assertThat(d.runOnce(clock).dead()).isEqualTo(1);
        }
        assertThat(outbox.list(1).getFirst().lastError()).contains("HTTP 401").doesNotContain("jira-tok");
    }

    @Test
    void jiraIssueTextKeepsHostileFindingTextInert() throws Exception {
        outbox.enqueue(TestNotifications.withText(EventKind.CREATED, "f-1", "evil\r\nsummary {noformat}",
                "[click|http://evil.example] {noformat}{html}<script>{html}"), config, clock);
        try (Dispatcher d = dispatcher()) {
            d.runOnce(clock);
        }
        JsonNode fields = jira.issues.get("SEC-1").fields;
        assertThat(fields.path("summary").asText()).doesNotContain("\r", "\n");
        String description = fields.path("description").asText();
        assertThat(description).startsWith("{noformat}\n").endsWith("\n{noformat}");
        // The only {noformat} markers are the two that open and close the block.
        assertThat(description.split("\\{noformat}", -1)).hasSize(3);
    }
}
