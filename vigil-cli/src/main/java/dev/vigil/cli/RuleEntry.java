package dev.vigil.cli;

import dev.vigil.engine.sigma.SigmaDocument;
import dev.vigil.model.DetectionInfo;

import java.util.Objects;

/**
 * One loaded rule as the CLI lists and tests it.
 *
 * @param id             Vigil's id of the rule: its Sigma {@code name}, else its {@code id}
 * @param type           detection, correlation or filter
 * @param source         where it was written, for display ({@link RuleOrigin})
 * @param document       the parsed rule
 * @param info           what its findings say; null for a document that compiles to no detection (a filter)
 * @param raisesFindings false for rules only counted by a correlation, and for filters
 */
record RuleEntry(String id, RuleType type, String source, SigmaDocument document, DetectionInfo info,
                 boolean raisesFindings) {
    RuleEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(document, "document");
    }

    /** Level as Sigma spells it, or "-" when the document has none. */
    String level() {
        return info == null ? "-" : info.severity().name().toLowerCase(java.util.Locale.ROOT);
    }

    String title() {
        return info == null ? document.title() : info.title();
    }
}
