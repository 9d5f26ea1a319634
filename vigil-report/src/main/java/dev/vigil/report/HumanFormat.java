package dev.vigil.report;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Numbers as people read them: grouped counts, binary byte units, short durations, rates. */
final class HumanFormat {

    private static final String[] BYTE_UNITS = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private HumanFormat() {
    }

    /** {@code 1234567} as {@code 1,234,567}. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** {@code 1 file}, {@code 3 files}. */
    static String plural(long n, String one, String many) {
        return count(n) + " " + (n == 1 ? one : many);
    }

    /** Binary units with one decimal: {@code 512 bytes}, {@code 1.5 KiB}, {@code 12.3 MiB}. */
    static String bytes(long n) {
        if (n < 0) {
            return "unknown";
        }
        if (n < 1024) {
            return plural(n, "byte", "bytes");
        }
        double value = n;
        int unit = -1;
        while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, BYTE_UNITS[unit]);
    }

    /** {@code 850 ms}, {@code 4.2 s}, {@code 3 min 07 s}, {@code 2 h 05 min}; {@code unknown} when absent. */
    static String duration(Duration d) {
        if (d == null || d.isNegative()) {
            return "unknown";
        }
        long millis = d.toMillis();
        if (millis < 1_000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = d.toSeconds();
        if (seconds < 3_600) {
            return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%,d h %02d min", seconds / 3_600, (seconds % 3_600) / 60);
    }

    /** Records per second over the elapsed time, or {@code n/a} when no time was measured. */
    static String rate(long records, Duration elapsed) {
        if (elapsed == null || elapsed.isNegative() || elapsed.isZero()) {
            return "n/a";
        }
        double perSecond = records / (elapsed.toNanos() / 1e9);
        return String.format(Locale.ROOT, perSecond < 10 ? "%.1f records/s" : "%,.0f records/s", perSecond);
    }

    /**
     * Map entries by count, largest first, then by name: a stable order for file kinds and skip reasons
     * (the model's maps have none).
     */
    static List<Map.Entry<String, Long>> byCountDescending(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .collect(Collectors.toList());
    }
}
