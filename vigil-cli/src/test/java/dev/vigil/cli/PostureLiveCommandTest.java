package dev.vigil.cli;

import dev.vigil.live.ReplayEstate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code vigil posture --live} through the command line, against vigil-live's replay server (recorded AWS answers
 * for a two-account organisation) instead of AWS: the live run, the offline run over the same estate's files and
 * the offline run over what {@code --save} wrote must judge alike, result for result.
 */
class PostureLiveCommandTest {

    /** The recorded estate's time: its root uses are recent as of then. */
    static final String AT = "2024-05-01T12:00:00Z";
    private static final List<String> PROPERTIES = List.of("aws.accessKeyId", "aws.secretAccessKey", "aws.region");

    @TempDir
    Path dir;

    private ReplayEstate replay;

    @BeforeEach
    void start() {
        replay = ReplayEstate.start();
        // The SDK's default credentials chain reads these first: the caller is the management account.
        System.setProperty("aws.accessKeyId", ReplayEstate.MANAGEMENT_KEY);
        System.setProperty("aws.secretAccessKey", "replay-secret");
        System.setProperty("aws.region", ReplayEstate.REGION);
    }

    @AfterEach
    void stop() {
        PROPERTIES.forEach(System::clearProperty);
        replay.close();
    }

    CliRunner.Result posture(String out, String... args) {
        String[] base = {"posture", "--out", dir.resolve(out).toString(), "--no-store", "--at", AT};
        String[] all = java.util.Arrays.copyOf(base, base.length + args.length);
        System.arraycopy(args, 0, all, base.length, args.length);
        return CliRunner.run(all);
    }

    List<String> results(String out) throws IOException {
        return Files.readAllLines(dir.resolve(out).resolve(PostureRun.RESULTS_FILE));
    }

    @Test
    void liveThroughTheEndpointJudgesLikeTheOfflineFilesAndLikeWhatItSaved() throws IOException {
        Path saved = dir.resolve("snapshot");
        // localhost, not 127.0.0.1: S3 Control calls go to ACCOUNT.localhost (see LocalhostNames).
        CliRunner.Result live = posture("live", "--live", "--endpoint-url", "http://localhost:" + replay.port(),
                "--regions", ReplayEstate.REGION, "--role-name", ReplayEstate.ROLE, "--concurrency", "2",
                "--save", saved.toString());
        assertThat(live.exitCode()).as(live.out() + live.err()).isEqualTo(ExitCode.OK);
        assertThat(live.out()).contains("Read live:");
        assertThat(live.err()).contains("saved ").doesNotContain("UnknownHost");
        assertThat(replay.calls()).isPositive();

        CliRunner.Result offline = posture("offline", ReplayEstate.offlineFiles().toString());
        assertThat(offline.exitCode()).as(offline.out() + offline.err()).isEqualTo(ExitCode.OK);
        CliRunner.Result again = posture("again", saved.toString());
        assertThat(again.exitCode()).as(again.out() + again.err()).isEqualTo(ExitCode.OK);

        List<String> liveResults = results("live");
        assertThat(liveResults).hasSizeGreaterThan(50)
                .anyMatch(l -> l.contains("\"account\":\"" + ReplayEstate.MEMBER + "\""))
                .anyMatch(l -> l.contains("\"status\":\"FAIL\""))
                // read through S3 Control (ACCOUNT.localhost): the account-level setting was judged, not an ERROR
                .anyMatch(l -> l.contains("\"check\":\"s3.public_access_block\"") && l.contains("\"status\":\"FAIL\"")
                        && l.contains("account level"));
        assertThat(liveResults).containsExactlyElementsOf(results("offline"));
        assertThat(liveResults).containsExactlyElementsOf(results("again"));
    }

    @Test
    void anEndpointThatIsNotAnHttpUrlIsAUserError() {
        CliRunner.Result r = posture("x", "--live", "--endpoint-url", "localhost:4566");
        assertThat(r.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(r.err()).contains("--endpoint-url 'localhost:4566' is not an http(s) URL");
        assertThat(replay.calls()).isZero();
    }
}
