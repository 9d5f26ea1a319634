package dev.vigil.formats.input;

import dev.vigil.model.Problem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Expands the paths a user names into the files to read, ordered so records arrive roughly in time order.
 *
 * <p>Directories are walked recursively without following links (an S3 sync can be millions of files; a
 * link loop must not hang a run). Files are ordered by the delivery timestamp CloudTrail puts in their names
 * ({@code _YYYYMMDDTHHmmZ_}), then by path, so time windows see late records within a short distance.
 */
public final class LogFileFinder {

    private static final Pattern DELIVERY_STAMP = Pattern.compile("_(\\d{8}T\\d{4}Z)_");

    private LogFileFinder() {
    }

    public static List<LogFile> find(List<Path> inputs, Consumer<Problem> problems) {
        return find(inputs, problems, f -> Long.MAX_VALUE);
    }

    /**
     * Like {@link #find(List, Consumer)}, ordering files without a CloudTrail delivery stamp in their name by the
     * time {@code timeOfUnstamped} gives (e.g. their first record's), so exports and test files are read in time
     * order too. Epoch milliseconds; {@link Long#MAX_VALUE} when unknown (such files go last, by path).
     */
    public static List<LogFile> find(List<Path> inputs, Consumer<Problem> problems,
                                     java.util.function.ToLongFunction<LogFile> timeOfUnstamped) {
        List<LogFile> out = new ArrayList<>();
        for (Path input : inputs) {
            if (!Files.exists(input)) {
                problems.accept(new Problem(input.toString(), "not-found",
                        "no such file or directory; check the path"));
                continue;
            }
            if (Files.isRegularFile(input)) {
                out.add(new LogFile(input, input.toString(), size(input)));
                continue;
            }
            try (Stream<Path> walk = Files.walk(input)) {
                walk.forEach(p -> {
                    try {
                        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class,
                                java.nio.file.LinkOption.NOFOLLOW_LINKS);
                        if (a.isRegularFile()) {
                            out.add(new LogFile(p, p.toString(), a.size()));
                        }
                    } catch (IOException e) {
                        problems.accept(new Problem(p.toString(), "unreadable", "cannot read attributes: " + e.getMessage()));
                    }
                });
            } catch (IOException | UncheckedIOException e) {
                problems.accept(new Problem(input.toString(), "unreadable",
                        "cannot list the directory: " + e.getMessage() + "; check permissions"));
            }
        }
        java.util.Map<LogFile, Long> order = new java.util.HashMap<>();
        for (LogFile f : out) {
            long stamp = deliveryStamp(f);
            order.put(f, stamp != Long.MIN_VALUE ? stamp : timeOfUnstamped.applyAsLong(f));
        }
        out.sort(Comparator.comparing((LogFile f) -> order.get(f)).thenComparing(LogFile::display));
        return out;
    }

    private static final java.time.format.DateTimeFormatter STAMP =
            java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmX");

    /** The delivery time in a CloudTrail file name, epoch ms, or {@link Long#MIN_VALUE} when it has none. */
    private static long deliveryStamp(LogFile f) {
        Matcher m = DELIVERY_STAMP.matcher(f.path().getFileName().toString());
        if (!m.find()) {
            return Long.MIN_VALUE;
        }
        try {
            return java.time.OffsetDateTime.parse(m.group(1), STAMP).toInstant().toEpochMilli();
        } catch (java.time.format.DateTimeParseException e) {
            return Long.MIN_VALUE;
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }
}
