package dev.vigil.engine.testing;

import dev.vigil.engine.DetectionSet;
import dev.vigil.engine.FindingAggregator;
import dev.vigil.engine.RuleHit;
import dev.vigil.model.Event;
import dev.vigil.model.Finding;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Runs a detection set over events the way the CLI will: evaluate every event, aggregate the hits. */
public final class Detections {

    private Detections() {
    }

    public static List<RuleHit> hits(DetectionSet set, List<? extends Event> events) {
        List<RuleHit> hits = new ArrayList<>();
        for (Event e : events) {
            set.evaluate(e, hits::add);
        }
        return hits;
    }

    public static List<Finding> findings(DetectionSet set, List<? extends Event> events) {
        FindingAggregator aggregator = new FindingAggregator(set);
        for (RuleHit h : hits(set, events)) {
            aggregator.accept(h);
        }
        return aggregator.findings();
    }

    /** Ids of the rules that raised a finding. */
    public static Set<String> firing(DetectionSet set, List<? extends Event> events) {
        Set<String> ids = new TreeSet<>();
        findings(set, events).forEach(f -> ids.add(f.rule().id()));
        return ids;
    }
}
