package dev.vigil.posture.framework;

import java.util.List;
import java.util.Objects;

/**
 * One requirement of a framework and how Vigil judges it: by the checks mapped to it, or by a person
 * ({@code manual}) with a note of the evidence an auditor should collect.
 *
 * @param id             the framework's own id, e.g. {@code 3.2}, {@code CloudTrail.1}, {@code 164.312(b)}
 * @param title          short title in Vigil's words
 * @param section        the framework section it is reported under
 * @param responsibility who carries it under the shared-responsibility model
 * @param checks         check ids whose results decide it; empty exactly when {@code manual}
 * @param manual         no automated check exists: it is reported MANUAL
 * @param evidence       for a manual requirement, what evidence to collect; empty otherwise
 * @param line           line of the requirement in its file (for messages); 0 when built in code
 */
public record Requirement(String id, String title, String section, Responsibility responsibility,
                          List<String> checks, boolean manual, String evidence, int line) {

    public Requirement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(responsibility, "responsibility");
        checks = List.copyOf(checks);
        evidence = Objects.requireNonNullElse(evidence, "");
        if (manual == !checks.isEmpty()) {
            throw new IllegalArgumentException("requirement " + id + " must have either checks or manual: true");
        }
        if (manual == evidence.isBlank()) {
            throw new IllegalArgumentException("requirement " + id
                    + (manual ? " is manual and needs an evidence note" : " has checks, so no evidence note"));
        }
    }
}
