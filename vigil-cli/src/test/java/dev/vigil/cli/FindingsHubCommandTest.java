package dev.vigil.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The findings hub from the command line: import, list, update, suppress, export, incidents and routing. */
class FindingsHubCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    Path ws;

    @BeforeEach
    void workspace() {
        ws = dir.resolve("ws");
    }

    @AfterEach
    void restoreEnvironment() {
        HubOptions.environment = System::getenv;
    }

    /** A GuardDuty finding as the S3 export writes it, one per line. */
    private static String guardDuty(String id, String type, double severity, String user, String key, String first,
                                    String last) {
        return """
                {"schemaVersion":"2.0","accountId":"111122223333","region":"us-east-1","partition":"aws","id":"%s",\
                "arn":"arn:aws:guardduty:us-east-1:111122223333:detector/d/finding/%s","type":"%s",\
                "resource":{"resourceType":"AccessKey","accessKeyDetails":{"accessKeyId":"%s","principalId":"AIDAX",\
                "userName":"%s","userType":"IAMUser"}},"service":{"serviceName":"guardduty","detectorId":"d",\
                "eventFirstSeen":"%s","eventLastSeen":"%s","archived":false,"count":3},"severity":%s,\
                "createdAt":"%s","updatedAt":"%s","title":"%s by %s","description":"d"}"""
                .formatted(id, id, type, key, user, first, last, severity, first, last, type, user);
    }

    private Path exportFile(String... lines) throws IOException {
        Path f = dir.resolve("gd-" + System.nanoTime() + ".jsonl");
        Files.writeString(f, String.join("\n", lines) + "\n");
        return f;
    }

    private CliRunner.Result vigil(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--workspace";
        all[args.length + 1] = ws.toString();
        return CliRunner.run(all);
    }

    private static String id(CliRunner.Result list, int row) {
        return list.out().lines().skip(row + 1).findFirst().orElseThrow().substring(0, 12);
    }

    @Test
    void importReadsGuardDutyReportsBrokenRecordsAndMergesReReports() throws IOException {
        Path good = exportFile(
                guardDuty("a1", "Discovery:IAMUser/AnomalousBehavior", 2.0, "alice", "AKIAEXAMPLE1",
                        "2026-10-01T10:00:00Z", "2026-10-01T10:05:00Z"),
                "{not json",
                guardDuty("a2", "Exfiltration:S3/AnomalousBehavior", 8.0, "alice", "AKIAEXAMPLE1",
                        "2026-10-01T11:00:00Z", "2026-10-01T11:30:00Z"));
        Path notFindings = dir.resolve("trail.json");
        Files.writeString(notFindings, "{\"Records\":[{\"eventVersion\":\"1.08\",\"eventName\":\"ListBuckets\"}]}");

        CliRunner.Result r = vigil("findings", "import", good.toString(), notFindings.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.PARTIAL);
        assertThat(r.out()).contains("Imported 2 findings from 1 files (guardduty): 2 new")
                .contains("1 records skipped, 1 files not read");
        assertThat(r.err()).contains(good + "#line 2").contains("trail.json").contains("not a findings file");

        CliRunner.Result list = vigil("findings", "list", "--product", "GuardDuty", "--sort", "risk");
        assertThat(list.out()).contains("Exfiltration:S3/AnomalousBehavior")
                .contains("arn:aws:iam::111122223333:user/alice");
        assertThat(list.out().lines().skip(1).findFirst().orElseThrow()).contains("HIGH").contains("Exfiltration");

        CliRunner.Result again = vigil("findings", "import", good.toString());
        assertThat(again.out()).contains("0 new").contains("2 unchanged");
        assertThat(vigil("findings", "list", "--format", "jsonl").out().lines().count()).isEqualTo(2);
    }

    @Test
    void updateRecordsWhoAndWhyAndRefusesImpossibleTransitions() throws IOException {
        vigil("findings", "import", exportFile(guardDuty("b1", "Recon:IAMUser/TorIPCaller", 5.0, "bob", "AKIAB",
                "2026-10-02T10:00:00Z", "2026-10-02T10:00:00Z")).toString());
        String id = id(vigil("findings", "list"), 0);

        CliRunner.Result resolve = vigil("findings", "update", id, "--workflow", "resolved", "--reason",
                "key rotated", "--actor", "sam");
        assertThat(resolve.exitCode()).as(resolve.err()).isZero();
        CliRunner.Result show = vigil("findings", "show", id);
        assertThat(show.out()).contains("workflow:    RESOLVED").contains("sam: workflow NEW -> RESOLVED (key rotated)")
                .contains("As GuardDuty reported it:").contains("\"type\" : \"Recon:IAMUser/TorIPCaller\"");

        CliRunner.Result refused = vigil("findings", "update", id, "--workflow", "notified", "--reason", "x");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).contains("RESOLVED").contains("reopen");
        assertThat(vigil("findings", "list", "--workflow", "resolved").out()).contains(id);
        assertThat(vigil("findings", "list", "--workflow", "new").out()).contains("No findings match.");
    }

    @Test
    void suppressionsKeepFindingsAndAreReportedAndRemoved() throws IOException {
        vigil("findings", "import", exportFile(
                guardDuty("c1", "Recon:EC2/PortProbeUnprotectedPort", 2.0, "carol", "AKIAC", "2026-10-03T10:00:00Z",
                        "2026-10-03T10:00:00Z"),
                guardDuty("c2", "Exfiltration:S3/AnomalousBehavior", 8.0, "carol", "AKIAC", "2026-10-03T11:00:00Z",
                        "2026-10-03T11:00:00Z")).toString());
        CliRunner.Result missing = vigil("findings", "suppress", "--type", "Recon:*", "--owner", "soc");
        assertThat(missing.exitCode()).isNotZero();
        assertThat(missing.err()).contains("reason");

        CliRunner.Result add = vigil("findings", "suppress", "--type", "Recon:*", "--reason", "scanner noise",
                "--owner", "soc", "--expires", "30d", "--id", "recon-noise");
        assertThat(add.exitCode()).as(add.err()).isZero();
        assertThat(add.out()).contains("recon-noise: 1 stored findings suppressed");
        assertThat(vigil("findings", "list", "--workflow", "suppressed").out()).contains("PortProbeUnprotectedPort")
                .doesNotContain("Exfiltration");
        assertThat(vigil("findings", "suppress", "--list").out()).contains("recon-noise").contains("ACTIVE")
                .contains("scanner noise");

        assertThat(vigil("findings", "suppress", "--remove", "recon-noise").out()).contains("1 findings returned to NEW");
        assertThat(vigil("findings", "list", "--workflow", "suppressed").out()).contains("No findings match.");
    }

    @Test
    void exportsEveryFormat() throws IOException {
        vigil("findings", "import", exportFile(guardDuty("d1", "Recon:IAMUser/MaliciousIPCaller", 5.0, "dan", "AKIAD",
                "2026-10-04T10:00:00Z", "2026-10-04T10:00:00Z")).toString());

        CliRunner.Result asffRefused = vigil("findings", "export", "--format", "asff");
        assertThat(asffRefused.exitCode()).isNotZero();
        assertThat(asffRefused.err()).contains("--asff-account");

        Path asff = dir.resolve("out.asff.jsonl");
        assertThat(vigil("findings", "export", "--format", "asff", "--asff-account", "999988887777", "--asff-region",
                "eu-west-1", "-o", asff.toString()).exitCode()).isZero();
        JsonNode batch = JSON.readTree(Files.readAllLines(asff).getFirst());
        assertThat(batch.path("Findings")).hasSize(1);
        assertThat(batch.path("Findings").get(0).path("ProductArn").asText())
                .isEqualTo("arn:aws:securityhub:eu-west-1:999988887777:product/999988887777/default");

        String csv = vigil("findings", "export", "--format", "csv").out();
        assertThat(csv.lines().count()).isEqualTo(2);
        assertThat(vigil("findings", "list", "--format", "csv").out()).as("list prints the export's columns")
                .isEqualTo(csv);
        JsonNode sarif = JSON.readTree(vigil("findings", "export", "--format", "sarif").out());
        assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
        assertThat(sarif.path("runs").get(0).path("results")).hasSize(1);
        JsonNode ocsf = JSON.readTree(vigil("findings", "export", "--format", "ocsf").out().lines().findFirst()
                .orElseThrow());
        assertThat(ocsf.path("metadata").path("product").path("name").asText()).isEqualTo("GuardDuty");
    }

    @Test
    void incidentsLinkOneKeysFindingsAcrossTactics() throws IOException {
        vigil("findings", "import", exportFile(
                guardDuty("e1", "Discovery:IAMUser/AnomalousBehavior", 2.0, "erin", "AKIAE", "2026-10-05T10:00:00Z",
                        "2026-10-05T10:05:00Z"),
                guardDuty("e2", "Stealth:IAMUser/CloudTrailLoggingDisabled", 2.0, "erin", "AKIAE",
                        "2026-10-05T10:10:00Z", "2026-10-05T10:10:00Z"),
                guardDuty("e3", "Exfiltration:S3/AnomalousBehavior", 8.0, "erin", "AKIAE", "2026-10-05T10:20:00Z",
                        "2026-10-05T10:40:00Z"),
                guardDuty("e4", "Recon:IAMUser/TorIPCaller", 5.0, "frank", "AKIAF", "2026-10-09T10:00:00Z",
                        "2026-10-09T10:00:00Z")).toString());
        CliRunner.Result text = vigil("findings", "incidents");
        assertThat(text.out()).contains("3 findings").contains("discovery -> defense evasion -> exfiltration")
                .doesNotContain("TorIPCaller");
        JsonNode jsonl = JSON.readTree(vigil("findings", "incidents", "--format", "jsonl").out().lines().findFirst()
                .orElseThrow());
        assertThat(jsonl.path("findings")).hasSize(3);
        // the candidate raises its members' risk, and says so
        assertThat(vigil("findings", "show", id(vigil("findings", "list", "--sort", "risk"), 0)).out())
                .contains("incident candidate");
    }

    @Test
    void newFindingsAreRoutedToConfiguredDestinationsAndBecomeNotified() throws IOException {
        List<String> bodies = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try {
            Path routes = dir.resolve("routes.yml");
            Files.writeString(routes, """
                    destinations:
                      soc:
                        type: webhook
                        url: http://127.0.0.1:%d/hook
                        secret: ${env:TEST_HOOK_SECRET}
                    routes:
                      - name: high
                        match: {min-severity: high}
                        to: [soc]
                    """.formatted(server.getAddress().getPort()));
            HubOptions.environment = () -> Map.of("TEST_HOOK_SECRET", "s3cret");
            CliRunner.Result r = vigil("findings", "import", "--routes", routes.toString(), exportFile(
                    guardDuty("f1", "Exfiltration:S3/AnomalousBehavior", 8.0, "gina", "AKIAG", "2026-10-06T10:00:00Z",
                            "2026-10-06T10:00:00Z"),
                    guardDuty("f2", "Recon:IAMUser/TorIPCaller", 2.0, "gina", "AKIAG", "2026-10-06T10:00:00Z",
                            "2026-10-06T10:00:00Z")).toString());
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out()).contains("routing: 1 notifications queued, 1 delivered").contains("1 findings now NOTIFIED");
            assertThat(bodies).hasSize(1);
            assertThat(bodies.getFirst()).contains("Exfiltration:S3/AnomalousBehavior").doesNotContain("TorIPCaller");
            assertThat(vigil("findings", "list", "--workflow", "notified").out()).contains("Exfiltration")
                    .doesNotContain("TorIPCaller");
            assertThat(vigil("findings", "deliver", "--status").out()).contains("DELIVERED=1");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void hostileTextFromAnImportNeverReachesTheTerminalRaw() throws IOException {
        // a title and user name carrying an ANSI escape (clear screen), a bell, a carriage return and HTML
        String evil = "\\u001b[2J\\u0007<script>x</script>\\r";
        String line = guardDuty("h1", "Discovery:IAMUser/AnomalousBehavior", 5.0, "eve" + evil, "AKIAH",
                "2026-10-07T10:00:00Z", "2026-10-07T10:00:00Z")
                .replace("\"title\":\"", "\"title\":\"" + evil);
        Path file = exportFile(line, guardDuty("h2", "Exfiltration:S3/AnomalousBehavior", 8.0, "eve" + evil,
                "AKIAH", "2026-10-07T10:10:00Z", "2026-10-07T10:10:00Z"));
        CliRunner.Result imported = vigil("findings", "import", file.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        String id = id(vigil("findings", "list"), 0);
        for (CliRunner.Result r : List.of(vigil("findings", "list"), vigil("findings", "show", id),
                vigil("findings", "incidents", "--min-tactics", "1"))) {
            assertThat(r.out()).contains("eve").doesNotContain("\u001b").doesNotContain("\u0007")
                    .doesNotContain("\r");
        }
    }
}
