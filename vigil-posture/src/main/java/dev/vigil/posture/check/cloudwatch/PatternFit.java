package dev.vigil.posture.check.cloudwatch;

import dev.vigil.metrics.pattern.FilterPattern;
import dev.vigil.metrics.pattern.LogMessage;

import java.util.ArrayList;
import java.util.List;

/**
 * How one filter pattern behaves on a control's canonical records: which required records it misses and which
 * routine records it wrongly catches. The pattern fits the control when both lists are empty.
 */
record PatternFit(List<String> missed, List<String> noisy) {

    PatternFit {
        missed = List.copyOf(missed);
        noisy = List.copyOf(noisy);
    }

    static PatternFit of(FilterPattern pattern, CanonicalEvents.Control control) {
        List<String> missed = new ArrayList<>();
        for (CanonicalEvents.Sample s : control.mustMatch()) {
            if (!pattern.matches(LogMessage.of(s.json()))) {
                missed.add(s.label());
            }
        }
        List<String> noisy = new ArrayList<>();
        for (CanonicalEvents.Sample s : control.routine()) {
            if (pattern.matches(LogMessage.of(s.json()))) {
                noisy.add(s.label());
            }
        }
        return new PatternFit(missed, noisy);
    }

    boolean fits() {
        return missed.isEmpty() && noisy.isEmpty();
    }

    /** "misses DeleteGroupPolicy, PutUserPolicy and 3 more" or "also matches a successful S3 ListBuckets". */
    String problem() {
        if (!missed.isEmpty()) {
            return "misses " + list(missed);
        }
        return "also matches routine calls such as " + list(noisy)
                + ", so an alarm on it cannot single these events out";
    }

    private static String list(List<String> items) {
        if (items.size() <= 3) {
            return String.join(", ", items);
        }
        return String.join(", ", items.subList(0, 3)) + " and " + (items.size() - 3) + " more";
    }
}
