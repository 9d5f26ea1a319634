package dev.vigil.posture.check.root;

import dev.vigil.model.Severity;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckMetadata;
import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.CheckStatus;
import dev.vigil.posture.check.Estate;
import dev.vigil.posture.check.Remediation;
import dev.vigil.posture.check.Verdicts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** root.mfa_enabled: the account summary's AccountMFAEnabled, else the credential report's root mfa_active. */
final class RootMfaCheck implements Check {

    private static final CheckMetadata METADATA = new CheckMetadata("root.mfa_enabled",
            "The root user has MFA enabled", "Root account", Severity.CRITICAL, Verdicts.ACCOUNT,
            "The root user can do anything in the account, including closing it, and no policy can restrict it. "
                    + "With only a password, one phished or reused password hands the account over; a second "
                    + "factor makes that single leak insufficient.",
            new Remediation("Sign in as the root user, open Security credentials and assign an MFA device "
                    + "(a hardware key for production accounts). The root user's MFA cannot be set by API; the "
                    + "commands below verify the result.",
                    "aws iam get-account-summary --query 'SummaryMap.AccountMFAEnabled'\n"
                            + "aws iam generate-credential-report && aws iam get-credential-report",
                    "",
                    "# Root MFA cannot be managed by Terraform; enforce the alternative instead:\n"
                            + "# deny root actions in member accounts with an SCP, e.g.\n"
                            + "resource \"aws_organizations_policy\" \"deny_root\" {\n"
                            + "  name    = \"deny-root-user\"\n"
                            + "  content = jsonencode({ Version = \"2012-10-17\", Statement = [{ Effect = \"Deny\","
                            + " Action = \"*\", Resource = \"*\",\n"
                            + "    Condition = { StringLike = { \"aws:PrincipalArn\" = \"arn:aws:iam::*:root\" } } }] })\n"
                            + "}"),
            List.of("iam:GetAccountSummary", "iam:GetCredentialReport"));

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<CheckResult> evaluate(Estate estate) {
        Verdicts v = new Verdicts(METADATA);
        List<CheckResult> out = new ArrayList<>();
        for (String account : estate.accounts()) {
            RootEvidence e = RootEvidence.of(estate, account);
            Optional<Integer> summary = e.summaryValue("AccountMFAEnabled");
            Optional<Boolean> report = e.parsedReport().flatMap(r -> r.flag("mfa_active"));
            if (summary.isPresent()) {
                out.add(summary.get() == 1
                        ? v.scope(CheckStatus.PASS, account, RootEvidence.GLOBAL, "The account summary shows MFA enabled for the root user.")
                        : v.scope(CheckStatus.FAIL, account, RootEvidence.GLOBAL, "The account summary shows no MFA on the root user (AccountMFAEnabled is "
                        + summary.get() + "); assign an MFA device to it."));
            } else if (report.isPresent()) {
                out.add(report.get()
                        ? v.scope(CheckStatus.PASS, account, RootEvidence.GLOBAL, "The credential report shows MFA active for the root user.")
                        : v.scope(CheckStatus.FAIL, account, RootEvidence.GLOBAL, "The credential report shows no MFA on the root user "
                        + "(mfa_active is false); assign an MFA device to it."));
            } else {
                out.add(v.scope(CheckStatus.ERROR, account, RootEvidence.GLOBAL, e.unavailableReason()));
            }
        }
        return out;
    }
}
