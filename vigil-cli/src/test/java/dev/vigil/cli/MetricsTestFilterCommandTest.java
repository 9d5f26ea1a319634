package dev.vigil.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsTestFilterCommandTest {

    static final String TRAIL = "{\"Records\":[" + record("ConsoleLogin", "arn:aws:iam::1:user/a") + ","
            + record("StopLogging", "arn:aws:iam::1:user/\\u001b[31mevil") + "]}";

    @TempDir
    Path dir;

    static String record(String name, String arn) {
        return "{\"eventVersion\":\"1.08\",\"eventTime\":\"2024-01-01T00:00:00Z\",\"eventSource\":\"x.amazonaws.com\","
                + "\"eventName\":\"" + name + "\",\"awsRegion\":\"us-east-1\",\"eventID\":\"id-" + name + "\","
                + "\"eventType\":\"AwsApiCall\",\"recipientAccountId\":\"111122223333\",\"userIdentity\":{\"type\":"
                + "\"IAMUser\",\"arn\":\"" + arn + "\"}}";
    }

    @Test
    void cloudTrailFileShowsPerEventResultAndExtraction() throws IOException {
        Path f = Files.writeString(dir.resolve("trail.json"), TRAIL);
        CliRunner.Result r = CliRunner.run("metrics", "test-filter", "--pattern", "{ $.eventName = StopLogging }",
                "--events", f.toString(), "--metric-value", "1", "--dimension", "User=$.userIdentity.arn");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("1  no-match .*trail.json")
                .containsPattern("2  MATCH +.*trail.json.*value=1  User=arn:aws:iam::1:user/.*evil")
                .contains("2 events, 1 matched");
        assertThat(r.out()).doesNotContain("\u001b");
    }

    @Test
    void plainLinesWithDelimitedPatternAsJsonl() throws IOException {
        Path f = Files.writeString(dir.resolve("access.log"),
                "127.0.0.1 Prod frank [10/Oct/2000:13:25:15 -0700] \"GET /index.html HTTP/1.0\" 404 1534\n"
                        + "\n10.0.0.1 Prod ann [10/Oct/2000:13:25:16 -0700] \"GET /a.png HTTP/1.0\" 200 99\n");
        CliRunner.Result r = CliRunner.run("metrics", "test-filter", "--pattern",
                "[ip, user, username, timestamp, request = *.html*, status_code = 4*, bytes]", "--events", f.toString(),
                "--format", "jsonl", "--metric-value", "$bytes");
        assertThat(r.exitCode()).as(r.err()).isZero();
        String[] lines = r.out().strip().split("\n");
        assertThat(lines).hasSize(2);
        JsonNode first = new ObjectMapper().readTree(lines[0]);
        assertThat(first.get("matched").asBoolean()).isTrue();
        assertThat(first.get("extracted").get("$request").asText()).isEqualTo("GET /index.html HTTP/1.0");
        assertThat(first.get("value").asDouble()).isEqualTo(1534.0);
        assertThat(first.get("origin").asText()).endsWith("access.log:1");
        JsonNode second = new ObjectMapper().readTree(lines[1]);
        assertThat(second.get("matched").asBoolean()).isFalse();
        assertThat(second.get("origin").asText()).endsWith("access.log:3");
        assertThat(r.err()).contains("2 events, 1 matched");
    }

    @Test
    void badPatternPointsAtTheColumn() throws IOException {
        Path f = Files.writeString(dir.resolve("x.log"), "a\n");
        CliRunner.Result r = CliRunner.run("metrics", "test-filter", "--pattern", "{ $.a IS NOT NULL }", "--events",
                f.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("invalid filter pattern at column 10: 'IS NOT' is not supported")
                .contains("  { $.a IS NOT NULL }\n           ^");
    }

    @Test
    void badReferencesAndFilesAreUserErrors() throws IOException {
        Path f = Files.writeString(dir.resolve("x.log"), "ERROR a\n");
        assertThat(CliRunner.run("metrics", "test-filter", "--pattern", "ERROR", "--events", f.toString(),
                "--metric-value", "$.x").err()).contains("not a JSON pattern");
        assertThat(CliRunner.run("metrics", "test-filter", "--pattern", "ERROR", "--events", f.toString(),
                "--dimension", "nope").err()).contains("must be NAME=REF");
        assertThat(CliRunner.run("metrics", "test-filter", "--pattern", "ERROR", "--events",
                dir.resolve("missing").toString()).err()).contains("not a file");
        assertThat(CliRunner.run("metrics", "test-filter", "--pattern", "ERROR", "--events", f.toString(),
                "--format", "xml").err()).contains("unknown --format");
        CliRunner.Result ok = CliRunner.run("metrics", "test-filter", "--pattern", "ERROR", "--events", f.toString());
        assertThat(ok.out()).contains("1  MATCH").contains("1 events, 1 matched");
    }

    @Test
    void metricsParentListsItsSubcommands() {
        CliRunner.Result r = CliRunner.run("metrics");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("test-filter");
    }
}
