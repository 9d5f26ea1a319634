package dev.vigil.posture.check.securityhub;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.model.Severity;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckMetadata;
import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.CheckStatus;
import dev.vigil.posture.check.Estate;
import dev.vigil.posture.check.Exported;
import dev.vigil.posture.check.Remediation;
import dev.vigil.posture.check.Verdicts;
import dev.vigil.posture.supplement.SupplementDoc;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every account's Security Hub is administered by the security account: {@code securityhub get-administrator-account}
 * names it with MemberStatus Enabled, or {@code list-organization-admin-accounts} makes it the delegated admin.
 */
final class DelegatedAdministratorCheck implements Check {

    private static final CheckMetadata METADATA = new CheckMetadata(
            "securityhub.delegated_administrator",
            "Security Hub of every account is administered by the security account",
            "Security Hub", Severity.MEDIUM, Verdicts.ACCOUNT,
            "A delegated administrator sees every member's findings and control results in one place and manages "
                    + "their standards; without it, each account's posture is visible only from inside that account.",
            new Remediation("From the management account, designate the security account as Security Hub's delegated "
                    + "administrator and auto-enable members.",
                    """
                    aws securityhub enable-organization-admin-account --admin-account-id <security-account-id>
                    aws securityhub update-organization-configuration --auto-enable""",
                    """
                    SecurityHubAdmin:
                      Type: AWS::SecurityHub::DelegatedAdmin
                      Properties:
                        AdminAccountId: <security-account-id>""",
                    """
                    resource "aws_securityhub_organization_admin_account" "security" {
                      admin_account_id = "<security-account-id>"
                    }"""),
            List.of("securityhub:GetAdministratorAccount", "securityhub:ListOrganizationAdminAccounts"));

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<CheckResult> evaluate(Estate estate) {
        Verdicts v = new Verdicts(METADATA);
        Set<String> orgAdmins = new TreeSet<>();
        for (SupplementDoc doc : estate.supplements().all("securityhub", "list-organization-admin-accounts")) {
            for (JsonNode a : doc.body().path("AdminAccounts")) {
                String id = Hub.text(a.path("AccountId"));
                String status = Hub.text(a.path("Status"));
                if (id.matches("\\d{12}") && (status.isEmpty() || status.equalsIgnoreCase("ENABLED"))) {
                    orgAdmins.add(id);
                }
            }
        }
        String expected = estate.policy().securityAccount();
        List<CheckResult> out = new ArrayList<>();
        if (expected.isEmpty() && orgAdmins.size() != 1) {
            for (String account : estate.accounts()) {
                out.add(v.scope(CheckStatus.MANUAL, account, "", "No security-account is declared in posture-policy.yaml "
                        + "and no Security Hub delegated administrator is exported; declare the security account."));
            }
            return out;
        }
        String admin = expected.isEmpty() ? orgAdmins.iterator().next() : expected;
        for (String account : estate.accounts()) {
            out.add(judge(v, estate, account, admin, orgAdmins));
        }
        return out;
    }

    private static CheckResult judge(Verdicts v, Estate estate, String account, String admin, Set<String> orgAdmins) {
        if (account.equals(admin)) {
            return orgAdmins.isEmpty() || orgAdmins.contains(admin)
                    ? v.scope(CheckStatus.PASS, account, "", "This is the security account, Security Hub's administrator.")
                    : v.scope(CheckStatus.FAIL, account, "", "The organisation's Security Hub administrator is "
                    + String.join(", ", orgAdmins) + ", not this security account.");
        }
        Exported failure = null;
        int judged = 0;
        for (SupplementDoc doc : estate.supplements().all("securityhub", "get-administrator-account")) {
            if (!doc.account().equals(account)) {
                continue;
            }
            switch (Exported.of(doc)) {
                case Exported.Failed f -> failure = failure == null ? f : failure;
                case Exported.Missing m -> { }
                case Exported.Present p -> {
                    judged++;
                    JsonNode a = p.body().path("Administrator");
                    String id = Hub.text(a.path("AccountId"));
                    String status = Hub.text(a.path("MemberStatus"));
                    if (!id.equals(admin) || !status.equalsIgnoreCase("Enabled")) {
                        return v.scope(CheckStatus.FAIL, account, doc.region(), id.isEmpty()
                                ? "Security Hub in " + doc.region() + " has no administrator account."
                                : "Security Hub in " + doc.region() + " is administered by " + Verdicts.clip(id)
                                + " (member status " + Verdicts.clip(status) + "), not by the security account " + admin + ".");
                    }
                }
            }
        }
        if (judged > 0) {
            return v.scope(CheckStatus.PASS, account, "", "Security Hub is administered by the security account " + admin
                    + " in the " + judged + " exported region(s).");
        }
        if (orgAdmins.contains(admin)) {
            return v.scope(CheckStatus.PASS, account, "", "The security account " + admin
                    + " is the organisation's delegated Security Hub administrator.");
        }
        if (failure != null) {
            return v.unavailable(account, "", failure);
        }
        String region = estate.enabledRegions(account).stream().findFirst().orElse("us-east-1");
        return v.unavailable(account, "", new Exported.Missing(account, region, "securityhub", "get-administrator-account", ""));
    }
}
