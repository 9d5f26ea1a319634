package dev.vigil.engine.sigma;

import dev.vigil.model.Severity;

import java.util.List;
import java.util.Objects;

/**
 * A Sigma detection rule.
 *
 * @param source         where it was written
 * @param id             Sigma {@code id}, or null
 * @param name           Sigma {@code name}, or null (one of id and name is required)
 * @param title          title
 * @param description    what it means and what to check next; empty when absent
 * @param status         Sigma status, or null
 * @param author         author, or null
 * @param references     reference URLs
 * @param falsePositives known benign causes
 * @param tags           tags
 * @param level          Sigma {@code level}; {@link Severity#MEDIUM} when the rule gives none
 * @param logSource      which events it applies to
 * @param detection      searches and condition
 * @param vigil          Vigil's custom attributes
 */
public record SigmaRule(RuleSource source, String id, String name, String title, String description, String status,
                        String author, List<String> references, List<String> falsePositives, List<String> tags,
                        Severity level, LogSource logSource, Detection detection, VigilAttributes vigil)
        implements SigmaDocument {
    public SigmaRule {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(title, "title");
        description = Objects.requireNonNullElse(description, "");
        references = List.copyOf(references);
        falsePositives = List.copyOf(falsePositives);
        tags = List.copyOf(tags);
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(logSource, "logSource");
        Objects.requireNonNull(detection, "detection");
        Objects.requireNonNull(vigil, "vigil");
        if (id == null && name == null) {
            throw new IllegalArgumentException("a rule needs an id or a name");
        }
    }
}
