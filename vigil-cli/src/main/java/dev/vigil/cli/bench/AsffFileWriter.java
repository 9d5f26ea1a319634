package dev.vigil.cli.bench;

import dev.vigil.formats.findings.AsffBatchWriter;
import dev.vigil.formats.findings.AsffTarget;
import dev.vigil.formats.findings.ExportableFinding;
import dev.vigil.model.Problem;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;

/**
 * Writes synthetic findings as Security Hub would receive them from Vigil: BatchImportFindings requests of at most
 * 100 findings, one per line, through the project's {@link AsffBatchWriter}, so {@code vigil findings import} can be
 * timed on a file of known size. A name ending in {@code .gz} is gzip-compressed. Findings are generated one at a
 * time; only the writer's current batch is in memory.
 */
final class AsffFileWriter {

    /** The Security Hub the export is addressed to: the data set's first account, in us-east-1. */
    static final AsffTarget TARGET = AsffTarget.of("us-east-1", BenchCatalog.ACCOUNTS.get(0));

    /** What writing gave. */
    record Result(long written, long refused, long batches, long bytes) {
    }

    private final SyntheticFindings generator;

    AsffFileWriter(SyntheticFindings generator) {
        this.generator = generator;
    }

    Result write(Path file, long n, Consumer<Problem> problems) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        long[] refused = {0};
        Consumer<Problem> counting = p -> {
            refused[0]++;
            problems.accept(p);
        };
        AsffBatchWriter writer;
        OutputStream raw = Files.newOutputStream(file);
        try {
            OutputStream out = file.getFileName().toString().endsWith(".gz")
                    ? new GZIPOutputStream(raw, 1 << 16) : raw;
            writer = new AsffBatchWriter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                    1 << 16), TARGET, counting);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
        try (writer) {
            for (long i = 0; i < n; i++) {
                SyntheticFinding s = generator.finding(i);
                writer.write(new ExportableFinding(s.finding(), s.origin(), s.workflow(), s.recordState(),
                        s.finding().firstSeen(), s.finding().lastSeen(), s.risk()));
            }
        }
        return new Result(writer.written(), refused[0], writer.batches(), Files.size(file));
    }
}
