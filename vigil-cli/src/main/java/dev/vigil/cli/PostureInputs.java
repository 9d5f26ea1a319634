package dev.vigil.cli;

import dev.vigil.posture.input.InputKind;
import dev.vigil.posture.input.InputProblem;
import dev.vigil.posture.input.PostureInput;
import dev.vigil.posture.input.PostureInputReader;
import dev.vigil.posture.input.PolicyFileException;
import dev.vigil.posture.input.ReadSummary;
import dev.vigil.report.TerminalText;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the offline posture inputs for {@code vigil posture} and {@code vigil inventory}, and reports what was read
 * and what was skipped the same way for both.
 */
final class PostureInputs {

    private static final int SHOWN_PROBLEMS = 20;

    private PostureInputs() {
    }

    /** Reads the paths; a missing path or an invalid policy file is a user error (nothing useful can run). */
    static PostureInput read(List<Path> paths, Path policyFile) {
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new UserError(p + " does not exist (give AWS Config files, supplementary exports or a directory "
                        + "holding them)");
            }
        }
        if (policyFile != null && !Files.isRegularFile(policyFile)) {
            throw new UserError("--policy " + policyFile + " is not a file");
        }
        try {
            return PostureInputReader.read(paths, Optional.ofNullable(policyFile));
        } catch (PolicyFileException e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    /** One line saying what was read, e.g. "Read 12 files: config-snapshot 4, supplement 8; 310 configuration items". */
    static String summaryLine(ReadSummary s) {
        List<String> kinds = new ArrayList<>();
        int files = 0;
        for (InputKind k : InputKind.values()) {
            int n = s.files(k);
            if (n > 0) {
                kinds.add(k.label() + " " + n);
                files += n;
            }
        }
        return String.format(Locale.ROOT, "Read %,d files (%s): %,d configuration items, %,d CloudTrail records; "
                        + "skipped %,d broken files and %,d items; ignored %,d files that are not posture inputs",
                files, kinds.isEmpty() ? "none" : String.join(", ", kinds), s.itemsRead(), s.cloudTrailRecords(),
                s.filesSkipped(), s.itemsSkipped(), s.filesIgnored());
    }

    /** Prints the problems (the first few) to {@code err}, escaped: file names and messages may carry log text. */
    static void printProblems(ReadSummary s, PrintStream err) {
        int shown = 0;
        for (InputProblem p : s.problems()) {
            if (shown++ >= SHOWN_PROBLEMS) {
                break;
            }
            err.println("vigil: skipped " + TerminalText.sanitize(p.toString()));
        }
        long more = Math.max(0, s.problems().size() - SHOWN_PROBLEMS) + s.problemsNotListed();
        if (more > 0) {
            err.println("vigil: … and " + more + " more problems");
        }
    }
}
