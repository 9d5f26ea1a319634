package dev.vigil.sim;

import dev.vigil.sim.PostureOrg.Host;
import dev.vigil.sim.PostureOrg.Vpc;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Writes the VPC flow logs as S3 delivers them: for every flow log and 5-minute window with traffic one gzip text file,
 * header line first, at {@code logs/AWSLogs/ACCOUNT/vpcflowlogs/REGION/YYYY/MM/DD/
 * ACCOUNT_vpcflowlogs_REGION_fl-ID_YYYYMMDDTHHmmZ_HASH8.log.gz}, named by the window its records' {@code end}
 * falls in. Generation walks the windows in order and holds only the current window's lines, so memory does not grow
 * with the day's volume. Each window draws from its own random stream, seeded by the window's start.
 */
final class FlowLogWriter {

    static final long WINDOW_SECONDS = 300;
    private static final long SALT = 0x666c6f77L;

    private final Path logsDir;
    private final long seed;
    private final TimeText time = new TimeText();
    private long records;
    private long files;
    private long bytes;
    private long peakWindowRecords;

    FlowLogWriter(Path logsDir, long seed) {
        this.logsDir = logsDir;
        this.seed = seed;
    }

    /** Generates and writes every window of [startSec, endSec). */
    void write(List<Host> hosts, BenignFlows benign, List<NetworkScenario> scenarios, long startSec, long endSec) {
        Map<String, Vpc> vpcs = new LinkedHashMap<>();
        for (Host h : hosts) {
            vpcs.putIfAbsent(h.vpc().id(), h.vpc());
        }
        Map<String, StringBuilder> lines = new LinkedHashMap<>();
        for (long w = Math.floorDiv(startSec, WINDOW_SECONDS) * WINDOW_SECONDS; w < endSec; w += WINDOW_SECONDS) {
            long from = Math.max(w, startSec);
            long to = Math.min(w + WINDOW_SECONDS, endSec);
            lines.clear();
            FlowSink sink = flow -> {
                if (flow.end() < from || flow.end() >= to) {
                    throw new IllegalStateException("flow ending at " + flow.end() + " outside its window " + from);
                }
                Vpc v = flow.host().vpc();
                StringBuilder sb = lines.computeIfAbsent(v.id(), k -> new StringBuilder(16_384));
                FlowLogFormat.of(v).render(flow, sb);
                sb.append('\n');
                records++;
            };
            long before = records;
            SplittableRandom r = new SplittableRandom(Ids.mix(seed, SALT, w));
            benign.window(from, to, r, sink);
            for (NetworkScenario s : scenarios) {
                s.window(from, to - from, r, sink);
            }
            peakWindowRecords = Math.max(peakWindowRecords, records - before);
            for (Map.Entry<String, StringBuilder> e : lines.entrySet()) {
                writeFile(vpcs.get(e.getKey()), w, e.getValue());
            }
        }
    }

    private void writeFile(Vpc v, long window, StringBuilder body) {
        String account = v.account().id();
        String iso = time.iso(window * 1000);
        String date = iso.substring(0, 10).replace('-', '/');
        String stamp = iso.substring(0, 4) + iso.substring(5, 7) + iso.substring(8, 10) + "T" + iso.substring(11, 13)
                + iso.substring(14, 16) + "Z";
        String name = account + "_vpcflowlogs_" + v.region() + "_" + v.flowLogId() + "_" + stamp + "_"
                + Payloads.stableHex(v.flowLogId() + "/" + window + "/" + seed, 8) + ".log.gz";
        Path file = logsDir.resolve("AWSLogs").resolve(account).resolve("vpcflowlogs").resolve(v.region())
                .resolve(date).resolve(name);
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = new FastGzip(new BufferedOutputStream(Files.newOutputStream(file), 65_536))) {
                out.write((FlowLogFormat.of(v).header() + "\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body.toString().getBytes(StandardCharsets.US_ASCII));
            }
            files++;
            bytes += Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
        }
    }

    long records() {
        return records;
    }

    /** The most records one window held: all the writer ever keeps in memory at once. */
    long peakWindowRecords() {
        return peakWindowRecords;
    }

    long files() {
        return files;
    }

    long bytes() {
        return bytes;
    }

    /** Gzip at the simulator's fast deflate level ({@link EstateSimulator#GZIP_LEVEL}). */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream out) throws IOException {
            super(out, 65_536);
            def.setLevel(EstateSimulator.GZIP_LEVEL);
        }
    }
}
