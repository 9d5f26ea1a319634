package dev.vigil.cli.bench;

import dev.vigil.hub.FindingStore;
import dev.vigil.hub.StoredFinding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Times page queries the way {@code vigil findings list} runs them for its table:
 * {@code store.listWithoutEvidence(query)} for the page plus {@code store.count(query)} for the "N of M shown" total. Each round runs every
 * query once, in order, so a slow moment of a shared machine spreads over all queries instead of hitting one;
 * warm-up rounds are not recorded.
 */
final class QueryTimer {

    /**
     * What one query gave.
     *
     * @param arguments   the {@code vigil findings list} arguments
     * @param matching    the count the query reported
     * @param page        findings on the page
     * @param totalNanos  list + count, per timed round
     * @param listNanos   list alone, per timed round
     * @param countNanos  count alone, per timed round
     */
    record Timing(String arguments, long matching, int page, long[] totalNanos, long[] listNanos,
                  long[] countNanos) {

        double medianMs() {
            return median(totalNanos);
        }

        double maxMs() {
            return Arrays.stream(totalNanos).max().orElse(0) / 1e6;
        }

        double medianListMs() {
            return median(listNanos);
        }

        double medianCountMs() {
            return median(countNanos);
        }

        private static double median(long[] nanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            double mid = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
            return mid / 1e6;
        }
    }

    private final int warmups;
    private final int rounds;

    QueryTimer(int warmups, int rounds) {
        if (warmups < 0) {
            throw new IllegalArgumentException("--warmup must not be negative, was " + warmups);
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("--runs must be at least 1, was " + rounds);
        }
        this.warmups = warmups;
        this.rounds = rounds;
    }

    List<Timing> time(FindingStore store, List<BenchQueries.Case> cases) {
        int n = cases.size();
        long[][] total = new long[n][rounds];
        long[][] list = new long[n][rounds];
        long[][] count = new long[n][rounds];
        long[] matching = new long[n];
        int[] page = new int[n];
        for (int round = -warmups; round < rounds; round++) {
            for (int q = 0; q < n; q++) {
                BenchQueries.Case c = cases.get(q);
                long t0 = System.nanoTime();
                List<StoredFinding> found = store.listWithoutEvidence(c.query());
                long t1 = System.nanoTime();
                long matched = store.count(c.query().withoutLimit());
                long t2 = System.nanoTime();
                if (round >= 0) {
                    list[q][round] = t1 - t0;
                    count[q][round] = t2 - t1;
                    total[q][round] = t2 - t0;
                }
                matching[q] = matched;
                page[q] = found.size();
            }
        }
        List<Timing> out = new ArrayList<>(n);
        for (int q = 0; q < n; q++) {
            out.add(new Timing(cases.get(q).arguments(), matching[q], page[q], total[q], list[q], count[q]));
        }
        return out;
    }

    /** A Markdown table, one row per query, for docs/benchmarks.md. */
    static String markdown(List<Timing> timings, int rounds) {
        StringBuilder sb = new StringBuilder();
        sb.append("| query | matching | page | median ms (").append(rounds)
                .append(" runs) | max ms | list ms (median) | count ms (median) |\n");
        sb.append("|---|---|---|---|---|---|---|\n");
        for (Timing t : timings) {
            String arguments = t.arguments().isEmpty() ? "" : " " + t.arguments().replace("|", "\\|");
            sb.append(String.format(Locale.ROOT, "| `findings list%s` | %s | %d | %.1f | %.1f | %.1f | %.1f |%n",
                    arguments, grouped(t.matching()), t.page(), t.medianMs(), t.maxMs(), t.medianListMs(),
                    t.medianCountMs()));
        }
        return sb.toString();
    }

    /** 1 000 000, as docs/benchmarks.md writes numbers. */
    static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n).replace(',', ' ');
    }
}
