package dev.vigil.engine;

import dev.vigil.model.DetectionInfo;
import dev.vigil.model.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the {@link DetectionInfo} of a rule from its Sigma attributes: ATT&amp;CK technique tags
 * ({@code attack.t1562.008}) become technique ids ({@code T1562.008}); tactic tags ({@code attack.defense_evasion})
 * add the matching ASFF type ({@code TTPs/Defense Evasion}) unless the rule's own {@code vigil.types} already
 * cover it.
 */
final class DetectionInfos {

    private static final Pattern TECHNIQUE = Pattern.compile("attack\\.(t\\d{4}(?:\\.\\d{3})?)");

    private static final Map<String, String> TACTIC_TYPES = Map.ofEntries(
            Map.entry("initial_access", "TTPs/Initial Access"),
            Map.entry("execution", "TTPs/Execution"),
            Map.entry("persistence", "TTPs/Persistence"),
            Map.entry("privilege_escalation", "TTPs/Privilege Escalation"),
            Map.entry("defense_evasion", "TTPs/Defense Evasion"),
            Map.entry("credential_access", "TTPs/Credential Access"),
            Map.entry("discovery", "TTPs/Discovery"),
            Map.entry("lateral_movement", "TTPs/Lateral Movement"),
            Map.entry("collection", "TTPs/Collection"),
            Map.entry("command_and_control", "TTPs/Command and Control"),
            Map.entry("exfiltration", "Effects/Data Exfiltration"));

    private DetectionInfos() {
    }

    static DetectionInfo of(String id, String title, String description, Severity severity, List<String> tags,
                            List<String> vigilTypes) {
        List<String> attack = new ArrayList<>();
        List<String> types = new ArrayList<>(vigilTypes);
        for (String tag : tags) {
            String t = tag.strip().toLowerCase(Locale.ROOT);
            Matcher m = TECHNIQUE.matcher(t);
            if (m.matches()) {
                String technique = m.group(1).toUpperCase(Locale.ROOT);
                if (!attack.contains(technique)) {
                    attack.add(technique);
                }
                continue;
            }
            if (t.startsWith("attack.")) {
                String type = TACTIC_TYPES.get(t.substring("attack.".length()));
                if (type != null && types.stream().noneMatch(x -> x.equals(type) || x.startsWith(type + "/"))) {
                    types.add(type);
                }
            }
        }
        return new DetectionInfo(id, title, description, severity, attack, types);
    }
}
