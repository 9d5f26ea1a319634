package dev.vigil.cli;

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
        if (format == Format.JSONL) {
            entries.forEach(e -> out.println(JsonLines.of(json(e))));
            return ExitCode.OK;
        }
        out.printf(Locale.ROOT, ROW, "ID", "TYPE", "LEVEL", "ATT&CK", "SOURCE", "TITLE");
        for (RuleEntry e : entries) {
            out.printf(Locale.ROOT, ROW, s(e.id()), e.type().label(), e.level(), s(String.join(",", attack(e))),
                    s(e.source()), s(e.title()));
        }
        if (all) {
            long raising = entries.stream().filter(RuleEntry::raisesFindings).count();
            out.printf(Locale.ROOT, "%d rules, %d raise findings%n", entries.size(), raising);
        } else {
            out.printf(Locale.ROOT, "%d detections%n", entries.size());
        }
        return ExitCode.OK;
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
