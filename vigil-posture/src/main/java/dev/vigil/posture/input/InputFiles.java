package dev.vigil.posture.input;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Expands the paths a user names into files, in a deterministic order: the inputs in the order given, each
 * directory's files sorted by path (so two runs over the same folder read the same items in the same order, and
 * "latest capture wins, ties keep the first" gives the same inventory). Links are not followed, so a link loop
 * cannot hang a run; a file named twice is read once.
 */
final class InputFiles {

    /**
     * A file and how to name it in messages.
     *
     * @param named true when the user named the file itself (it is then always read), false when found in a folder
     */
    record Found(Path path, String display, boolean named) {
    }

    private static final java.util.regex.Pattern DATA_NAME =
            java.util.regex.Pattern.compile("(?i).+\\.(json|jsonl|json\\.gz|jsonl\\.gz|gz)");

    /**
     * Whether a file found in a folder can hold posture data by its name: JSON, JSON lines or gzip. Anything else
     * in an export folder (README, CSV, HTML reports) is ignored rather than reported as broken JSON.
     */
    static boolean mayHoldPostureData(Path p) {
        return DATA_NAME.matcher(p.getFileName().toString()).matches();
    }

    private InputFiles() {
    }

    static List<Found> expand(List<Path> inputs, ReadTally tally) {
        List<Found> out = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (Path input : inputs) {
            if (!Files.exists(input, LinkOption.NOFOLLOW_LINKS)) {
                tally.problem(input.toString(), "", "not-found", "no such file or directory; check the path");
                continue;
            }
            if (!Files.isDirectory(input)) {
                add(input, out, seen, true);
                continue;
            }
            try (Stream<Path> walk = Files.walk(input)) {
                walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                        .sorted()
                        .forEach(p -> add(p, out, seen, false));
            } catch (IOException | UncheckedIOException e) {
                tally.problem(input.toString(), "", "unreadable", "cannot list the directory (" + e.getMessage()
                        + "); check its permissions");
            }
        }
        return out;
    }

    private static void add(Path p, List<Found> out, Set<Path> seen, boolean named) {
        if (seen.add(p.toAbsolutePath().normalize())) {
            out.add(new Found(p, p.toString(), named));
        }
    }
}
