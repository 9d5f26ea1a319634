package dev.vigil.posture.check.cloudwatch;

import dev.vigil.posture.check.Exported;

import java.util.List;

/**
 * Where the trail → metric filter → alarm → SNS topic → subscriber chain got to. Several candidate chains are
 * tried (every trail, every fitting filter, every alarm, every topic); {@link #best} keeps the one that says most:
 * a complete chain, else a chain blocked by missing data (never reported as FAIL), else the broken chain that got
 * furthest, so the reason names the first missing link of the nearest miss.
 */
sealed interface ChainOutcome {

    /** Links, in order; a broken chain's depth is the link that is missing. */
    int TRAIL = 0;
    int FILTER = 1;
    int ALARM = 2;
    int NOTIFICATION = 3;
    int SUBSCRIBER = 4;

    String region();

    record Complete(String region, String reason) implements ChainOutcome {
    }

    record Broken(int depth, String region, String reason) implements ChainOutcome {
    }

    record Unknown(String region, Exported exported) implements ChainOutcome {
    }

    static ChainOutcome best(List<ChainOutcome> outcomes) {
        ChainOutcome best = null;
        for (ChainOutcome o : outcomes) {
            if (best == null || rank(o) > rank(best)) {
                best = o;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("no outcomes to choose from");
        }
        return best;
    }

    private static int rank(ChainOutcome o) {
        return switch (o) {
            case Complete c -> 100;
            case Unknown u -> 50;
            case Broken b -> b.depth();
        };
    }
}
