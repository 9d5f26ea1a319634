package dev.vigil.cli;

import dev.vigil.formats.findings.FindingFileReader;
import dev.vigil.formats.findings.FindingFormat;
import dev.vigil.formats.findings.IncomingFinding;
import dev.vigil.formats.findings.NotAFindingsFileException;
import dev.vigil.hub.ChangeKind;
import dev.vigil.hub.FindingChange;
import dev.vigil.hub.FindingStore;
import dev.vigil.hub.UpsertResult;
import dev.vigil.model.Finding;
import dev.vigil.model.ImportedFinding;
import dev.vigil.model.Problem;
import dev.vigil.model.RecordState;
import dev.vigil.report.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import findings from GuardDuty (S3 export .jsonl.gz, EventBridge events, get-findings output), "
                + "Security Hub or other tools' ASFF, and OCSF files into the findings store, beside Vigil's own.",
                "The format is recognised from each file's content. A finding re-reported by its product (same "
                        + "product and id) updates the stored one. Directories are read recursively. Broken records "
                        + "are reported with file and line, skipped and counted (exit 3); the rest is imported."})
final class FindingsImportCommand implements Callable<Integer> {

    /** Findings per store transaction: large enough to amortise the commit, small enough to bound memory. */
    static final int BATCH = 10_000;
    private static final int SHOWN_PROBLEMS = 20;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Findings files or directories holding them.")
    List<Path> paths;

    @Mixin
    WorkspaceOption workspace;

    @Mixin
    HubOptions hub;

    @Override
    public Integer call() {
        return run(paths, workspace.location(), hub.settings(), System.out, System.err, Clock.systemUTC());
    }

    static int run(List<Path> paths, StoreLocation location, HubSettings hub, PrintStream out, PrintStream err,
                   Clock clock) {
        List<Path> files = files(paths);
        if (files.isEmpty()) {
            throw new UserError("no files found under " + paths);
        }
        Tally tally = new Tally(err);
        FindingFileReader reader = new FindingFileReader(FindingFileReader.Limits.DEFAULT, new LongAdder());
        try (FindingStore store = location.open()) {
            Batch batch = new Batch(store, clock, tally);
            for (Path file : files) {
                try {
                    FindingFileReader.Result r = reader.read(file, file.toString(), batch::add, tally::problem);
                    tally.formats.addAll(r.formats());
                    tally.files++;
                } catch (NotAFindingsFileException e) {
                    tally.unreadable(file + ": " + e.getMessage());
                } catch (IOException | UncheckedIOException e) {
                    tally.unreadable(file + ": cannot read (" + e.getMessage() + ")");
                }
            }
            batch.flush();
            out.println(TerminalText.sanitize(tally.summary()));
            HubUpdate.afterUpsert(store, tally.changes, hub, clock).lines()
                    .forEach(line -> out.println(TerminalText.sanitize(line)));
        }
        tally.finish();
        return tally.partial() ? ExitCode.PARTIAL : ExitCode.OK;
    }

    /** The files to read: each file given, and every regular, non-hidden file under each directory, in name order. */
    static List<Path> files(List<Path> paths) {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile)
                            .filter(f -> !f.getFileName().toString().startsWith("."))
                            .sorted().forEach(out::add);
                } catch (IOException e) {
                    throw new UserError("cannot list " + p + ": " + e.getMessage());
                }
            } else if (Files.isRegularFile(p)) {
                out.add(p);
            } else {
                throw new UserError(p + " does not exist (or is not a file or directory)");
            }
        }
        return out;
    }

    /**
     * The finding as the store keeps it: the access key and resource type the product named become keys, so
     * correlation can link the finding on its access key after a restart (keys are stored; the id does not use them).
     */
    static ImportedFinding withLinkKeys(IncomingFinding in) {
        Finding f = in.finding();
        Map<String, String> keys = new LinkedHashMap<>(f.keys());
        if (!in.accessKeyId().isBlank()) {
            keys.put("accessKeyId", in.accessKeyId());
        }
        if (!in.resourceType().isBlank()) {
            keys.put("resourceType", in.resourceType());
        }
        Finding withKeys = new Finding(f.id(), f.rule(), keys, f.account(), f.region(), f.principal(), f.resource(),
                f.firstSeen(), f.lastSeen(), f.count(), f.evidence());
        return new ImportedFinding(withKeys, in.origin());
    }

    /** Findings waiting for their transaction. */
    private static final class Batch {
        private final FindingStore store;
        private final Clock clock;
        private final Tally tally;
        private final List<ImportedFinding> findings = new ArrayList<>(BATCH);
        private final Map<String, RecordState> states = new HashMap<>();

        Batch(FindingStore store, Clock clock, Tally tally) {
            this.store = store;
            this.clock = clock;
            this.tally = tally;
        }

        void add(IncomingFinding in) {
            ImportedFinding f = withLinkKeys(in);
            findings.add(f);
            in.recordState().ifPresent(s -> states.put(f.finding().id(), s));
            tally.read++;
            if (findings.size() >= BATCH) {
                flush();
            }
        }

        void flush() {
            if (findings.isEmpty()) {
                return;
            }
            try {
                UpsertResult r = store.upsertImported(findings, states, clock.instant());
                tally.changes.addAll(r.changes());
            } catch (IllegalArgumentException e) {
                throw new UserError("cannot store a batch of imported findings: " + e.getMessage(), e);
            }
            findings.clear();
            states.clear();
        }
    }

    /** Counts and problems of one import. */
    private static final class Tally {
        private final PrintStream err;
        final List<FindingChange> changes = new ArrayList<>();
        final Set<FindingFormat> formats = EnumSet.noneOf(FindingFormat.class);
        long read;
        long skipped;
        int files;
        int unreadableFiles;
        private int shown;

        Tally(PrintStream err) {
            this.err = err;
        }

        void problem(Problem p) {
            skipped++;
            show(p.location() + ": " + p.message());
        }

        void unreadable(String message) {
            unreadableFiles++;
            show(message);
        }

        private void show(String message) {
            if (shown++ < SHOWN_PROBLEMS) {
                err.println("vigil: skipped " + TerminalText.sanitize(message));
            }
        }

        boolean partial() {
            return skipped > 0 || unreadableFiles > 0;
        }

        void finish() {
            if (shown > SHOWN_PROBLEMS) {
                err.println("vigil: … and " + (shown - SHOWN_PROBLEMS) + " more problems");
            }
            if (partial()) {
                err.println("vigil: some input was skipped; the import is partial (exit " + ExitCode.PARTIAL + ")");
            }
        }

        String summary() {
            Map<ChangeKind, Integer> kinds = new HashMap<>();
            changes.forEach(c -> kinds.merge(c.kind(), 1, Integer::sum));
            String formatNames = formats.isEmpty() ? "" : " ("
                    + String.join(", ", formats.stream().map(FindingFormat::id).toList()) + ")";
            return String.format(Locale.ROOT, "Imported %,d findings from %,d files%s: %,d new, %,d updated, "
                            + "%,d reopened, %,d escalated, %,d unchanged; %,d records skipped, %,d files not read",
                    read, files, formatNames, kinds.getOrDefault(ChangeKind.CREATED, 0),
                    kinds.getOrDefault(ChangeKind.UPDATED, 0), kinds.getOrDefault(ChangeKind.REOPENED, 0),
                    kinds.getOrDefault(ChangeKind.ESCALATED, 0), kinds.getOrDefault(ChangeKind.UNCHANGED, 0),
                    skipped, unreadableFiles);
        }
    }
}
