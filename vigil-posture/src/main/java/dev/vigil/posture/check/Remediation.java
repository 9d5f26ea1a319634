package dev.vigil.posture.check;

import java.util.Objects;

/**
 * How to fix a failing check.
 *
 * @param summary        one or two sentences saying what to change
 * @param awsCli         AWS CLI commands that fix it, with {@code <placeholders>} for what the user fills in
 * @param cloudFormation a CloudFormation YAML snippet, or empty
 * @param terraform      a Terraform snippet, or empty (at least one of the two snippets is given)
 */
public record Remediation(String summary, String awsCli, String cloudFormation, String terraform) {
    public Remediation {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(awsCli, "awsCli");
        cloudFormation = Objects.requireNonNullElse(cloudFormation, "");
        terraform = Objects.requireNonNullElse(terraform, "");
        if (cloudFormation.isBlank() && terraform.isBlank()) {
            throw new IllegalArgumentException("a remediation needs a CloudFormation or a Terraform snippet");
        }
    }
}
