package dev.vigil.cli;

import dev.vigil.hub.PostgresExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --db postgresql://…}: the commands keep findings in a real PostgreSQL started for the test run. */
@ExtendWith(PostgresExtension.class)
class FindingsOnPostgresTest {

    @TempDir
    Path dir;

    @Test
    void importListUpdateAndIncidentsWorkOnAPostgresDatabase() throws IOException {
        String db = PostgresExtension.emptyDatabase(getClass());
        Path file = dir.resolve("gd.jsonl");
        Files.writeString(file, String.join("\n",
                finding("p1", "Discovery:IAMUser/AnomalousBehavior", 2.0, "2026-10-05T10:00:00Z"),
                finding("p2", "Exfiltration:S3/AnomalousBehavior", 8.0, "2026-10-05T10:30:00Z")) + "\n");

        CliRunner.Result imported = CliRunner.run("findings", "import", file.toString(), "--db", db);
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("2 new").contains("1 incident candidates");
        assertThat(dir.resolve(".vigil")).doesNotExist();

        CliRunner.Result list = CliRunner.run("findings", "list", "--sort", "risk", "--db", db);
        assertThat(list.out().lines().skip(1).findFirst().orElseThrow()).contains("Exfiltration:S3/AnomalousBehavior");
        String id = list.out().lines().skip(1).findFirst().orElseThrow().substring(0, 12);

        CliRunner.Result update = CliRunner.run("findings", "update", id, "--workflow", "resolved", "--reason", "done",
                "--actor", "pat", "--db", db);
        assertThat(update.exitCode()).as(update.err()).isZero();
        assertThat(CliRunner.run("findings", "show", id, "--db", db).out()).contains("pat: workflow NEW -> RESOLVED");
        assertThat(CliRunner.run("findings", "incidents", "--db", db).out())
                .contains("discovery -> exfiltration");

        CliRunner.Result bad = CliRunner.run("findings", "list", "--db", "mysql://nope");
        assertThat(bad.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(bad.err()).contains("not a PostgreSQL URL");
    }

    private static String finding(String id, String type, double severity, String at) {
        return ("{\"schemaVersion\":\"2.0\",\"accountId\":\"111122223333\",\"region\":\"us-east-1\",\"id\":\"%s\","
                + "\"arn\":\"arn:aws:guardduty:us-east-1:111122223333:detector/d/finding/%s\",\"type\":\"%s\","
                + "\"resource\":{\"resourceType\":\"AccessKey\",\"accessKeyDetails\":{\"accessKeyId\":\"AKIAP\","
                + "\"principalId\":\"AIDAP\",\"userName\":\"pat\",\"userType\":\"IAMUser\"}},"
                + "\"service\":{\"serviceName\":\"guardduty\",\"count\":1,\"archived\":false},\"severity\":%s,"
                + "\"createdAt\":\"%s\",\"updatedAt\":\"%s\",\"title\":\"%s\",\"description\":\"d\"}")
                .formatted(id, id, type, severity, at, at, type);
    }
}
