package dev.vigil.posture.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the check catalogue as Markdown, from the checks' own metadata, so docs/posture-checks.md can never drift
 * from the code: a test regenerates the text and compares it with the committed file.
 */
public final class CatalogueMarkdown {

    private CatalogueMarkdown() {
    }

    public static String render(List<? extends Check> checks) {
        Map<String, List<CheckMetadata>> bySection = new LinkedHashMap<>();
        for (Check c : checks) {
            bySection.computeIfAbsent(c.metadata().section(), s -> new ArrayList<>()).add(c.metadata());
        }
        StringBuilder md = new StringBuilder();
        md.append("# Posture check catalogue\n\n")
                .append("Generated from the checks' metadata by `scripts/posture-catalogue` (a test fails when this file\n")
                .append("and the code disagree). ").append(checks.size()).append(" checks in ").append(bySection.size())
                .append(" sections. How checks run, what their statuses mean and how to tune them: [posture.md](posture.md).\n\n");
        md.append("| Section | Check | Severity | Resource type |\n|---|---|---|---|\n");
        bySection.forEach((section, metas) -> metas.forEach(m -> md.append("| ").append(cell(section)).append(" | [`")
                .append(m.id()).append("`](#").append(anchor(m.id())).append(") ").append(cell(m.title())).append(" | ")
                .append(m.severity().caption()).append(" | `").append(m.resourceType()).append("` |\n")));
        bySection.forEach((section, metas) -> {
            md.append("\n## ").append(section).append("\n");
            for (CheckMetadata m : metas) {
                md.append("\n### ").append(m.id()).append("\n\n")
                        .append("**").append(m.title()).append("** — severity ").append(m.severity().caption())
                        .append(", resource type `").append(m.resourceType()).append("`.\n\n")
                        .append(m.rationale().strip()).append("\n\n")
                        .append("*Remediation.* ").append(m.remediation().summary().strip()).append("\n\n")
                        .append("```sh\n").append(m.remediation().awsCli().strip()).append("\n```\n");
                if (!m.remediation().cloudFormation().isBlank()) {
                    md.append("\nCloudFormation:\n\n```yaml\n").append(m.remediation().cloudFormation().strip())
                            .append("\n```\n");
                }
                if (!m.remediation().terraform().isBlank()) {
                    md.append("\nTerraform:\n\n```hcl\n").append(m.remediation().terraform().strip()).append("\n```\n");
                }
                md.append("\n*Permissions to read its data:* ")
                        .append(m.permissions().isEmpty() ? "none beyond the inventory"
                                : "`" + String.join("`, `", m.permissions()) + "`")
                        .append(".\n");
            }
        });
        return md.toString();
    }

    /** GitHub's heading anchor for a check id heading: dots dropped, lower case kept. */
    static String anchor(String id) {
        return id.replace(".", "");
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
