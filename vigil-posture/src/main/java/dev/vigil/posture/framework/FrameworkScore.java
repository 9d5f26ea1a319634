package dev.vigil.posture.framework;

import java.util.List;
import java.util.Objects;

/**
 * A framework scored on one run's check results.
 *
 * @param framework    the framework
 * @param requirements one verdict per requirement, in the framework's order
 * @param sections     per section, in the framework's order
 * @param accounts     per account, sorted by account id (organisation-wide results, account "", first)
 * @param overall      every requirement, tallied
 */
public record FrameworkScore(Framework framework, List<RequirementScore> requirements, List<SectionScore> sections,
                             List<AccountScore> accounts, Tally overall) {

    public FrameworkScore {
        Objects.requireNonNull(framework, "framework");
        requirements = List.copyOf(requirements);
        sections = List.copyOf(sections);
        accounts = List.copyOf(accounts);
        Objects.requireNonNull(overall, "overall");
    }
}
