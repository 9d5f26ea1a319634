package dev.vigil.cli;

import dev.vigil.formats.flowlog.FlowLogFileReader;
import dev.vigil.formats.flowlog.FlowLogFormat;
import dev.vigil.formats.cloudtrail.CloudTrailFileReader;
import dev.vigil.formats.input.LogFile;
import dev.vigil.model.Evidence;
import dev.vigil.model.Finding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.LongAdder;

/**
 * Puts back the raw text of the records a scan's findings cite. The scan's rule hits carry no copy of their record
 * ({@link dev.vigil.engine.EvidenceText#DEFERRED}): most hits are counted by correlations that never fire, and copying
 * each would cost more than reading again the few files the findings point to. Evidence names its record by origin
 * ({@code FILE#record N}), and reading a file again numbers its records the same way.
 */
final class EvidenceRestorer {

    /**
     * @param findings the findings, with their evidence as the scan left it
     * @param missing  cited records whose text could not be read again (the file changed or vanished since)
     */
    record Outcome(List<Finding> findings, long missing) {
    }

    private static final String RECORD = "#record ";
    /** Where flow-log evidence was read: a text line, a CloudWatch Logs export's event, a Parquet row. */
    private static final List<String> FLOW_PLACES = List.of("#line ", "#event ", "#row ");

    private EvidenceRestorer() {
    }

    /** Ends reading a file once every record wanted from it is in hand. */
    private static final class AllFound extends RuntimeException {
        AllFound() {
            super(null, null, false, false);
        }
    }

    static Outcome restore(List<Finding> findings, List<LogFile> files, CloudTrailFileReader.Limits limits) {
        return restore(findings, files, limits, FlowLogFormat.V2_DEFAULT);
    }

    /**
     * As {@link #restore(List, List, CloudTrailFileReader.Limits)}, also reading back the flow-log lines the
     * flow detections cite by place ({@code FILE#line N}), with {@code headerlessFlowFormat} for files without a
     * header line, as the scan read them.
     */
    static Outcome restore(List<Finding> findings, List<LogFile> files, CloudTrailFileReader.Limits limits,
                           FlowLogFormat headerlessFlowFormat) {
        Map<String, LogFile> byDisplay = new HashMap<>();
        for (LogFile f : files) {
            byDisplay.put(f.display(), f);
        }
        Map<String, TreeSet<String>> wanted = new TreeMap<>(); // file → origins of the CloudTrail records to read back
        Map<String, TreeSet<String>> wantedFlows = new TreeMap<>(); // file → origins of the flow records
        for (Finding f : findings) {
            for (Evidence e : f.evidence()) {
                if (e.hasText()) {
                    continue;
                }
                int at = e.origin().lastIndexOf(RECORD);
                if (at > 0 && byDisplay.containsKey(e.origin().substring(0, at))) {
                    wanted.computeIfAbsent(e.origin().substring(0, at), k -> new TreeSet<>()).add(e.origin());
                    continue;
                }
                for (String place : FLOW_PLACES) {
                    int p = e.origin().lastIndexOf(place);
                    if (p > 0 && byDisplay.containsKey(e.origin().substring(0, p))) {
                        wantedFlows.computeIfAbsent(e.origin().substring(0, p), k -> new TreeSet<>()).add(e.origin());
                        break;
                    }
                }
            }
        }
        Map<String, String> texts = new HashMap<>();
        FlowLogFileReader flowReader = new FlowLogFileReader(limits, new LongAdder(), headerlessFlowFormat);
        wantedFlows.forEach((display, origins) -> {
            int[] found = {0};
            try {
                flowReader.read(byDisplay.get(display), r -> {
                    if (origins.contains(r.origin())) {
                        texts.put(r.origin(), r.rawJson());
                        if (++found[0] == origins.size()) {
                            throw new AllFound();
                        }
                    }
                }, problem -> { });
            } catch (AllFound done) {
                // the rest of the file holds nothing the findings cite
            }
        });
        CloudTrailFileReader reader = new CloudTrailFileReader(limits, new LongAdder());
        wanted.forEach((display, origins) -> {
            int[] found = {0};
            try {
                reader.read(byDisplay.get(display), e -> {
                    if (origins.contains(e.origin())) {
                        texts.put(e.origin(), e.rawJson());
                        if (++found[0] == origins.size()) {
                            throw new AllFound();
                        }
                    }
                }, problem -> { });
            } catch (AllFound done) {
                // the rest of the file holds nothing the findings cite
            }
        });
        long missing = 0;
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            List<Evidence> evidence = new ArrayList<>(f.evidence().size());
            for (Evidence e : f.evidence()) {
                String text = e.hasText() ? null : texts.get(e.origin());
                if (text != null) {
                    evidence.add(new Evidence(e.eventId(), e.time(), e.origin(), text));
                } else {
                    missing += e.hasText() ? 0 : 1;
                    evidence.add(e);
                }
            }
            out.add(new Finding(f.id(), f.rule(), f.keys(), f.account(), f.region(), f.principal(), f.resource(),
                    f.firstSeen(), f.lastSeen(), f.count(), evidence));
        }
        return new Outcome(List.copyOf(out), missing);
    }
}
