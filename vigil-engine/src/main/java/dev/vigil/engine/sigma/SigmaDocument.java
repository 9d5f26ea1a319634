package dev.vigil.engine.sigma;

import java.util.List;

/** One YAML document of a rule file: a detection rule or a correlation rule. */
public sealed interface SigmaDocument permits SigmaRule, SigmaCorrelation {

    /** Where the document starts. */
    RuleSource source();

    /** Sigma {@code id}, usually a UUID, or null. */
    String id();

    /** Sigma {@code name}, a readable unique name, or null. */
    String name();

    String title();

    /**
     * The id Vigil uses for the rule: its {@code name} when it has one (built-in rules use readable names such as
     * {@code vigil-cloudtrail-logging-stopped}), else its {@code id}.
     */
    default String ruleId() {
        return name() != null ? name() : id();
    }

    /** Sigma tags, e.g. {@code attack.t1562.008}. */
    List<String> tags();

    /** Status, author, dates, related rules, custom attributes and the other descriptive attributes. */
    SigmaMetadata metadata();
}
