package dev.vigil.posture.framework;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks frameworks against the check catalogue. A mapping to a check id that does not exist would leave the
 * requirement judged by nothing (reported ERROR forever), so it is refused at load; a check no framework maps is
 * not an error but is listed, because it never moves a score.
 */
public final class FrameworkValidator {

    private final List<Framework> frameworks;

    public FrameworkValidator(Collection<Framework> frameworks) {
        this.frameworks = List.copyOf(frameworks);
    }

    /**
     * One line per framework mapping unknown check ids: its source, then the ids with the requirements using them.
     * Empty when every mapped id is in the catalogue.
     */
    public List<String> problems(Set<String> catalogueIds) {
        List<String> out = new ArrayList<>();
        for (Framework f : frameworks) {
            List<String> unknown = new ArrayList<>();
            for (Requirement r : f.requirements()) {
                for (String check : r.checks()) {
                    if (!catalogueIds.contains(check)) {
                        unknown.add(check + " (requirement " + r.id() + (r.line() > 0 ? ", line " + r.line() : "")
                                + ")");
                    }
                }
            }
            if (!unknown.isEmpty()) {
                out.add(f.source() + ": unknown check ids: " + String.join(", ", unknown));
            }
        }
        return out;
    }

    /**
     * Fails when any framework maps a check id the catalogue lacks.
     *
     * @throws IllegalArgumentException listing every unknown id with its file and requirement, and what to do
     */
    public void requireKnownChecks(Set<String> catalogueIds) {
        List<String> problems = problems(catalogueIds);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems)
                    + "\nFix the check ids (docs/posture-checks.md lists them) or load the custom checks that define them.");
        }
    }

    /** Catalogue check ids no framework maps, sorted. */
    public List<String> unmapped(Collection<String> catalogueIds) {
        Set<String> mapped = new TreeSet<>();
        for (Framework f : frameworks) {
            mapped.addAll(f.checkIds());
        }
        Set<String> out = new TreeSet<>(catalogueIds);
        out.removeAll(mapped);
        return List.copyOf(out);
    }
}
