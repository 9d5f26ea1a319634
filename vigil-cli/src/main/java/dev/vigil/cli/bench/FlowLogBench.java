package dev.vigil.cli.bench;

import dev.vigil.formats.cloudtrail.CloudTrailFileReader;
import dev.vigil.formats.flowlog.FlowLogFileReader;
import dev.vigil.formats.flowlog.FlowLogFormat;
import dev.vigil.formats.input.LogFile;
import dev.vigil.model.AddressScreen;
import dev.vigil.model.FlowRecord;
import dev.vigil.model.Problem;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * The flow-log parse benchmark (run by {@code bench/flow-bench}): writes N default-format (version 2) records of
 * realistic shape as S3-style files, plain and gzip, and times reading them with {@link FlowLogFileReader} on 1
 * and 2 threads. Parsing only: every record goes to a sink that just keeps it, so the figure is the reader's.
 *
 * <pre>
 * FlowLogBench [N] [--files F] [--runs R] [--seed S] [--dir DIR]
 * </pre>
 *
 * N records (default 2 000 000) in F files per form (default 8), timed R rounds (default 3, after one warm-up
 * round), best round reported. DIR (default a new temporary directory, deleted afterwards) keeps the files.
 * Exit status 0 on success, 1 when a file fails, 2 for wrong arguments.
 */
public final class FlowLogBench {

    static final long DEFAULT_RECORDS = 2_000_000;
    static final int DEFAULT_FILES = 8;
    static final int DEFAULT_RUNS = 3;
    static final long DEFAULT_SEED = 7;

    private static final String USAGE = "usage: FlowLogBench [N] [--files F] [--runs R] [--seed S] [--dir DIR]";

    private FlowLogBench() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        long n = DEFAULT_RECORDS;
        int files = DEFAULT_FILES;
        int runs = DEFAULT_RUNS;
        long seed = DEFAULT_SEED;
        Path keep = null;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--files" -> files = (int) positive(args, ++i, "--files");
                    case "--runs" -> runs = (int) positive(args, ++i, "--runs");
                    case "--seed" -> seed = Long.parseLong(value(args, ++i, "--seed"));
                    case "--dir" -> keep = Path.of(value(args, ++i, "--dir"));
                    default -> n = positive(args, i, "N");
                }
            }
        } catch (IllegalArgumentException e) {
            err.println("flow-bench: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        Path dir = null;
        try {
            dir = workDir(keep);
            Path plain = dir.resolve("plain");
            Path gz = dir.resolve("gz");
            long bytes = generate(plain, n, files, seed, false);
            generate(gz, n, files, seed, true);
            out.printf(Locale.ROOT, "%,d v2 records in %d files: %.1f MB text, %.1f MB gzip%n", n, files,
                    bytes / 1e6, sizeOf(gz) / 1e6);
            out.println();
            out.println("| form | threads | records/s (wall) | MB/s (text) | records per CPU-second | best s | "
                    + "all rounds (s) |");
            out.println("|---|---|---|---|---|---|---|");
            for (Path form : List.of(plain, gz)) {
                for (int threads : new int[]{1, 2}) {
                    double[] t = time(form, threads, runs, n);
                    double[] wall = Arrays.copyOfRange(t, 0, runs);
                    double best = min(wall);
                    double cpu = min(Arrays.copyOfRange(t, runs, 2 * runs));
                    out.printf(Locale.ROOT, "| %s | %d | %,.0f | %.0f | %,.0f | %.3f | %s |%n", form.getFileName(),
                            threads, n / best, bytes / 1e6 / best, n / cpu, best, format(wall));
                }
            }
            out.println();
            out.println("records per CPU-second: records / CPU time of the reading threads (best round); it does "
                    + "not move with other load on the machine, the wall figures do");
            return 0;
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            err.println("flow-bench: " + e.getMessage());
            return 1;
        } finally {
            if (keep == null && dir != null) {
                delete(dir);
            }
        }
    }

    /**
     * Reads every file under {@code path} (or the one file) with {@link FlowLogFileReader} on {@code threads}
     * threads, one file at a time per thread; each thread sends its records to its own sink from
     * {@code perThreadSink} (called once per thread, on that thread). Returns the number of records read.
     *
     * @throws IllegalStateException when a file has a problem: benchmark input must be clean
     */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** CPU time the reading threads of the last {@link #run} used, summed. */
    private static final AtomicLong LAST_CPU_NANOS = new AtomicLong();

    /** CPU time the reading threads of the last {@link #run} used, summed (nanoseconds). */
    static long lastCpuNanos() {
        return LAST_CPU_NANOS.get();
    }

    static long run(Path path, int threads, Supplier<Consumer<FlowRecord>> perThreadSink) {
        return run(path, threads, null, perThreadSink);
    }

    /** As {@link #run(Path, int, Supplier)}, the readers running {@code screen} (null: none) on the addresses. */
    static long run(Path path, int threads, AddressScreen screen, Supplier<Consumer<FlowRecord>> perThreadSink) {
        ConcurrentLinkedQueue<Path> queue = new ConcurrentLinkedQueue<>(filesUnder(path));
        FlowLogFileReader reader = new FlowLogFileReader(CloudTrailFileReader.Limits.DEFAULT, new LongAdder(),
                FlowLogFormat.V2_DEFAULT, screen);
        AtomicLong total = new AtomicLong();
        LAST_CPU_NANOS.set(0);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    Consumer<FlowRecord> sink = perThreadSink.get();
                    Consumer<Problem> problems = p -> {
                        throw new IllegalStateException(p.location() + ": " + p.message());
                    };
                    long cpu0 = THREADS.getCurrentThreadCpuTime();
                    Path file;
                    while ((file = queue.poll()) != null) {
                        total.addAndGet(reader.read(new LogFile(file, file.toString(), 0), sink, problems).records());
                    }
                    LAST_CPU_NANOS.addAndGet(THREADS.getCurrentThreadCpuTime() - cpu0);
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return total.get();
    }

    /**
     * One warm-up round, then {@code runs} timed rounds: wall seconds in [0, runs), CPU seconds of the reading
     * threads (summed) in [runs, 2 runs).
     */
    private static double[] time(Path form, int threads, int runs, long expected) {
        double[] seconds = new double[2 * runs];
        for (int round = -1; round < runs; round++) {
            long t0 = System.nanoTime();
            long read = run(form, threads, KeepingSink::new);
            long t1 = System.nanoTime();
            if (read != expected) {
                throw new IllegalStateException("read " + read + " records, wrote " + expected);
            }
            if (round >= 0) {
                seconds[round] = (t1 - t0) / 1e9;
                seconds[runs + round] = LAST_CPU_NANOS.get() / 1e9;
            }
        }
        return seconds;
    }

    /** Keeps the last record and a sum over every record, so no parse work can be optimised away. */
    static final class KeepingSink implements Consumer<FlowRecord> {
        static volatile long published;
        private FlowRecord last;
        private long sum;

        @Override
        public void accept(FlowRecord r) {
            last = r;
            sum += r.bytes() + r.dstPort() + r.srcAddr().length();
            if ((sum & 0xFFFFF) == 0) {
                published = sum + last.end();
            }
        }
    }

    /**
     * The generated estate: accounts, interfaces with private addresses, a pool of internet peers and a few
     * internet scanners. A function of the seed alone, so the indicator list ({@link FlowEvaluationBench}) can list some
     * of the same peers.
     */
    record Estate(String[] accounts, String[] enis, String[] privateIps, String[] peers, String[] scanners) {

        static Estate of(long seed) {
            SplittableRandom r = new SplittableRandom(seed);
            String[] enis = new String[300];
            String[] privateIps = new String[enis.length];
            for (int i = 0; i < enis.length; i++) {
                enis[i] = String.format(Locale.ROOT, "eni-%017x", r.nextLong() & 0xFFFFFFFFFFFFFL);
                privateIps[i] = "10." + r.nextInt(4) + "." + r.nextInt(256) + "." + (4 + r.nextInt(250));
            }
            String[] peers = new String[2000];
            for (int i = 0; i < peers.length; i++) {
                peers[i] = (1 + r.nextInt(223)) + "." + r.nextInt(256) + "." + r.nextInt(256) + "."
                        + (1 + r.nextInt(254));
            }
            String[] scanners = new String[8];
            for (int i = 0; i < scanners.length; i++) {
                scanners[i] = (1 + r.nextInt(223)) + "." + r.nextInt(256) + "." + r.nextInt(256) + "."
                        + (1 + r.nextInt(254));
            }
            return new Estate(new String[]{"111122223333", "444455556666", "777788889999"}, enis, privateIps, peers,
                    scanners);
        }
    }

    /**
     * Writes {@code n} records into {@code files} S3-style files (header line first): a few accounts, 300
     * interfaces with private addresses, traffic to common service ports and back on ephemeral ports, internet
     * peers from a pool plus a tail of one-off addresses, 10 % REJECT, 1 % NODATA; and a few scanners: 0.5 % of
     * the records are 8 internet scanners probing random low ports of 40 instances (mostly rejected), 0.2 % one
     * instance probing random ports of random internet hosts (an outbound port scan).
     */
    static long generate(Path dir, long n, int files, long seed, boolean gzip) throws IOException {
        Files.createDirectories(dir);
        Estate estate = Estate.of(seed);
        SplittableRandom r = new SplittableRandom(seed + 1);
        String[] accounts = estate.accounts();
        String[] enis = estate.enis();
        String[] privateIps = estate.privateIps();
        String[] peers = estate.peers();
        String[] scanners = estate.scanners();
        int[] servicePorts = {443, 443, 443, 80, 53, 22, 3306, 5432, 8080, 123};
        long start = 1_790_812_800L; // 2026-10-01T00:00:00Z
        long bytesWritten = 0;
        long perFile = (n + files - 1) / files;
        long written = 0;
        for (int f = 0; f < files && written < n; f++) {
            String name = String.format(Locale.ROOT, "111122223333_vpcflowlogs_us-east-1_fl-0123456789abcdef0_"
                    + "20261001T%02d%02dZ_%08x.log%s", f / 12, f % 12 * 5, f, gzip ? ".gz" : "");
            try (OutputStream os = Files.newOutputStream(dir.resolve(name));
                 OutputStream body = gzip ? new GZIPOutputStream(os, 1 << 16) : os;
                 BufferedWriter w = new BufferedWriter(new OutputStreamWriter(body, StandardCharsets.US_ASCII),
                         1 << 16)) {
                String header = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets "
                        + "bytes start end action log-status\n";
                w.write(header);
                bytesWritten += header.length();
                StringBuilder line = new StringBuilder(160);
                for (long i = 0; i < perFile && written < n; i++, written++) {
                    line.setLength(0);
                    int e = r.nextInt(enis.length);
                    long end = start + written * 86_400 / n;
                    long begin = end - 1 - r.nextInt(59);
                    int kind = r.nextInt(10_000);
                    if (kind < 50) {
                        e = r.nextInt(40); // the scanners' targets: the first 40 instances
                    } else if (kind < 70) {
                        e = 0; // the instance that scans
                    }
                    line.append("2 ").append(accounts[e % accounts.length]).append(' ').append(enis[e]).append(' ');
                    if (kind < 50) {
                        line.append(scanners[kind % scanners.length]).append(' ').append(privateIps[e]).append(' ')
                                .append(32768 + r.nextInt(28232)).append(' ').append(1 + r.nextInt(1024))
                                .append(" 6 1 44 ").append(begin).append(' ').append(end)
                                .append(r.nextInt(5) == 0 ? " ACCEPT OK" : " REJECT OK");
                    } else if (kind < 70) {
                        line.append(privateIps[0]).append(' ').append(randomAddress(r)).append(' ')
                                .append(32768 + r.nextInt(28232)).append(' ').append(1 + r.nextInt(1024))
                                .append(" 6 1 44 ").append(begin).append(' ').append(end).append(" ACCEPT OK");
                    } else if (kind < 170) {
                        line.append("- - - - - - - ").append(begin).append(' ').append(end).append(" - NODATA");
                    } else {
                        String peer = r.nextInt(10) == 0 ? randomAddress(r)
                                : r.nextInt(3) == 0 ? privateIps[r.nextInt(privateIps.length)] : peers[r.nextInt(peers.length)];
                        int servicePort = servicePorts[r.nextInt(servicePorts.length)];
                        int ephemeral = 32768 + r.nextInt(28232);
                        int protocol = servicePort == 53 || servicePort == 123 ? 17 : r.nextInt(50) == 0 ? 1 : 6;
                        boolean outbound = r.nextBoolean();
                        String src = outbound ? privateIps[e] : peer;
                        String dst = outbound ? peer : privateIps[e];
                        int sport = protocol == 1 ? 0 : outbound ? ephemeral : servicePort;
                        int dport = protocol == 1 ? 0 : outbound ? servicePort : ephemeral;
                        long packets = 1 + (long) Math.abs(r.nextGaussian() * 40);
                        long bytes = packets * (40 + r.nextInt(1460));
                        line.append(src).append(' ').append(dst).append(' ').append(sport).append(' ').append(dport)
                                .append(' ').append(protocol).append(' ').append(packets).append(' ').append(bytes)
                                .append(' ').append(begin).append(' ').append(end)
                                .append(r.nextInt(10) == 0 ? " REJECT OK" : " ACCEPT OK");
                    }
                    line.append('\n');
                    w.append(line);
                    bytesWritten += line.length();
                }
            }
        }
        return bytesWritten;
    }

    private static String randomAddress(SplittableRandom r) {
        return (1 + r.nextInt(223)) + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(256);
    }

    private static List<Path> filesUnder(Path path) {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> s = Files.walk(path)) {
            // largest first, so two threads finish together
            return s.filter(Files::isRegularFile).sorted(Comparator.comparingLong(FlowLogBench::size).reversed())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The directory the generated files go to: {@code keep} when given, else a new temporary directory. */
    static Path workDir(Path keep) throws IOException {
        return keep != null ? Files.createDirectories(keep) : Files.createTempDirectory("vigil-flow-bench");
    }

    static long sizeOf(Path dir) {
        return filesUnder(dir).stream().mapToLong(FlowLogBench::size).sum();
    }

    static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }

    static double min(double[] v) {
        double m = Double.MAX_VALUE;
        for (double d : v) {
            m = Math.min(m, d);
        }
        return m;
    }

    static String format(double[] v) {
        StringBuilder b = new StringBuilder();
        for (double d : v) {
            b.append(b.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "%.3f", d));
        }
        return b.toString();
    }

    static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    static long positive(String[] args, int i, String name) {
        String v = value(args, i, name);
        try {
            long n = Long.parseLong(v.replace("_", ""));
            if (n <= 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a positive whole number, was '" + v + "'");
        }
    }
}
