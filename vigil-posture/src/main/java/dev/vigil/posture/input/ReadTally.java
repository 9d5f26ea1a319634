package dev.vigil.posture.input;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Counts and problems gathered while reading, turned into a {@link ReadSummary} at the end. */
final class ReadTally {

    private final int maxProblems;
    private final Map<InputKind, Integer> filesRead = new EnumMap<>(InputKind.class);
    private final List<InputProblem> problems = new ArrayList<>();
    private long problemsNotListed;
    private int filesSkipped;
    private final List<InputProblem> ignored = new ArrayList<>();
    private int filesIgnored;
    private long itemsRead;
    private long itemsSkipped;
    private long cloudTrailRecords;

    ReadTally(int maxProblems) {
        this.maxProblems = maxProblems;
    }

    void problem(InputProblem problem) {
        if (problems.size() < maxProblems) {
            problems.add(problem);
        } else {
            problemsNotListed++;
        }
    }

    void problem(String file, String position, String reason, String message) {
        problem(new InputProblem(file, position, reason, message));
    }

    void fileRead(InputKind kind) {
        filesRead.merge(kind, 1, Integer::sum);
    }

    /** A file not used at all, with the reason why. */
    void fileSkipped(String file, String reason, String position, String message) {
        filesSkipped++;
        problem(file, position, reason, message);
    }

    /**
     * A file that is well-formed but not a posture input (another tool's JSON, a README, a GuardDuty export): left
     * alone and counted, never a problem, so pointing Vigil at a whole export folder does not make a run "partial".
     */
    void fileIgnored(String file, String reason, String message) {
        filesIgnored++;
        if (ignored.size() < maxProblems) {
            ignored.add(new InputProblem(file, "", reason, message));
        }
    }

    /** A file not used, whose reason a reader has already recorded (or that needs none, like a digest file). */
    void fileSkipped() {
        filesSkipped++;
    }

    void itemRead() {
        itemsRead++;
    }

    void itemSkipped() {
        itemsSkipped++;
    }

    void cloudTrailRecords(long n) {
        cloudTrailRecords += n;
    }

    ReadSummary summary(int apiCallsKept, int rootUses) {
        return new ReadSummary(filesRead, filesSkipped, itemsRead, itemsSkipped, cloudTrailRecords, apiCallsKept,
                rootUses, problems, problemsNotListed, filesIgnored, ignored);
    }
}
