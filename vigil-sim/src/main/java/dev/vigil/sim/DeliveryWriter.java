package dev.vigil.sim;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Delivers records the way an organisation trail does: each record is delivered 30 seconds to 15 minutes
 * after it happened, into the file of its account, region and five-minute delivery window; the file is named
 * and placed by its delivery time. Records must arrive in event-time order.
 *
 * <p>Memory stays bounded whatever the volume: a file's records go straight to its gzip stream except for a
 * small per-file reservoir that shuffles them (CloudTrail files are not sorted), and a file is finished as
 * soon as no later record can be delivered into it. At most five windows per account and region are open
 * at any time.
 */
final class DeliveryWriter implements AutoCloseable {

    static final long WINDOW_MILLIS = 5 * 60_000L;
    static final long MIN_DELAY_MILLIS = 30_000L;
    static final long MAX_DELAY_MILLIS = 15 * 60_000L;
    /** Records per file held back for shuffling. */
    static final int RESERVOIR = 16;
    private static final int SLOTS = 8;
    private static final int CHUNK = 64 * 1024;
    private static final byte[] HEADER = "{\"Records\":[".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FOOTER = "]}".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] COMMA = {','};
    private static final DateTimeFormatter DAY_PATH = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);

    private final Path logsDir;
    private final String orgId;
    private final long seed;
    private final GzipWorker worker;
    private final SplittableRandom delays;
    private final Map<String, Map<String, Stream>> streams = new LinkedHashMap<>();
    private long nextDue = Long.MAX_VALUE;
    private int nextFileId;
    private int buffered;
    private int peakBuffered;
    private int openFiles;
    private int peakOpenFiles;
    private long records;

    DeliveryWriter(Path logsDir, String orgId, long seed, GzipWorker worker) {
        this.logsDir = logsDir;
        this.orgId = orgId;
        this.seed = seed;
        this.worker = worker;
        this.delays = new SplittableRandom(Ids.mix(seed, 0x44656cL));
    }

    /** Delivers one record; {@code eventMillis} must not be earlier than the previous record's. */
    void write(String account, String region, long eventMillis, byte[] json) {
        finishDue(eventMillis);
        long delivered = eventMillis + delay();
        Stream stream = stream(account, region);
        long window = Math.floorDiv(delivered - stream.phase, WINDOW_MILLIS);
        int slot = (int) Math.floorMod(window, SLOTS);
        LogFile file = stream.slots[slot];
        if (file == null || file.window != window) {
            if (file != null) {
                throw new IllegalStateException("delivery window " + file.window + " still open at window " + window
                        + " (records out of time order?)");
            }
            file = open(stream, window);
            stream.slots[slot] = file;
        }
        file.add(json);
        records++;
    }

    /** Finishes every open file. */
    void finish() {
        finishDue(Long.MAX_VALUE);
    }

    @Override
    public void close() {
        finish();
    }

    long records() {
        return records;
    }

    /** Largest number of records held in memory at once (the reservoirs); for the bounded-memory test. */
    int peakBufferedRecords() {
        return peakBuffered;
    }

    int peakOpenFiles() {
        return peakOpenFiles;
    }

    /** Most records go out within five minutes; a tail takes up to fifteen. */
    private long delay() {
        if (delays.nextDouble() < 0.85) {
            return MIN_DELAY_MILLIS + delays.nextLong(WINDOW_MILLIS - MIN_DELAY_MILLIS);
        }
        return WINDOW_MILLIS + delays.nextLong(MAX_DELAY_MILLIS - WINDOW_MILLIS);
    }

    private Stream stream(String account, String region) {
        Map<String, Stream> byRegion = streams.computeIfAbsent(account, a -> new LinkedHashMap<>());
        Stream s = byRegion.get(region);
        if (s == null) {
            // each account and region delivers on its own whole-minute phase, as real trails do
            long phase = Math.floorMod(Ids.mix(seed, account.hashCode(), region.hashCode()), 5) * 60_000L;
            s = new Stream(account, region, phase);
            byRegion.put(region, s);
        }
        return s;
    }

    private LogFile open(Stream stream, long window) {
        long deliveredAt = stream.phase + (window + 1) * WINDOW_MILLIS;
        Instant at = Instant.ofEpochMilli(deliveredAt);
        Ids fileIds = new Ids(Ids.mix(seed, stream.account.hashCode(), stream.region.hashCode(), window));
        String name = stream.account + "_CloudTrail_" + stream.region + "_" + STAMP.format(at) + "_"
                + fileIds.alnum(16) + ".json.gz";
        Path path = logsDir.resolve("AWSLogs").resolve(orgId).resolve(stream.account).resolve("CloudTrail")
                .resolve(stream.region).resolve(DAY_PATH.format(at)).resolve(name);
        LogFile file = new LogFile(nextFileId++, window, deliveredAt, fileIds.random());
        worker.open(file.id, path);
        file.append(HEADER);
        nextDue = Math.min(nextDue, deliveredAt);
        openFiles++;
        peakOpenFiles = Math.max(peakOpenFiles, openFiles);
        return file;
    }

    /** Finishes files whose delivery time has come: no record at or after {@code now} can land in them. */
    private void finishDue(long now) {
        if (now < nextDue) {
            return;
        }
        long due = Long.MAX_VALUE;
        for (Map<String, Stream> byRegion : streams.values()) {
            for (Stream s : byRegion.values()) {
                for (int i = 0; i < SLOTS; i++) {
                    LogFile f = s.slots[i];
                    if (f == null) {
                        continue;
                    }
                    if (f.deliveredAt <= now) {
                        f.finish();
                        s.slots[i] = null;
                        openFiles--;
                    } else {
                        due = Math.min(due, f.deliveredAt);
                    }
                }
            }
        }
        nextDue = due;
    }

    /** The files of one account and region. */
    private static final class Stream {
        final String account;
        final String region;
        final long phase;
        final LogFile[] slots = new LogFile[SLOTS];

        Stream(String account, String region, long phase) {
            this.account = account;
            this.region = region;
            this.phase = phase;
        }
    }

    /** One log file being filled: a shuffling reservoir in front of a chunk buffer that feeds the gzip worker. */
    private final class LogFile {
        final int id;
        final long window;
        final long deliveredAt;
        final SplittableRandom random;
        final byte[][] reservoir = new byte[RESERVOIR][];
        int held;
        boolean first = true;
        byte[] chunk = new byte[8 * 1024];
        int length;

        LogFile(int id, long window, long deliveredAt, SplittableRandom random) {
            this.id = id;
            this.window = window;
            this.deliveredAt = deliveredAt;
            this.random = random;
        }

        /** Keeps the record, or emits it or a held one at random: a bounded shuffle. */
        void add(byte[] json) {
            if (held < RESERVOIR) {
                reservoir[held++] = json;
                buffered++;
                peakBuffered = Math.max(peakBuffered, buffered);
                return;
            }
            int j = random.nextInt(RESERVOIR + 1);
            if (j == RESERVOIR) {
                emit(json);
            } else {
                emit(reservoir[j]);
                reservoir[j] = json;
            }
        }

        void finish() {
            for (int i = held - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                byte[] tmp = reservoir[i];
                reservoir[i] = reservoir[j];
                reservoir[j] = tmp;
            }
            for (int i = 0; i < held; i++) {
                emit(reservoir[i]);
                reservoir[i] = null;
            }
            buffered -= held;
            held = 0;
            append(FOOTER);
            worker.write(id, chunk, length);
            chunk = null;
            worker.finish(id);
        }

        private void emit(byte[] json) {
            if (!first) {
                append(COMMA);
            }
            first = false;
            append(json);
        }

        void append(byte[] bytes) {
            if (length + bytes.length > chunk.length) {
                if (chunk.length < CHUNK) {
                    byte[] bigger = new byte[Math.max(Math.min(chunk.length * 2, CHUNK), length + bytes.length)];
                    System.arraycopy(chunk, 0, bigger, 0, length);
                    chunk = bigger;
                } else {
                    flushChunk();
                    if (bytes.length > chunk.length) {
                        chunk = new byte[bytes.length];
                    }
                }
            }
            System.arraycopy(bytes, 0, chunk, length, bytes.length);
            length += bytes.length;
        }

        private void flushChunk() {
            if (length > 0) {
                worker.write(id, chunk, length);
                chunk = worker.buffer(CHUNK);
                length = 0;
            }
        }
    }
}
