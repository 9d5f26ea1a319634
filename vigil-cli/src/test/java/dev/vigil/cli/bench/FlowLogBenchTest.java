package dev.vigil.cli.bench;

import dev.vigil.formats.flowlog.FlowLogSniffer;
import dev.vigil.model.FlowRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Keeps the flow-log benchmark working at tiny sizes, and its {@link FlowLogBench#run} hook honest. */
class FlowLogBenchTest {

    @TempDir
    Path tmp;

    @Test
    void generatedFilesAreCleanFlowLogsReadOnceEachWhateverTheThreadCount() throws IOException {
        long written = FlowLogBench.generate(tmp.resolve("gz"), 5_000, 3, 7, true);
        assertThat(written).isGreaterThan(5_000L * 60);
        List<Path> files;
        try (Stream<Path> s = Files.list(tmp.resolve("gz"))) {
            files = s.toList();
        }
        assertThat(files).hasSize(3).allMatch(FlowLogSniffer::isFlowLog);

        for (int threads : new int[]{1, 2}) {
            Set<String> sinkThreads = ConcurrentHashMap.newKeySet();
            LongAdder seen = new LongAdder();
            Set<String> origins = ConcurrentHashMap.newKeySet();
            long read = FlowLogBench.run(tmp.resolve("gz"), threads, () -> {
                sinkThreads.add(Thread.currentThread().getName());
                return (FlowRecord r) -> {
                    seen.increment();
                    origins.add(r.origin());
                };
            });
            assertThat(read).isEqualTo(5_000);
            assertThat(seen.sum()).isEqualTo(5_000);
            assertThat(origins).as("every record once").hasSize(5_000);
            assertThat(sinkThreads).as("one sink per thread").hasSize(threads);
        }
    }

    @Test
    void printsATableAndRefusesBadArguments() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = FlowLogBench.run(new String[]{"2000", "--files", "2", "--runs", "1", "--dir",
                tmp.resolve("bench").toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("2,000 v2 records in 2 files", "| plain | 1 |",
                "| gz | 2 |");

        assertThat(FlowLogBench.run(new String[]{"--runs", "zero"}, new PrintStream(out), new PrintStream(err)))
                .isEqualTo(2);
    }
}
