package dev.vigil.formats.input;

import dev.vigil.formats.cloudtrail.FirstRecordTime;
import dev.vigil.model.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Files are read in time order: delivery stamps first, else the first record's time; broken files last. */
class LogFileFinderTest {

    @TempDir
    Path dir;

    static String record(String time) {
        return "{\"eventTime\":\"" + time + "\",\"eventSource\":\"s\",\"eventName\":\"n\"}";
    }

    @Test
    void ordersByDeliveryStampThenFirstRecordTime() throws IOException {
        Path logs = Files.createDirectories(dir.resolve("AWSLogs/111122223333/CloudTrail/us-east-1/2026/10/01"));
        Files.writeString(logs.resolve("111122223333_CloudTrail_us-east-1_20261001T1200Z_AAAAAAAAAAAAAAAA.json"), "[]");
        Files.writeString(logs.resolve("111122223333_CloudTrail_us-east-1_20261001T0900Z_BBBBBBBBBBBBBBBB.json"), "[]");
        Files.writeString(dir.resolve("a-late.json"), "[" + record("2026-10-01T23:00:00Z") + "]");
        Files.writeString(dir.resolve("z-early.jsonl"), record("2026-10-01T01:00:00Z") + "\n");
        Files.writeString(dir.resolve("broken.json"), "{\"eventTime\": \"nope");
        Files.write(dir.resolve("binary.bin"), new byte[]{0, 1, 2, (byte) 0xff});
        List<Problem> problems = new ArrayList<>();
        List<String> names = LogFileFinder.find(List.of(dir), problems::add, FirstRecordTime::of).stream()
                .map(f -> f.path().getFileName().toString()).toList();
        assertThat(names).containsExactly("z-early.jsonl",
                "111122223333_CloudTrail_us-east-1_20261001T0900Z_BBBBBBBBBBBBBBBB.json",
                "111122223333_CloudTrail_us-east-1_20261001T1200Z_AAAAAAAAAAAAAAAA.json",
                "a-late.json", "binary.bin", "broken.json");
        assertThat(problems).isEmpty();
    }

    @Test
    void missingInputsAreReportedAndLinksNotFollowed() throws IOException {
        Path real = Files.createDirectories(dir.resolve("real"));
        Files.writeString(real.resolve("x.json"), "[]");
        Files.createSymbolicLink(real.resolve("loop"), dir); // a loop back up the tree
        List<Problem> problems = new ArrayList<>();
        List<LogFile> files = LogFileFinder.find(List.of(real, dir.resolve("gone")), problems::add);
        assertThat(files).extracting(f -> f.path().getFileName().toString()).containsExactly("x.json");
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.reason()).isEqualTo("not-found"));
    }
}
