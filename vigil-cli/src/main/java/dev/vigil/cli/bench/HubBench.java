package dev.vigil.cli.bench;

import dev.vigil.hub.FindingQuery;
import dev.vigil.hub.FindingStore;
import dev.vigil.hub.StoreException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The findings hub benchmark (run by {@code bench/hub-bench}): fills a store with a realistic, seeded mix of
 * findings, times the page queries of {@code vigil findings list} against it, and writes ASFF files for timing
 * {@code vigil findings import}.
 *
 * <pre>
 * HubBench populate STORE N [--seed S] [--batch B]     fill an empty store with N findings
 * HubBench query STORE [--runs R] [--warmup W]         time the list queries; prints a Markdown table
 * HubBench asff FILE N [--seed S]                      write N findings as BatchImportFindings JSON lines
 * </pre>
 *
 * STORE is a workspace directory (DuckDB) or a {@code postgresql://…} URL. Exit status 0 on success, 1 when the
 * store or file fails, 2 for wrong arguments.
 */
public final class HubBench {

    static final long DEFAULT_SEED = 7;
    static final int DEFAULT_BATCH = 10_000;
    static final int DEFAULT_RUNS = 7;
    static final int DEFAULT_WARMUP = 2;

    private static final String USAGE = """
            usage: HubBench populate STORE N [--seed S] [--batch B]
                   HubBench query STORE [--runs R] [--warmup W]
                   HubBench asff FILE N [--seed S]
            STORE is a workspace directory or a postgresql:// URL.""";

    private HubBench() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one subcommand; returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            Arguments a = Arguments.parse(args);
            switch (a.command()) {
                case "populate" -> populate(a, out, err);
                case "query" -> query(a, out);
                case "asff" -> asff(a, out, err);
                default -> throw new UsageException("unknown subcommand '" + a.command()
                        + "': use populate, query or asff");
            }
            return 0;
        } catch (UsageException e) {
            err.println("hub-bench: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (StoreException | IOException | IllegalArgumentException e) {
            err.println("hub-bench: " + e.getMessage());
            return 1;
        }
    }

    private static void populate(Arguments a, PrintStream out, PrintStream err) {
        a.expect(2, "populate STORE N", "--seed", "--batch");
        long n = a.positiveLong(1, "N");
        SyntheticFindings generator = new SyntheticFindings(a.option("--seed", DEFAULT_SEED));
        int batch = a.intOption("--batch", DEFAULT_BATCH, 1, 1_000_000);
        try (FindingStore store = open(a.positional(0), true)) {
            long present = store.count(FindingQuery.all().withRecordState(null));
            if (present > 0) {
                throw new IllegalArgumentException("the store " + store.location() + " already holds " + present
                        + " findings; populate an empty workspace (delete the directory, or name a new one)");
            }
            StorePopulator.Result r = new StorePopulator(generator, batch, err).populate(store, n);
            double s = r.elapsedNanos() / 1e9;
            out.printf(Locale.ROOT, "populated %s findings (%s Vigil detections, %s imported; %s lifecycle changes)"
                            + " in %.1f s = %.0f findings/s%n", QueryTimer.grouped(r.findings()),
                    QueryTimer.grouped(r.vigil()), QueryTimer.grouped(r.imported()),
                    QueryTimer.grouped(r.lifecycleChanges()), s, r.findings() / Math.max(s, 1e-9));
            out.printf(Locale.ROOT, "  time: generating %.1f s, upsert %.1f s (%.0f/s), upsertImported %.1f s"
                            + " (%.0f/s), workflow and record state %.1f s, risk %.1f s%n", r.generateNanos() / 1e9,
                    r.upsertNanos() / 1e9, r.vigil() / Math.max(r.upsertNanos() / 1e9, 1e-9),
                    r.importNanos() / 1e9, r.imported() / Math.max(r.importNanos() / 1e9, 1e-9),
                    r.lifecycleNanos() / 1e9, r.riskNanos() / 1e9);
        }
    }

    private static void query(Arguments a, PrintStream out) {
        a.expect(1, "query STORE", "--runs", "--warmup");
        int runs = a.intOption("--runs", DEFAULT_RUNS, 1, 1_000);
        int warmup = a.intOption("--warmup", DEFAULT_WARMUP, 0, 1_000);
        QueryTimer timer = new QueryTimer(warmup, runs);
        try (FindingStore store = open(a.positional(0), false)) {
            long stored = store.count(FindingQuery.all().withRecordState(null));
            long active = store.count(FindingQuery.all());
            out.printf(Locale.ROOT, "store %s: %s findings (%s ACTIVE); first page of %d, list + count, %d warm-up"
                            + " rounds, %d timed%n%n", store.location(), QueryTimer.grouped(stored),
                    QueryTimer.grouped(active), FindingQuery.DEFAULT_LIMIT, warmup, runs);
            out.print(QueryTimer.markdown(timer.time(store, BenchQueries.all()), runs));
        }
    }

    private static void asff(Arguments a, PrintStream out, PrintStream err) throws IOException {
        a.expect(2, "asff FILE N", "--seed");
        long n = a.positiveLong(1, "N");
        SyntheticFindings generator = new SyntheticFindings(a.option("--seed", DEFAULT_SEED));
        Path file = Path.of(a.positional(0));
        long t0 = System.nanoTime();
        AsffFileWriter.Result r = new AsffFileWriter(generator).write(file, n,
                p -> err.println("hub-bench: left out " + p));
        double s = (System.nanoTime() - t0) / 1e9;
        out.printf(Locale.ROOT, "wrote %s ASFF findings (%s left out) in %s batches to %s: %.1f MB in %.1f s%n",
                QueryTimer.grouped(r.written()), QueryTimer.grouped(r.refused()), QueryTimer.grouped(r.batches()),
                file, r.bytes() / 1e6, s);
    }

    private static FindingStore open(String store, boolean create) {
        if (FindingStore.isDatabaseUrl(store)) {
            return FindingStore.connect(store);
        }
        Path dir = Path.of(store);
        if (!create && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("no workspace at " + dir + ": run 'HubBench populate " + dir
                    + " N' first");
        }
        return FindingStore.open(dir);
    }

    /** Wrong arguments: the message says which, and the usage follows. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    /** A subcommand, its positional arguments and its {@code --name value} options. */
    record Arguments(String command, List<String> positional, java.util.Map<String, String> options) {

        static Arguments parse(String[] args) {
            if (args.length == 0) {
                throw new UsageException("no subcommand");
            }
            List<String> positional = new ArrayList<>();
            java.util.Map<String, String> options = new java.util.LinkedHashMap<>();
            for (int i = 1; i < args.length; i++) {
                String arg = args[i];
                if (arg.startsWith("--")) {
                    if (i + 1 == args.length) {
                        throw new UsageException(arg + " needs a value");
                    }
                    options.put(arg, args[++i]);
                } else {
                    positional.add(arg);
                }
            }
            return new Arguments(args[0], List.copyOf(positional), java.util.Map.copyOf(options));
        }

        /** Checks the count of positional arguments and that every option is one the subcommand takes. */
        void expect(int count, String form, String... allowedOptions) {
            if (positional.size() != count) {
                throw new UsageException("'" + form + "' takes " + count + " arguments, got " + positional.size());
            }
            for (String name : options.keySet()) {
                if (!List.of(allowedOptions).contains(name)) {
                    throw new UsageException("'" + command + "' has no option " + name + "; it takes "
                            + (allowedOptions.length == 0 ? "none" : String.join(", ", allowedOptions)));
                }
            }
        }

        int intOption(String name, int fallback, int min, int max) {
            long v = option(name, fallback);
            if (v < min || v > max) {
                throw new UsageException(name + " must be " + min + " to " + max + ", was " + v);
            }
            return (int) v;
        }

        String positional(int i) {
            return positional.get(i);
        }

        long positiveLong(int i, String name) {
            long v = number(positional.get(i), name);
            if (v < 1) {
                throw new UsageException(name + " must be at least 1, was " + v);
            }
            return v;
        }

        long option(String name, long fallback) {
            String v = options.get(name);
            return v == null ? fallback : number(v, name);
        }

        private static long number(String text, String name) {
            try {
                return Long.parseLong(text.replace("_", ""));
            } catch (NumberFormatException e) {
                throw new UsageException(name + " must be a whole number, was '" + text + "'");
            }
        }
    }
}
