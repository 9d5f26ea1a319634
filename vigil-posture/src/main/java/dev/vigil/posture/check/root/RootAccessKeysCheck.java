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

/**
 * root.no_access_keys: the account summary's AccountAccessKeysPresent, else the credential report's
 * access_key_1_active / access_key_2_active for the root row.
 */
final class RootAccessKeysCheck implements Check {

    private static final CheckMetadata METADATA = new CheckMetadata("root.no_access_keys",
            "The root user has no access keys", "Root account", Severity.CRITICAL, Verdicts.ACCOUNT,
            "A root access key is a long-lived secret with unrestricted power that no policy can limit; it tends "
                    + "to end up in scripts and laptops. Nothing needs one: tasks that require root are done in "
                    + "the console.",
            new Remediation("Sign in as the root user and delete its access keys under Security credentials "
                    + "(first find what used them from access_key_*_last_used_* in the credential report). Deny "
                    + "root API use in member accounts with an SCP.",
                    "aws iam get-account-summary --query 'SummaryMap.AccountAccessKeysPresent'\n"
                            + "# signed in with the root user's own credentials:\n"
                            + "aws iam delete-access-key --access-key-id <root-access-key-id>",
                    "",
                    "resource \"aws_organizations_policy\" \"deny_root\" {\n"
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
            Optional<Integer> summary = e.summaryValue("AccountAccessKeysPresent");
            Optional<CredentialReport> report = e.parsedReport();
            Optional<Boolean> key1 = report.flatMap(r -> r.flag("access_key_1_active"));
            Optional<Boolean> key2 = report.flatMap(r -> r.flag("access_key_2_active"));
            if (summary.isPresent()) {
                out.add(summary.get() == 0
                        ? v.scope(CheckStatus.PASS, account, RootEvidence.GLOBAL, "The account summary shows no root access keys.")
                        : v.scope(CheckStatus.FAIL, account, RootEvidence.GLOBAL, "The account summary shows root access keys present "
                        + "(AccountAccessKeysPresent is " + summary.get() + "); delete them."));
            } else if (key1.isPresent() && key2.isPresent()) {
                List<String> active = new ArrayList<>();
                if (key1.get()) {
                    active.add("access key 1");
                }
                if (key2.get()) {
                    active.add("access key 2");
                }
                out.add(active.isEmpty()
                        ? v.scope(CheckStatus.PASS, account, RootEvidence.GLOBAL, "The credential report shows no active root access key.")
                        : v.scope(CheckStatus.FAIL, account, RootEvidence.GLOBAL, "The credential report shows the root user's "
                        + String.join(" and ", active) + " active; delete " + (active.size() == 1 ? "it." : "them.")));
            } else {
                out.add(v.scope(CheckStatus.ERROR, account, RootEvidence.GLOBAL, e.unavailableReason()));
            }
        }
        return out;
    }
}
