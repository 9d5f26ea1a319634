package dev.vigil.cli.bench;

import dev.vigil.engine.intel.IntelMatch;
import dev.vigil.engine.intel.IpReputation;
import dev.vigil.engine.intel.ThreatIntel;
import dev.vigil.engine.network.FlowDetectionSettings;
import dev.vigil.engine.network.FlowDetections;
import dev.vigil.engine.network.NetworkPolicy;
import dev.vigil.model.AddressScreen;
import dev.vigil.model.Finding;
import dev.vigil.model.FlowRecord;
import dev.vigil.model.Problem;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The flow-log evaluation benchmark (run by {@code bench/flow-bench}): on the same generated version 2 text
 * ({@link FlowLogBench#generate}, on disk, read back by {@link FlowLogBench#run}), times these configurations in
 * interleaved rounds, on 2 threads and on 1:
 * <ol>
 *   <li>{@code parse}: reading only;</li>
 *   <li>{@code detect}: reading + {@link FlowDetections} without indicator sets, {@code finish} included, with
 *   the settings {@code vigil scan} uses (the defaults with {@code evidence-text: false}) unless
 *   {@code --settings} names a file;</li>
 *   <li>{@code detect+intel}: the same with a {@link ThreatIntel} of {@code I} indicators (default 1,000,000), the
 *   readers running the detections' {@link FlowDetections#addressScreen() screen} as {@code vigil scan}'s do;</li>
 *   <li>{@code detect+intel-unlisted}: the same with an index of as many indicators that lists none of the estate's
 *   peers on purpose: what matching costs inside the detections without the findings that matches raise;</li>
 *   <li>{@code parse+lookup}: reading + a lookup of both peers of every record in that index, nothing else, through
 *   one {@link IpReputation#forOneThread()} view per reading thread, as the detections look up;</li>
 *   <li>{@code parse+lookup-shared}: the same straight on the shared index, without a view (what every lookup cost
 *   before views), so that the view's gain is measured in the same rounds;</li>
 *   <li>{@code parse+lookup-empty}: the same lookups through views of an index with no indicators: what parsing the
 *   two addresses (and one read of the index's first level each) costs, the floor under any lookup from text;</li>
 *   <li>{@code parse+numbers+lookup}: reading + {@link IpReputation#lookupIpv4} of both peers' numbers (which the
 *   records carry, parsed once per distinct address by the reader) through one view per thread;</li>
 *   <li>{@code parse+match}: the same, the readers running the index's {@link IpReputation#ipv4Screen() screen}
 *   once per distinct address and the lookups skipping the peers it turned away — how {@code vigil scan} matches
 *   (the readers get {@link FlowDetections#addressScreen()}). The measure, "what matching against the
 *   indicators adds to parsing", is {@code parse+match} against {@code parse}.</li>
 * </ol>
 *
 * <pre>
 * FlowEvaluationBench [N] [--indicators I] [--files F] [--runs R] [--seed S] [--dir DIR] [--only C,C]
 * [--settings NETWORK.yaml]
 * </pre>
 *
 * The indicator list is a plain file of single addresses (90 %) and /22–/30 blocks (10 %) drawn over public IPv4
 * space, plus every 50th peer of the generated estate's pool and its scanners. Each round runs every configuration
 * once, in an order rotated from round to round, after one warm-up round; the figures are the medians, and every run
 * is printed, since a shared machine's load moves single runs by more than the differences measured here.
 * Exit status 0 on success, 1 when a file fails, 2 for wrong arguments.
 */
public final class FlowEvaluationBench {

    static final int DEFAULT_INDICATORS = 1_000_000;
    static final int DEFAULT_RUNS = 5;
    private static final String USAGE = "usage: FlowEvaluationBench [N] [--indicators I] [--files F] [--runs R]"
            + " [--seed S] [--dir DIR] [--only C,C] [--settings NETWORK.yaml]";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    enum Config {
        PARSE("parse"), DETECT("detect"), DETECT_INTEL("detect+intel"), DETECT_UNLISTED("detect+intel-unlisted"),
        LOOKUP("parse+lookup"),
        LOOKUP_SHARED("parse+lookup-shared"), LOOKUP_EMPTY("parse+lookup-empty"),
        NUMBERS_LOOKUP("parse+numbers+lookup"), MATCH("parse+match");

        final String label;

        Config(String label) {
            this.label = label;
        }
    }

    /** One timed run: wall seconds of reading (with accept), of finish, CPU seconds of both. */
    record Run(double readSeconds, double finishSeconds, double cpuSeconds, double finishCpuSeconds) {
        double total() {
            return readSeconds + finishSeconds;
        }
    }

    private FlowEvaluationBench() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        long n = FlowLogBench.DEFAULT_RECORDS;
        int indicators = DEFAULT_INDICATORS;
        int files = FlowLogBench.DEFAULT_FILES;
        int runs = DEFAULT_RUNS;
        long seed = FlowLogBench.DEFAULT_SEED;
        Path keep = null;
        java.util.EnumSet<Config> configs = java.util.EnumSet.allOf(Config.class);
        Path settings = null;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--settings" -> settings = Path.of(FlowLogBench.value(args, ++i, "--settings"));
                    case "--only" -> configs = configs(FlowLogBench.value(args, ++i, "--only"));
                    case "--indicators" -> indicators = (int) FlowLogBench.positive(args, ++i, "--indicators");
                    case "--files" -> files = (int) FlowLogBench.positive(args, ++i, "--files");
                    case "--runs" -> runs = (int) FlowLogBench.positive(args, ++i, "--runs");
                    case "--seed" -> seed = Long.parseLong(FlowLogBench.value(args, ++i, "--seed"));
                    case "--dir" -> keep = Path.of(FlowLogBench.value(args, ++i, "--dir"));
                    default -> n = FlowLogBench.positive(args, i, "N");
                }
            }
        } catch (IllegalArgumentException e) {
            err.println("flow-bench: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        Path dir = null;
        try {
            dir = FlowLogBench.workDir(keep);
            Path plain = dir.resolve("plain");
            long bytes = FlowLogBench.generate(plain, n, files, seed, false);
            Path list = dir.resolve("bench-indicators.txt");
            int listed = writeIndicators(list, indicators, FlowLogBench.Estate.of(seed), seed, true);
            out.printf(Locale.ROOT, "%,d v2 records in %d files, %.1f MB of text; %,d indicators (%,d of them "
                    + "estate peers) in %s%n", n, files, bytes / 1e6, indicators, listed, list.getFileName());
            long t0 = System.nanoTime();
            List<Problem> problems = new ArrayList<>();
            ThreatIntel intel = ThreatIntel.load(List.of(list), problems::add);
            double loadSeconds = (System.nanoTime() - t0) / 1e9;
            if (!problems.isEmpty() || intel.size() != indicators) {
                throw new IllegalStateException("indicator list: " + intel.size() + " loaded, problems "
                        + problems.stream().limit(3).toList());
            }
            System.gc();
            Runtime rt = Runtime.getRuntime();
            out.printf(Locale.ROOT, "index loaded in %.2f s; heap in use after loading: %.0f MB (-Xmx %.0f MB)%n",
                    loadSeconds, (rt.totalMemory() - rt.freeMemory()) / 1e6, rt.maxMemory() / 1e6);
            // vigil scan's settings: the defaults without evidence text (it reads cited lines back afterwards)
            FlowDetectionSettings flowSettings = FlowDetectionSettings.defaults().withoutEvidenceText();
            if (settings == null) {
                out.println("network settings: vigil scan's (the defaults, evidence-text: false)");
            } else {
                try {
                    flowSettings = FlowDetectionSettings.load(settings);
                } catch (dev.vigil.engine.network.FlowSettingsException e) {
                    err.println("flow-bench: " + e.getMessage());
                    return 2;
                }
                out.println("network settings from " + settings);
            }
            ThreatIntel unlisted = null;
            if (configs.contains(Config.DETECT_UNLISTED)) {
                Path other = dir.resolve("bench-indicators-unlisted.txt");
                writeIndicators(other, indicators, FlowLogBench.Estate.of(seed), seed, false);
                unlisted = ThreatIntel.load(List.of(other), problems::add);
                if (!problems.isEmpty()) {
                    throw new IllegalStateException("indicator list: problems " + problems.stream().limit(3).toList());
                }
            }
            new Comparison(plain, n, intel, unlisted, flowSettings, runs, out)
                    .measure(configs.toArray(Config[]::new));
            return 0;
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            err.println("flow-bench: " + e.getMessage());
            return 1;
        } finally {
            if (keep == null && dir != null) {
                FlowLogBench.delete(dir);
            }
        }
    }

    /** Runs the configurations interleaved and prints the tables. */
    private static final class Comparison {
        private final Path input;
        private final long n;
        private final ThreatIntel intel;
        /** No indicators: a lookup through its views costs parsing the text and one read of the first level. */
        private final ThreatIntel empty = ThreatIntel.load(List.of(), p -> {
            throw new IllegalStateException(p.message());
        });
        private final int runs;
        private final PrintStream out;
        private final FlowDetections plainDetections;
        private final FlowDetections intelDetections;
        /** With an index that lists none of the estate's peers on purpose (null when not measured). */
        private final FlowDetections unlistedDetections;
        /** Entries the readers' states held before the last finish (summed over the states). */
        private long lastEntries;
        /** Findings of the last detect and detect+intel runs, lookup matches of the last lookup run. */
        private final long[] lastResult = new long[Config.values().length];

        Comparison(Path input, long n, ThreatIntel intel, ThreatIntel unlisted, FlowDetectionSettings settings,
                   int runs, PrintStream out) {
            this.input = input;
            this.n = n;
            this.intel = intel;
            this.runs = runs;
            this.out = out;
            this.plainDetections = new FlowDetections(settings, IpReputation.NONE, NetworkPolicy.NONE);
            this.intelDetections = new FlowDetections(settings, intel, NetworkPolicy.NONE);
            this.unlistedDetections = unlisted == null ? null
                    : new FlowDetections(settings, unlisted, NetworkPolicy.NONE);
        }

        void measure(Config[] configs) {
            int[] threadCounts = {2, 1};
            Run[][][] results = new Run[threadCounts.length][Config.values().length][runs];
            out.println();
            out.print("runs (round: threads config seconds)");
            for (int round = -1; round < runs; round++) {
                out.printf(Locale.ROOT, "%n%s:", round < 0 ? "warm-up" : "round " + (round + 1));
                for (int ti = 0; ti < threadCounts.length; ti++) {
                    for (int k = 0; k < configs.length; k++) {
                        // rotate the order, so that no configuration always runs right after the same other one
                        Config c = configs[(k + Math.max(round, 0)) % configs.length];
                        Run r = once(c, threadCounts[ti]);
                        out.printf(Locale.ROOT, " %d %s %.3f", threadCounts[ti], c.label, r.total());
                        out.flush();
                        if (round >= 0) {
                            results[ti][c.ordinal()][round] = r;
                        }
                    }
                }
            }
            out.println();
            out.println();
            out.println("| threads | configuration | records/s (median) | median s | finish ms (median) | finish CPU ms "
                    + "(median) | records per CPU-second (median) | all runs, s (read + finish) |");
            out.println("|---|---|---|---|---|---|---|---|");
            for (int ti = 0; ti < threadCounts.length; ti++) {
                for (Config c : configs) {
                    Run[] rs = results[ti][c.ordinal()];
                    if (rs[0] == null) {
                        continue;
                    }
                    double total = median(rs, Run::total);
                    boolean finishes = c == Config.DETECT || c == Config.DETECT_INTEL || c == Config.DETECT_UNLISTED;
                    out.printf(Locale.ROOT, "| %d | %s | %,.0f | %.3f | %s | %s | %,.0f | %s |%n", threadCounts[ti],
                            c.label, n / total, total, finishes ? millis(median(rs, Run::finishSeconds)) : "—",
                            finishes ? millis(median(rs, Run::finishCpuSeconds)) : "—",
                            n / median(rs, Run::cpuSeconds), all(rs));
                }
            }
            out.println();
            out.println("| threads | added by | to | median of per-round ratios | by medians | by CPU (medians) |");
            out.println("|---|---|---|---|---|---|");
            for (int ti = 0; ti < threadCounts.length; ti++) {
                added(threadCounts[ti], results[ti], Config.LOOKUP, Config.PARSE, "intel lookups");
                added(threadCounts[ti], results[ti], Config.LOOKUP_SHARED, Config.PARSE,
                        "intel lookups without a view");
                added(threadCounts[ti], results[ti], Config.LOOKUP_EMPTY, Config.PARSE,
                        "parsing the peers (lookups in an empty index)");
                added(threadCounts[ti], results[ti], Config.NUMBERS_LOOKUP, Config.PARSE,
                        "lookups by number, every peer");
                added(threadCounts[ti], results[ti], Config.MATCH, Config.PARSE,
                        "matching as vigil scan does (screen + lookups)");
                added(threadCounts[ti], results[ti], Config.DETECT_INTEL, Config.PARSE, "detections + intel");
                added(threadCounts[ti], results[ti], Config.DETECT_INTEL, Config.DETECT, "intel");
                added(threadCounts[ti], results[ti], Config.DETECT, Config.PARSE, "detections");
                difference(threadCounts[ti], results[ti], Config.DETECT_UNLISTED, Config.DETECT,
                        "matching inside detections, no peer listed (detect+intel-unlisted − detect)");
                difference(threadCounts[ti], results[ti], Config.DETECT_INTEL, Config.DETECT,
                        "intel inside detections (detect+intel − detect)");
            }
            out.println();
            out.printf(Locale.ROOT, "last runs: detect %d findings, detect+intel %d findings, detect+intel-unlisted %d"
                            + " findings, parse+lookup: %,d records with a listed peer, parse+lookup-shared: %,d,"
                            + " parse+lookup-empty: %,d, parse+numbers+lookup: %,d, parse+match: %,d (of %,d)%n",
                    lastResult[Config.DETECT.ordinal()], lastResult[Config.DETECT_INTEL.ordinal()],
                    lastResult[Config.DETECT_UNLISTED.ordinal()],
                    lastResult[Config.LOOKUP.ordinal()], lastResult[Config.LOOKUP_SHARED.ordinal()],
                    lastResult[Config.LOOKUP_EMPTY.ordinal()], lastResult[Config.NUMBERS_LOOKUP.ordinal()],
                    lastResult[Config.MATCH.ordinal()], n);
            if (lastEntries > 0) {
                out.printf(Locale.ROOT, "partial-state entries before the last finish: %,d%n", lastEntries);
            }
        }

        /** Time one configuration adds to another, as a share of parsing time (the measure of matching). */
        private void difference(int threads, Run[][] rs, Config with, Config without, String what) {
            Run[] a = rs[Config.PARSE.ordinal()];
            Run[] b = rs[without.ordinal()];
            Run[] c = rs[with.ordinal()];
            if (a[0] == null || b[0] == null || c[0] == null) {
                return; // a configuration was left out (--only)
            }
            double[] shares = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                shares[i] = (c[i].total() - b[i].total()) / a[i].total();
            }
            Arrays.sort(shares);
            double pairs = shares.length % 2 == 1 ? shares[shares.length / 2]
                    : (shares[shares.length / 2 - 1] + shares[shares.length / 2]) / 2;
            out.printf(Locale.ROOT, "| %d | %s | parse | %+.1f %% | %+.1f %% | %+.1f %% |%n", threads, what,
                    100 * pairs, 100 * (median(c, Run::total) - median(b, Run::total)) / median(a, Run::total),
                    100 * (median(c, Run::cpuSeconds) - median(b, Run::cpuSeconds)) / median(a, Run::cpuSeconds));
        }

        private void added(int threads, Run[][] rs, Config with, Config base, String what) {
            Run[] w = rs[with.ordinal()];
            Run[] b = rs[base.ordinal()];
            if (w[0] == null || b[0] == null) {
                return; // a configuration was left out (--only)
            }
            double[] ratios = new double[w.length];
            for (int i = 0; i < w.length; i++) {
                ratios[i] = w[i].total() / b[i].total();
            }
            Arrays.sort(ratios);
            double pairs = ratios[ratios.length / 2];
            if (ratios.length % 2 == 0) {
                pairs = (ratios[ratios.length / 2 - 1] + pairs) / 2;
            }
            out.printf(Locale.ROOT, "| %d | %s | %s | %+.1f %% | %+.1f %% | %+.1f %% |%n", threads, what, base.label,
                    100 * (pairs - 1), 100 * (median(w, Run::total) / median(b, Run::total) - 1),
                    100 * (median(w, Run::cpuSeconds) / median(b, Run::cpuSeconds) - 1));
        }

        private Run once(Config c, int threads) {
            System.gc(); // the previous run's partial states are garbage: collect them outside the timed part
            long t0 = System.nanoTime();
            long read;
            double finish = 0;
            double finishCpu = 0;
            switch (c) {
                case PARSE -> read = FlowLogBench.run(input, threads, FlowLogBench.KeepingSink::new);
                case LOOKUP, LOOKUP_SHARED, LOOKUP_EMPTY -> {
                    LongAdder matches = new LongAdder();
                    // the supplier runs on each reading thread: one view per thread, as one per detection state
                    read = FlowLogBench.run(input, threads, () -> new LookupSink(c == Config.LOOKUP_SHARED ? intel
                            : (c == Config.LOOKUP ? intel : empty).forOneThread(), matches));
                    lastResult[c.ordinal()] = matches.sum();
                }
                case NUMBERS_LOOKUP, MATCH -> {
                    LongAdder matches = new LongAdder();
                    AddressScreen screen = c == Config.MATCH ? intel.ipv4Screen() : null;
                    read = FlowLogBench.run(input, threads, screen,
                            () -> new NumberSink(intel.forOneThread(), screen, matches));
                    lastResult[c.ordinal()] = matches.sum();
                }
                default -> {
                    FlowDetections d = c == Config.DETECT ? plainDetections
                            : c == Config.DETECT_UNLISTED ? unlistedDetections : intelDetections;
                    ConcurrentLinkedQueue<FlowDetections.State> states = new ConcurrentLinkedQueue<>();
                    // the readers run the detections' screen, as vigil scan's do
                    read = FlowLogBench.run(input, threads, d.addressScreen(), detectorSink(d, states));
                    lastEntries = states.stream().mapToLong(FlowDetections.State::entryCount).sum();
                    long f0 = System.nanoTime();
                    long fc0 = THREADS.getCurrentThreadCpuTime();
                    List<Finding> findings = d.finish(List.copyOf(states));
                    finishCpu = (THREADS.getCurrentThreadCpuTime() - fc0) / 1e9;
                    finish = (System.nanoTime() - f0) / 1e9;
                    lastResult[c.ordinal()] = findings.size();
                }
            }
            double readSeconds = (System.nanoTime() - t0) / 1e9 - finish;
            if (read != n) {
                throw new IllegalStateException("read " + read + " records, wrote " + n);
            }
            return new Run(readSeconds, finish, FlowLogBench.lastCpuNanos() / 1e9 + finishCpu, finishCpu);
        }

        private static Supplier<Consumer<FlowRecord>> detectorSink(FlowDetections d,
                                                                 ConcurrentLinkedQueue<FlowDetections.State> states) {
            return () -> {
                FlowDetections.State s = d.newState();
                states.add(s);
                return r -> d.accept(s, r);
            };
        }

        private static String millis(double seconds) {
            return String.format(Locale.ROOT, "%.0f", 1000 * seconds);
        }

        private static String all(Run[] rs) {
            StringBuilder b = new StringBuilder();
            for (Run r : rs) {
                b.append(b.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", r.readSeconds()));
                if (r.finishSeconds() > 0) {
                    b.append(String.format(Locale.ROOT, " + %.3f", r.finishSeconds()));
                }
            }
            return b.toString();
        }
    }

    /** A comma-separated list of configuration labels, for profiling one of them alone. */
    private static java.util.EnumSet<Config> configs(String list) {
        java.util.EnumSet<Config> out = java.util.EnumSet.noneOf(Config.class);
        for (String label : list.split(",")) {
            out.add(Arrays.stream(Config.values()).filter(c -> c.label.equals(label)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("--only takes parse, detect, detect+intel,"
                            + " detect+intel-unlisted,"
                            + " parse+lookup, parse+lookup-shared, parse+lookup-empty, parse+numbers+lookup or"
                            + " parse+match, comma-separated; not '" + label + "'")));
        }
        return out;
    }

    /**
     * Looks both peers of every record up from their text, as the detections' intel matching would, and counts the
     * matches. Text, not numbers: the detections parse each address once for their own needs and would then pass the
     * number ({@link IpReputation#lookupIpv4}); here the parsing is the lookup's own cost and stays in the timing.
     */
    private static final class LookupSink implements Consumer<FlowRecord> {
        private final IpReputation intel;
        private final LongAdder matches;

        LookupSink(IpReputation intel, LongAdder matches) {
            this.intel = intel;
            this.matches = matches;
        }

        @Override
        public void accept(FlowRecord r) {
            long t = r.end();
            IntelMatch a = intel.lookup(r.srcAddr(), t);
            IntelMatch b = intel.lookup(r.dstAddr(), t);
            if (a != null || b != null) {
                matches.increment(); // about 2 % of records: no contention worth avoiding
            }
        }
    }

    /**
     * Looks up both peers of every record by the numbers the record carries ({@link IpReputation#lookupIpv4}), as the
     * network detections do for a flow's remote peer, skipping a peer the reader's screen turned away when given one.
     */
    private static final class NumberSink implements Consumer<FlowRecord> {
        private final IpReputation view;
        private final AddressScreen screen;
        private final LongAdder matches;

        NumberSink(IpReputation view, AddressScreen screen, LongAdder matches) {
            this.view = view;
            this.screen = screen;
            this.matches = matches;
        }

        @Override
        public void accept(FlowRecord r) {
            long t = r.end();
            long src = r.srcIpv4();
            long dst = r.dstIpv4();
            IntelMatch a = src >= 0 && !r.screenedOut(screen, true) ? view.lookupIpv4(src, t) : null;
            IntelMatch b = dst >= 0 && !r.screenedOut(screen, false) ? view.lookupIpv4(dst, t) : null;
            if (a != null || b != null) {
                matches.increment(); // about 2 % of records: no contention worth avoiding
            }
        }
    }

    static double median(Run[] rs, java.util.function.ToDoubleFunction<Run> f) {
        double[] v = Arrays.stream(rs).mapToDouble(f).sorted().toArray();
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    }

    /**
     * Writes {@code count} indicators, one a line: every 50th peer of the estate's pool and every scanner (so a
     * small, realistic share of the flows' peers is listed), then single public addresses (90 %) and /22–/30 blocks
     * (10 %) drawn at random over public IPv4 space, without duplicates. Returns how many estate peers it lists.
     */
    static int writeIndicators(Path file, int count, FlowLogBench.Estate estate, long seed, boolean listEstate)
            throws IOException {
        SplittableRandom r = new SplittableRandom(seed * 31 + 5);
        java.util.HashSet<String> seen = new java.util.HashSet<>();
        int listed = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            w.write("# generated by FlowEvaluationBench: public addresses and blocks\n");
            List<String> chosen = new ArrayList<>();
            for (int i = 0; listEstate && i < estate.peers().length; i += 50) {
                chosen.add(estate.peers()[i]);
            }
            if (listEstate) {
                chosen.addAll(List.of(estate.scanners()));
            }
            for (String a : chosen) {
                if (seen.size() < count && seen.add(a)) {
                    w.write(a);
                    w.write('\n');
                    listed++;
                }
            }
            while (seen.size() < count) {
                long a = r.nextLong(1L << 32);
                if (!isPublic(a)) {
                    continue;
                }
                String text;
                if (r.nextInt(10) == 0) {
                    int prefix = 22 + r.nextInt(9);
                    long network = a & (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
                    text = ipv4(network) + "/" + prefix;
                } else {
                    text = ipv4(a);
                }
                if (seen.add(text)) {
                    w.write(text);
                    w.write('\n');
                }
            }
        }
        return listed;
    }

    /** Outside 0/8, 10/8, 100.64/10, 127/8, 169.254/16, 172.16/12, 192.168/16 and 224/3. */
    private static boolean isPublic(long a) {
        int first = (int) (a >>> 24);
        int second = (int) (a >>> 16) & 0xFF;
        return first != 0 && first != 10 && first != 127 && first < 224
                && !(first == 100 && second >= 64 && second < 128)
                && !(first == 169 && second == 254)
                && !(first == 172 && second >= 16 && second < 32)
                && !(first == 192 && second == 168);
    }

    private static String ipv4(long a) {
        return (a >>> 24) + "." + ((a >>> 16) & 0xFF) + "." + ((a >>> 8) & 0xFF) + "." + (a & 0xFF);
    }
}
