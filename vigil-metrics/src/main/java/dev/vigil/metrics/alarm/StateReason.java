package dev.vigil.metrics.alarm;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * State reasons worded like CloudWatch's {@code StateReason}, e.g. {@code Threshold Crossed: 1 out of the last 1
 * datapoints [99.5 (02/10/19 16:59:00)] was greater than the threshold (50.0) (minimum 1 datapoint for OK -> ALARM
 * transition).} Datapoints are listed newest first with their period start (UTC, dd/MM/yy HH:mm:ss).
 */
final class StateReason {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yy HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    /** Datapoints named in a reason; CloudWatch's reasons also list only the evaluated ones. */
    private static final int MAX_LISTED = 10;

    private StateReason() {
    }

    static List<AlarmTransition.ReasonDatapoint> datapoints(WindowDecision d, double[] values, Instant[] starts) {
        List<AlarmTransition.ReasonDatapoint> out = new ArrayList<>();
        List<Integer> evaluated = d.evaluated();
        for (int i = evaluated.size() - 1; i >= 0; i--) {
            int pos = evaluated.get(i);
            out.add(new AlarmTransition.ReasonDatapoint(starts[pos], values[pos]));
        }
        return out;
    }

    static String of(AlarmDefinition alarm, WindowDecision d, AlarmState previous, double[] values, Instant[] starts,
                     Map<Long, AnomalyModel.Band> bands, int rangeLength) {
        if (d.state() == AlarmState.INSUFFICIENT_DATA) {
            return "Insufficient Data: " + rangeLength + " datapoints were unknown.";
        }
        String list = list(d, values, starts);
        int real = d.evaluated().size();
        String comparedWith = alarm.isAnomaly()
                ? alarm.comparison().phrase() + " " + bandText(d, starts, bands)
                : alarm.comparison().phrase() + " the threshold (" + alarm.threshold() + ")";
        String head = alarm.isAnomaly() ? "Thresholds Crossed: " : "Threshold Crossed: ";
        String fills = fillText(alarm, d);
        if (real == 0) {
            return head + "no datapoints were received for " + d.fills() + plural(" period", d.fills()) + fills + ".";
        }
        if (d.state() == AlarmState.ALARM) {
            int shown = d.breaching() - (alarm.treatMissingData() == TreatMissingData.BREACHING ? d.fills() : 0);
            String premature = d.basis() == WindowDecision.Basis.PREMATURE_ALARM
                    ? " (the oldest breaching datapoint is at least " + alarm.datapointsToAlarm()
                    + " periods old and no newer datapoint is within the threshold)" : "";
            return head + shown + " out of the last " + real + " datapoints " + list + " "
                    + (shown == 1 ? "was " : "were ") + comparedWith + fills + premature + " (minimum "
                    + alarm.datapointsToAlarm() + plural(" datapoint", alarm.datapointsToAlarm()) + " for "
                    + previous.name() + " -> ALARM transition).";
        }
        return head + real + plural(" datapoint", real) + " " + list + " " + (real == 1 ? "was" : "were")
                + " not " + comparedWith + fills + ".";
    }

    private static String fillText(AlarmDefinition alarm, WindowDecision d) {
        if (d.fills() == 0) {
            return "";
        }
        String as = alarm.treatMissingData() == TreatMissingData.BREACHING ? "Breaching" : "NonBreaching";
        return " and " + d.fills() + plural(" missing datapoint", d.fills()) + (d.fills() == 1 ? " was" : " were")
                + " treated as [" + as + "]";
    }

    private static String list(WindowDecision d, double[] values, Instant[] starts) {
        StringBuilder b = new StringBuilder("[");
        List<Integer> evaluated = d.evaluated();
        int listed = 0;
        for (int i = evaluated.size() - 1; i >= 0 && listed < MAX_LISTED; i--, listed++) {
            int pos = evaluated.get(i);
            b.append(listed == 0 ? "" : ", ").append(values[pos]).append(" (").append(TIME.format(starts[pos]))
                    .append(')');
        }
        return b.append(']').toString();
    }

    private static String bandText(WindowDecision d, Instant[] starts, Map<Long, AnomalyModel.Band> bands) {
        StringBuilder lower = new StringBuilder("[");
        StringBuilder upper = new StringBuilder("[");
        List<Integer> evaluated = d.evaluated();
        int listed = 0;
        for (int i = evaluated.size() - 1; i >= 0 && listed < MAX_LISTED; i--, listed++) {
            AnomalyModel.Band b = bands.get(starts[evaluated.get(i)].toEpochMilli());
            lower.append(listed == 0 ? "" : ", ").append(b == null ? "-" : round(b.lower()));
            upper.append(listed == 0 ? "" : ", ").append(b == null ? "-" : round(b.upper()));
        }
        return "(lower thresholds " + lower + "], upper thresholds " + upper + "])";
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static String plural(String word, long n) {
        return n == 1 ? word : word + "s";
    }
}
