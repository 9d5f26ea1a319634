package dev.vigil.cli;

import dev.vigil.engine.apithreat.ApiThreatDetections;
import dev.vigil.engine.baseline.BaselineSettings;
import dev.vigil.engine.baseline.BaselineSnapshot;
import dev.vigil.engine.baseline.BehaviourBaselines;
import dev.vigil.engine.intel.IpReputation;
import dev.vigil.engine.network.FlowDetectionSettings;
import dev.vigil.engine.network.FlowDetections;
import dev.vigil.engine.network.NetworkPolicy;
import dev.vigil.model.DetectionInfo;
import dev.vigil.engine.DetectionSet;
import dev.vigil.engine.RuleLoadResult;
import dev.vigil.report.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List the detections that raise findings: id, type, level, ATT&CK techniques, where the rule "
                + "was loaded from (built-in:FILE:LINE or PATH:LINE), title.",
                "Rules that did not load are reported on stderr and left out."})
final class RulesListCommand implements Callable<Integer> {

    enum Format { TABLE, JSONL }

    private static final String ROW = "%-48s  %-11s  %-13s  %-22s  %-36s  %s%n";

    @Mixin
    RuleOptions rules;

    @Option(names = "--all", description = "Also list rules that raise no findings of their own (rules only counted "
            + "by a correlation).")
    boolean all;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (default) or jsonl (one JSON object per rule).")
    Format format;

    @Override
    public Integer call() {
        RuleLoadResult loaded = rules.read();
        DetectionSet set = rules.compile(loaded, System.err);
        List<RuleEntry> entries = RuleCatalog.of(loaded, set).entries().stream()
                .filter(e -> all || e.raisesFindings()).toList();
        PrintStream out = System.out;
        // --only-rules asks about those rules alone; the detectors over many records run in every scan regardless
        Map<String, List<DetectionInfo>> stateful = rules.only.isEmpty() ? statefulDetections() : Map.of();
        if (format == Format.JSONL) {
            entries.forEach(e -> out.println(JsonLines.of(json(e))));
            stateful.forEach((source, infos) -> infos.forEach(d -> out.println(JsonLines.of(json(d, source)))));
            return ExitCode.OK;
        }
        out.printf(Locale.ROOT, ROW, "ID", "TYPE", "LEVEL", "ATT&CK", "SOURCE", "TITLE");
        for (RuleEntry e : entries) {
            out.printf(Locale.ROOT, ROW, s(e.id()), e.type().label(), e.level(), s(String.join(",", attack(e))),
                    s(e.source()), s(e.title()));
        }
        int statefulCount = 0;
        for (Map.Entry<String, List<DetectionInfo>> group : stateful.entrySet()) {
            for (DetectionInfo d : group.getValue()) {
                statefulCount++;
                out.printf(Locale.ROOT, ROW, d.id(), STATEFUL, level(d), String.join(",", d.attack()), group.getKey(),
                        d.title());
            }
        }
        if (all) {
            long raising = entries.stream().filter(RuleEntry::raisesFindings).count();
            out.printf(Locale.ROOT, "%d rules, %d raise findings; %d built-in detections over many records%n",
                    entries.size(), raising, statefulCount);
        } else {
            out.printf(Locale.ROOT, statefulCount == 0 ? "%d detections%n"
                    : "%d detections (%d Sigma rules, %d over many records)%n",
                    entries.size() + statefulCount, entries.size(), statefulCount);
        }
        return ExitCode.OK;
    }

    /** The type shown for the built-in detectors that decide over many records rather than one. */
    static final String STATEFUL = "stateful";

    /**
     * The detections of the flow-log, threat-intelligence and baseline detectors, by where they are described; they
     * run in every scan whatever rules are chosen, and are tuned by their own settings files rather than Sigma.
     */
    static Map<String, List<DetectionInfo>> statefulDetections() {
        Map<String, List<DetectionInfo>> out = new LinkedHashMap<>();
        out.put("built-in:network", new FlowDetections(FlowDetectionSettings.defaults(), IpReputation.NONE,
                NetworkPolicy.NONE).detections());
        out.put("built-in:intel", new ApiThreatDetections(null, null, null).detections());
        out.put("built-in:baseline", new BehaviourBaselines(BaselineSettings.defaults(), BaselineSnapshot.EMPTY)
                .detections());
        return out;
    }

    private static String level(DetectionInfo d) {
        return d.severity().name().toLowerCase(Locale.ROOT);
    }

    private static Map<String, Object> json(DetectionInfo d, String source) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("type", STATEFUL);
        m.put("level", level(d));
        m.put("attack", d.attack());
        m.put("title", d.title());
        m.put("source", source);
        m.put("raises_findings", true);
        m.put("finding_types", d.types());
        return m;
    }

    private static Map<String, Object> json(RuleEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("type", e.type().label());
        m.put("level", e.level());
        m.put("attack", attack(e));
        m.put("title", e.title());
        m.put("source", e.source());
        m.put("raises_findings", e.raisesFindings());
        return m;
    }

    private static List<String> attack(RuleEntry e) {
        return e.info() == null ? List.of() : e.info().attack();
    }

    private static String s(String v) {
        return TerminalText.sanitize(v);
    }
}
