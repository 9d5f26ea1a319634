package dev.vigil.model;

import java.util.List;
import java.util.Objects;

/**
 * What a detection is, as shown on every finding it raises.
 *
 * @param id          stable rule id; OCSF {@code finding_info.analytic.uid}
 * @param title       one-line title
 * @param description what it means and what to do next
 * @param severity    severity of its findings
 * @param attack      MITRE ATT&amp;CK technique ids, e.g. {@code T1562.008}
 * @param types       finding types in ASFF's namespace/category/classifier form, e.g.
 *                    {@code TTPs/Defense Evasion/CloudTrailStopped}
 */
public record DetectionInfo(String id, String title, String description, Severity severity,
                            List<String> attack, List<String> types) {
    public DetectionInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(severity, "severity");
        attack = List.copyOf(attack);
        types = List.copyOf(types);
    }
}
