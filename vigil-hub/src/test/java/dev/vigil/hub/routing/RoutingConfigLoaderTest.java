package dev.vigil.hub.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.model.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoutingConfigLoaderTest {

    static final Map<String, String> ENV = Map.of("SECRET", "s", "SLACK_URL", "https://hooks.slack.com/services/T/B/X",
            "JIRA_TOKEN", "t", "SMTP_PASSWORD", "p");

    @TempDir
    Path dir;

    static final String FULL = """
            delivery:
              max-attempts: 5
              initial-backoff-seconds: 20
              max-backoff-seconds: 600
              timeout-seconds: 7
            destinations:
              hook:
                type: webhook
                url: https://hooks.example.com/vigil
                secret: ${env:SECRET}
              slack-sec:
                type: slack
                url: ${env:SLACK_URL}
              jira-sec:
                type: jira
                url: https://example.atlassian.net/
                project: SEC
                issue-type: Bug
                resolve-transition: Done
                search-path: /rest/api/2/search/jql
                labels: [security, aws]
                auth: {type: basic, user: soc@example.com, token: "${env:JIRA_TOKEN}"}
              snow:
                type: servicenow
                url: https://example.service-now.com
                resolved-state: "6"
                close-code: Solved (Permanently)
                auth: {type: bearer, token: "${env:JIRA_TOKEN}"}
              mail:
                type: email
                host: smtp.example.com
                port: 587
                tls: starttls
                username: vigil
                password: ${env:SMTP_PASSWORD}
                from: vigil@example.com
                to: [soc@example.com]
            routes:
              - name: critical
                match:
                  min-severity: high
                  products: [Vigil, GuardDuty]
                  types: ["TTPs/*", "*Exfiltration*"]
                  accounts: ["123456789012"]
                  events: [created, escalated, reopened, resolved]
                to: [jira-sec, slack-sec, snow]
              - name: everything
                to: [hook, mail, slack-sec]
            """;

    private RoutingConfig load(String yaml) throws Exception {
        return Configs.load(dir, yaml, ENV);
    }

    private void assertRejected(String yaml, String... fragments) {
        assertThatThrownBy(() -> load(yaml)).isInstanceOf(RoutingConfigException.class)
                .hasMessageStartingWith("routing configuration " + dir.resolve("routing.yaml"))
                .hasMessageContainingAll(fragments);
    }

    @Test
    void loadsEveryDestinationKindAndRoute() throws Exception {
        RoutingConfig config = load(FULL);
        assertThat(config.destinationNames()).containsExactly("hook", "slack-sec", "jira-sec", "snow", "mail");
        assertThat(config.routeNames()).containsExactly("critical", "everything");
        assertThat(config.unusedDestinations()).isEmpty();
        assertThat(config.policy()).isEqualTo(new DeliveryPolicy(5, java.time.Duration.ofSeconds(20),
                java.time.Duration.ofSeconds(600), DeliveryPolicy.DEFAULT.maxRetryAfter(), java.time.Duration.ofSeconds(7),
                DeliveryPolicy.DEFAULT.claimLease()));
        JiraDestination jira = (JiraDestination) config.destination("jira-sec").orElseThrow();
        assertThat(jira.baseUrl()).hasToString("https://example.atlassian.net");
        assertThat(jira.searchPath()).isEqualTo("/rest/api/2/search/jql");
        assertThat(jira.labels()).containsExactly("security", "aws");
        EmailDestination mail = (EmailDestination) config.destination("mail").orElseThrow();
        assertThat(mail.tls()).isEqualTo(SmtpClient.Tls.STARTTLS);
        assertThat(mail.account().password().value()).isEqualTo("p");
        // Secrets never show in toString, which is what ends up in logs.
        assertThat(config.destination("hook").orElseThrow().toString()).doesNotContain("=s,", "=s]");
        assertThat(config.destination("slack-sec").orElseThrow().toString()).doesNotContain("hooks.slack.com");
        assertThat(mail.toString()).doesNotContain("p]").contains("smtp.example.com");
    }

    @Test
    void aHighGuardDutyExfiltrationGoesToTheCriticalRouteAndEveryoneOnce() throws Exception {
        RoutingConfig config = load(FULL);
        Notification n = TestNotifications.of(EventKind.CREATED, "f", Severity.HIGH, TestNotifications.T0);
        Notification gd = new Notification(n.kind(), n.findingId(), n.ruleId(), n.title(), n.description(), n.severity(),
                java.util.List.of("Effects/Data Exfiltration/S3"), n.account(), n.region(), n.principal(),
                n.resource(), n.firstSeen(), n.lastSeen(), n.count(), "guardduty", 1, "", n.workflow(), n.changedAt());
        assertThat(config.destinationsFor(gd)).containsExactly(Map.entry("jira-sec", "critical"),
                Map.entry("slack-sec", "critical"), Map.entry("snow", "critical"), Map.entry("hook", "everything"),
                Map.entry("mail", "everything"));
        Notification medium = TestNotifications.of(EventKind.CREATED, "f", Severity.MEDIUM, TestNotifications.T0);
        assertThat(config.destinationsFor(medium)).containsOnlyKeys("hook", "mail", "slack-sec");
    }

    @Test
    void anUnknownKeyIsAnErrorNamingItAndWhereItIs() {
        assertRejected(FULL.replace("issue-type: Bug", "issuetype: Bug"),
                "destination 'jira-sec'", "unknown key 'issuetype'", "'issue-type'");
        assertRejected(FULL.replace("delivery:", "delivry:"), "top level", "unknown key 'delivry'");
        assertRejected(FULL.replace("min-severity: high", "min-severity: high\n      severity: low"),
                "route 'critical' match", "unknown key 'severity'");
    }

    @Test
    void aClaimLeaseIsReadAndOneTooShortForTheTimeoutIsRefused() throws Exception {
        RoutingConfig config = load(FULL.replace("timeout-seconds: 7", "timeout-seconds: 7\n  claim-lease-seconds: 28"));
        assertThat(config.policy().claimLease()).isEqualTo(java.time.Duration.ofSeconds(28));
        assertRejected(FULL.replace("timeout-seconds: 7", "timeout-seconds: 7\n  claim-lease-seconds: 27"),
                "field 'claim-lease-seconds'", "4 × timeout-seconds (28 s)");
    }

    @Test
    void anUnsetEnvironmentVariableNamesTheDestinationAndTheVariable() {
        assertRejected(FULL.replace("${env:JIRA_TOKEN}\"}\n  snow", "${env:JIRA_TOKN}\"}\n  snow"),
                "destination 'jira-sec' auth", "field 'token'", "environment variable JIRA_TOKN", "not set");
    }

    @Test
    void aSecretWrittenIntoTheFileIsRefused() {
        assertRejected(FULL.replace("secret: ${env:SECRET}", "secret: hunter2"),
                "destination 'hook'", "field 'secret'", "${env:NAME}");
        assertThatThrownBy(() -> load(FULL.replace("secret: ${env:SECRET}", "secret: hunter2")))
                .message().doesNotContain("hunter2");
    }

    @Test
    void routesMustNameDefinedDestinations() {
        assertRejected(FULL.replace("to: [hook, mail, slack-sec]", "to: [hook, pager]"),
                "route 'everything'", "field 'to'", "destination 'pager', which is not defined");
        assertRejected(FULL.replace("- name: everything", "- name: critical"), "route 'critical'", "unique");
        assertRejected(FULL.replace("    to: [hook, mail, slack-sec]", ""), "route 'everything'", "field 'to'",
                "is required");
    }

    @Test
    void valuesAreValidated() {
        assertRejected(FULL.replace("min-severity: high", "min-severity: urgent"), "route 'critical' match",
                "field 'min-severity'", "unknown severity 'urgent'");
        assertRejected(FULL.replace("events: [created, escalated, reopened, resolved]", "events: [created, deleted]"),
                "field 'events'", "unknown event 'deleted'");
        assertRejected(FULL.replace("type: webhook", "type: pagerduty"), "destination 'hook'", "field 'type'",
                "use one of webhook, slack, jira, servicenow, email");
        assertRejected(FULL.replace("https://hooks.example.com/vigil", "http://hooks.example.com/vigil"),
                "destination 'hook'", "field 'url'", "use https");
        assertRejected(FULL.replace("https://hooks.example.com/vigil", "https://user:pw@hooks.example.com/"),
                "must not carry a user name or password");
        assertRejected(FULL.replace("project: SEC", "project: sec team"), "destination 'jira-sec'", "field 'project'");
        assertRejected(FULL.replace("to: [soc@example.com]", "to: [\"SOC <soc@example.com>\"]"),
                "destination 'mail'", "field 'to'", "not a plain e-mail address");
        assertRejected(FULL.replace("tls: starttls", "tls: none"), "destination 'mail'", "field 'tls'", "in the clear");
        assertRejected(FULL.replace("max-attempts: 5", "max-attempts: 0"), "delivery", "field 'max-attempts'",
                "from 1 to 100");
        assertRejected(FULL.replace("labels: [security, aws]", "labels: [\"two words\"]"), "field 'labels'");
        assertRejected(FULL.replace("search-path: /rest/api/2/search/jql", "search-path: https://elsewhere/"),
                "field 'search-path'");
        assertRejected(FULL.replace("auth: {type: bearer,", "auth: {type: oauth,"), "destination 'snow' auth",
                "use basic or bearer");
        assertRejected(FULL.replace("${env:SECRET}", "${env:bad-name}"), "destination 'hook'", "${env:NAME}");
    }

    @Test
    void brokenOrMissingFilesAreReportedWithTheFileName() throws Exception {
        assertRejected("destinations: [unclosed", "not valid YAML");
        assertRejected("", "is empty");
        assertRejected("routes: []\n", "destinations", "is required");
        assertRejected("destinations: {}\nroutes: []\n", "destinations", "is empty");
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> RoutingConfigLoader.load(missing, ENV)).isInstanceOf(RoutingConfigException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("could not be read");
        Path big = dir.resolve("big.yaml");
        Files.writeString(big, "#".repeat(RoutingConfigLoader.MAX_FILE_BYTES + 1));
        assertThatThrownBy(() -> RoutingConfigLoader.load(big, ENV)).hasMessageContaining("larger than");
    }
}
