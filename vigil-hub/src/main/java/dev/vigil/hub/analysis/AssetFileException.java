package dev.vigil.hub.analysis;

import java.util.List;

/**
 * The asset file could not be used. The message lists every problem found, each as
 * {@code FILE: entry N (line L): problem; what to do}, so that one run shows all of them.
 */
public final class AssetFileException extends Exception {

    private final transient List<String> problems;

    AssetFileException(String file, List<String> problems) {
        super(problems.size() == 1 ? problems.get(0)
                : problems.size() + " problems in asset file " + file + ":\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem, one sentence naming the file, entry or line, and the fix. */
    public List<String> problems() {
        return problems;
    }
}
