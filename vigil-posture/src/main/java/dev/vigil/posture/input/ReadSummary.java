package dev.vigil.posture.input;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What reading the posture inputs gave: files read per kind, items read and skipped, files skipped, and the
 * problems met (capped at {@link ReadLimits#maxProblems()}; {@link #problemsNotListed()} counts the rest).
 *
 * @param filesRead         files used, per kind
 * @param filesSkipped      files not used at all (unknown content, broken, ignored)
 * @param itemsRead         configuration items turned into resources
 * @param itemsSkipped      configuration items rejected (each has a problem)
 * @param cloudTrailRecords CloudTrail records read
 * @param apiCallsKept      CloudTrail write calls kept for change attribution
 * @param rootUses          root uses found
 * @param problems          the problems, in reading order
 * @param problemsNotListed problems beyond the cap
 * @param filesIgnored      well-formed files that are not posture inputs (other tools' JSON, text files in a
 *                          folder); counted, not problems
 * @param ignored           the first ignored files with what they were taken for
 */
public record ReadSummary(Map<InputKind, Integer> filesRead, int filesSkipped, long itemsRead, long itemsSkipped,
                          long cloudTrailRecords, int apiCallsKept, int rootUses, List<InputProblem> problems,
                          long problemsNotListed, int filesIgnored, List<InputProblem> ignored) {

    public ReadSummary {
        EnumMap<InputKind, Integer> copy = new EnumMap<>(InputKind.class);
        copy.putAll(filesRead);
        filesRead = java.util.Collections.unmodifiableMap(copy);
        problems = List.copyOf(problems);
        ignored = List.copyOf(ignored);
    }

    /** Files of one kind read. */
    public int files(InputKind kind) {
        return filesRead.getOrDefault(kind, 0);
    }

    /** Whether anything was left out: a skipped file or item, or any problem. */
    public boolean partial() {
        return filesSkipped > 0 || itemsSkipped > 0 || !problems.isEmpty();
    }
}
