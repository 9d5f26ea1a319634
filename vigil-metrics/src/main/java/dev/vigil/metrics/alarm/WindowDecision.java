package dev.vigil.metrics.alarm;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of one alarm evaluation over its evaluation range: the new state (or "keep the current one") and
 * what it was based on, for the state reason.
 *
 * @param state     the new state; {@code null} when the state is kept ({@code ignore})
 * @param basis     which rule decided
 * @param evaluated range positions (0 = oldest) of the real datapoints that were evaluated, oldest first
 * @param fills     how many missing periods were filled with the {@code TreatMissingData} value
 * @param breaching breaching datapoints counted, fills included
 */
record WindowDecision(AlarmState state, Basis basis, List<Integer> evaluated, int fills, int breaching) {

    /** Which rule of CloudWatch's missing-data algorithm produced the decision. */
    enum Basis {
        /** At least N real datapoints: the newest N decide; missing-data treatment not needed. */
        REAL_DATAPOINTS,
        /** Fewer than N real datapoints: missing periods filled (breaching / notBreaching) or left out (missing / ignore). */
        FILLED,
        /** Fewer than M real datapoints, but the oldest breaching one is M periods old with nothing good since. */
        PREMATURE_ALARM,
        /** Every period of the range is missing. */
        ALL_MISSING,
        /** {@code ignore}: the data present cannot decide, so the state is kept. */
        KEPT
    }

    WindowDecision {
        evaluated = List.copyOf(evaluated);
    }

    /**
     * Applies CloudWatch's documented algorithm ("Configuring how CloudWatch alarms treat missing data"):
     *
     * <ol>
     *   <li>at least N real datapoints in the range: the newest N real ones decide, M of them breaching means ALARM;
     *   <li>none at all: {@code missing} → INSUFFICIENT_DATA, {@code ignore} → keep, {@code breaching} → ALARM,
     *       {@code notBreaching} → OK;
     *   <li>some, fewer than N: all real datapoints of the range count, plus N − real fills of the treatment value
     *       (as few fills as possible); {@code missing} and {@code ignore} fill nothing. When fewer than M real
     *       datapoints exist, the premature-alarm rule applies: ALARM if the oldest breaching datapoint within the
     *       last N periods is at least M periods old and every newer period is breaching or missing. That rule
     *       makes {@code missing} go to ALARM, while {@code ignore} keeps the state instead (the documented
     *       tables show "retain" exactly there).
     * </ol>
     *
     * @param range oldest first; at least {@code n} long
     * @param n     EvaluationPeriods
     * @param m     DatapointsToAlarm, 1..n
     */
    static WindowDecision decide(Slot[] range, int n, int m, TreatMissingData treatment) {
        if (n < 1 || m < 1 || m > n || range.length < n) {
            throw new IllegalArgumentException("need 1 <= M <= N <= range length, got M=" + m + " N=" + n
                    + " range=" + range.length);
        }
        List<Integer> real = new ArrayList<>();
        for (int i = 0; i < range.length; i++) {
            if (range[i] != Slot.MISSING) {
                real.add(i);
            }
        }
        if (real.size() >= n) {
            List<Integer> newest = real.subList(real.size() - n, real.size());
            int breaching = countBreaching(range, newest);
            return new WindowDecision(breaching >= m ? AlarmState.ALARM : AlarmState.OK, Basis.REAL_DATAPOINTS,
                    newest, 0, breaching);
        }
        int fills = n - real.size();
        if (real.isEmpty()) {
            return switch (treatment) {
                case MISSING -> new WindowDecision(AlarmState.INSUFFICIENT_DATA, Basis.ALL_MISSING, real, 0, 0);
                case IGNORE -> new WindowDecision(null, Basis.KEPT, real, 0, 0);
                case BREACHING -> new WindowDecision(AlarmState.ALARM, Basis.ALL_MISSING, real, fills, fills);
                case NOT_BREACHING -> new WindowDecision(AlarmState.OK, Basis.ALL_MISSING, real, fills, 0);
            };
        }
        int breaching = countBreaching(range, real);
        return switch (treatment) {
            case BREACHING -> new WindowDecision(breaching + fills >= m ? AlarmState.ALARM : AlarmState.OK,
                    Basis.FILLED, real, fills, breaching + fills);
            case NOT_BREACHING -> new WindowDecision(breaching >= m ? AlarmState.ALARM : AlarmState.OK,
                    Basis.FILLED, real, fills, breaching);
            case MISSING, IGNORE -> {
                if (breaching >= m) {
                    yield new WindowDecision(AlarmState.ALARM, Basis.FILLED, real, 0, breaching);
                }
                if (real.size() < m && prematureAlarm(range, n, m)) {
                    yield treatment == TreatMissingData.MISSING
                            ? new WindowDecision(AlarmState.ALARM, Basis.PREMATURE_ALARM, real, 0, breaching)
                            : new WindowDecision(null, Basis.KEPT, real, 0, breaching);
                }
                yield new WindowDecision(AlarmState.OK, Basis.FILLED, real, 0, breaching);
            }
        };
    }

    private static int countBreaching(Slot[] range, List<Integer> positions) {
        int count = 0;
        for (int i : positions) {
            if (range[i] == Slot.BREACHING) {
                count++;
            }
        }
        return count;
    }

    /** The oldest breaching datapoint within the last N periods is at least M periods old, none good since. */
    private static boolean prematureAlarm(Slot[] range, int n, int m) {
        int start = range.length - n;
        for (int i = start; i < range.length; i++) {
            if (range[i] == Slot.BREACHING) {
                int age = range.length - i;
                if (age < m) {
                    return false;
                }
                for (int j = i + 1; j < range.length; j++) {
                    if (range[j] == Slot.NOT_BREACHING) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }
}
