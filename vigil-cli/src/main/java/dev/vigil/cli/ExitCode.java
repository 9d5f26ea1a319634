package dev.vigil.cli;

/**
 * Vigil's documented exit codes (README, "Exit codes"). CI pipelines gate on them, so they never change meaning.
 */
final class ExitCode {
    /** The run completed, every input was read, and no finding reached {@code --fail-on}. */
    static final int OK = 0;
    /**
     * Vigil could not do its job: an internal error, an unusable workspace, an unwritable output directory. For
     * {@code rules validate} and {@code rules test} also: a rule did not load, a rule test failed or an example could
     * not be read (README, "Commands").
     */
    static final int ERROR = 1;
    /** The command line was wrong: unknown option, missing argument, bad value. */
    static final int USAGE = 2;
    /** The run completed but some input was skipped (unreadable files, malformed records): results are partial. */
    static final int PARTIAL = 3;
    /** A finding at or above {@code --fail-on} exists; every input was read. */
    static final int FINDINGS = 4;
    /** A finding at or above {@code --fail-on} exists and some input was skipped. */
    static final int FINDINGS_AND_PARTIAL = 5;

    private ExitCode() {
    }

    static int of(boolean thresholdMet, boolean partial) {
        if (thresholdMet) {
            return partial ? FINDINGS_AND_PARTIAL : FINDINGS;
        }
        return partial ? PARTIAL : OK;
    }
}
