package dev.vigil.engine.sigma;

import dev.vigil.model.Severity;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Sigma detection rule.
 *
 * @param source         where it was written
 * @param id             Sigma {@code id}, or null
 * @param name           Sigma {@code name}, or null (one of id and name is required)
 * @param title          title
 * @param description    what it means and what to check next; empty when absent
 * @param falsePositives known benign causes
 * @param tags           tags
 * @param level          Sigma {@code level}; {@link Severity#MEDIUM} when the rule gives none
 * @param logSource      which events it applies to
 * @param detection      searches and condition
 * @param vigil          Vigil's custom attributes
 * @param metadata       the other attributes: status, author, dates, related rules, custom attributes, …
 */
public record SigmaRule(RuleSource source, String id, String name, String title, String description,
                        List<String> falsePositives, List<String> tags, Severity level, LogSource logSource,
                        Detection detection, VigilAttributes vigil, SigmaMetadata metadata)
        implements SigmaDocument {
    public SigmaRule {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(title, "title");
        description = Objects.requireNonNullElse(description, "");
        falsePositives = List.copyOf(falsePositives);
        tags = List.copyOf(tags);
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(logSource, "logSource");
        Objects.requireNonNull(detection, "detection");
        Objects.requireNonNull(vigil, "vigil");
        Objects.requireNonNull(metadata, "metadata");
        if (id == null && name == null) {
            throw new IllegalArgumentException("a rule needs an id or a name");
        }
    }

    /** The rule with the given status, author and references and no other metadata (the earlier constructor). */
    public SigmaRule(RuleSource source, String id, String name, String title, String description, String status,
                     String author, List<String> references, List<String> falsePositives, List<String> tags,
                     Severity level, LogSource logSource, Detection detection, VigilAttributes vigil) {
        this(source, id, name, title, description, falsePositives, tags, level, logSource, detection, vigil,
                new SigmaMetadata(status == null ? null : RuleStatus.bySigmaName(status).orElse(null), null, author,
                        references, null, null, List.of(), List.of(), List.of(), null, Map.of()));
    }

    /** The same rule with another detection, e.g. after a field mapping. */
    public SigmaRule withDetection(Detection other) {
        return new SigmaRule(source, id, name, title, description, falsePositives, tags, level, logSource, other,
                vigil, metadata);
    }
}
