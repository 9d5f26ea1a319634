package dev.vigil.posture.framework;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A compliance framework as Vigil judges it: its requirements, each mapped to check ids or marked manual.
 *
 * @param id           stable id, e.g. {@code cis-aws-foundations}; what {@code --framework} takes
 * @param name         display name without version, e.g. "CIS AWS Foundations Benchmark"
 * @param version      the framework version the ids follow, e.g. "3.0.0"
 * @param description  one or two sentences on what it covers
 * @param source       where it was loaded from ({@code classpath:posture/frameworks/ID.yaml} or a file path)
 * @param requirements in the file's order
 */
public record Framework(String id, String name, String version, String description, String source,
                        List<Requirement> requirements) {

    public Framework {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        description = Objects.requireNonNullElse(description, "");
        Objects.requireNonNull(source, "source");
        requirements = List.copyOf(requirements);
    }

    /** Name and version, e.g. "CIS AWS Foundations Benchmark 3.0.0". */
    public String displayName() {
        return version.isBlank() ? name : name + " " + version;
    }

    /** Section names in the order they first appear. */
    public List<String> sections() {
        Set<String> out = new LinkedHashSet<>();
        for (Requirement r : requirements) {
            out.add(r.section());
        }
        return new ArrayList<>(out);
    }

    /** Every check id any requirement maps, sorted. */
    public Set<String> checkIds() {
        Set<String> out = new TreeSet<>();
        for (Requirement r : requirements) {
            out.addAll(r.checks());
        }
        return out;
    }

    /** Ids of the requirements a check is mapped to, in file order. */
    public List<String> requirementsOf(String checkId) {
        List<String> out = new ArrayList<>();
        for (Requirement r : requirements) {
            if (r.checks().contains(checkId)) {
                out.add(r.id());
            }
        }
        return out;
    }
}
