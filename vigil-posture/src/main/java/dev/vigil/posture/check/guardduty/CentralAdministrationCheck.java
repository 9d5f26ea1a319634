package dev.vigil.posture.check.guardduty;

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
 * Every account's GuardDuty reports to the security account: the member's {@code get-administrator-account.<id>}
 * names it with RelationshipStatus Enabled, or the organisation's {@code list-organization-admin-accounts} makes it
 * the delegated administrator. Judged once per account across its regions.
 */
final class CentralAdministrationCheck implements Check {

    private static final CheckMetadata METADATA = new CheckMetadata(
            "guardduty.central_administration",
            "GuardDuty findings of every account go to the security account",
            "GuardDuty", Severity.MEDIUM, Verdicts.ACCOUNT,
            "Findings that stay in the account they concern are seen by nobody on the security team, and can be "
                    + "archived by an intruder who holds that account. A delegated administrator in the security "
                    + "account receives every member's findings and controls their detectors.",
            new Remediation("From the management account, delegate GuardDuty administration to the security account "
                    + "and auto-enable members.",
                    """
                    aws guardduty enable-organization-admin-account --admin-account-id <security-account-id>
                    aws guardduty update-organization-configuration --detector-id <admin-detector-id> --auto-enable-organization-members ALL""",
                    """
                    GuardDutyAdmin:
                      Type: AWS::GuardDuty::Master
                      Properties:
                        DetectorId: <member-detector-id>
                        MasterId: <security-account-id>""",
                    """
                    resource "aws_guardduty_organization_admin_account" "security" {
                      admin_account_id = "<security-account-id>"
                    }"""),
            List.of("guardduty:GetAdministratorAccount", "guardduty:ListOrganizationAdminAccounts",
                    "guardduty:ListDetectors"));

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<CheckResult> evaluate(Estate estate) {
        Verdicts v = new Verdicts(METADATA);
        Set<String> orgAdmins = organisationAdmins(estate, "guardduty", "AdminAccountId", "AdminStatus");
        String expected = estate.policy().securityAccount();
        List<CheckResult> out = new ArrayList<>();
        if (expected.isEmpty()) {
            if (orgAdmins.size() != 1) {
                for (String account : estate.accounts()) {
                    out.add(v.scope(CheckStatus.MANUAL, account, "", "No security-account is declared in "
                            + "posture-policy.yaml and the organisation's GuardDuty administrator is not exported; declare it."));
                }
                return out;
            }
            expected = orgAdmins.iterator().next();
        }
        for (String account : estate.accounts()) {
            out.add(judge(v, estate, account, expected, orgAdmins));
        }
        return out;
    }

    private static CheckResult judge(Verdicts v, Estate estate, String account, String expected, Set<String> orgAdmins) {
        if (account.equals(expected)) {
            return orgAdmins.isEmpty() || orgAdmins.contains(expected)
                    ? v.scope(CheckStatus.PASS, account, "", "This is the security account, the GuardDuty administrator.")
                    : v.scope(CheckStatus.FAIL, account, "", "The organisation's delegated GuardDuty administrator is "
                    + String.join(", ", orgAdmins) + ", not this security account.");
        }
        Exported failure = null;
        int judged = 0;
        for (SupplementDoc doc : estate.supplements().all("guardduty", "get-administrator-account")) {
            if (!doc.account().equals(account)) {
                continue;
            }
            switch (Exported.of(doc)) {
                case Exported.Failed f -> failure = failure == null ? f : failure;
                case Exported.Missing m -> { }
                case Exported.Present p -> {
                    judged++;
                    JsonNode admin = p.body().path("Administrator");
                    String id = Detectors.text(admin.path("AccountId"));
                    String relation = Detectors.text(admin.path("RelationshipStatus"));
                    if (!id.equals(expected) || !relation.equalsIgnoreCase("Enabled")) {
                        return v.scope(CheckStatus.FAIL, account, doc.region(), id.isEmpty()
                                ? "GuardDuty in " + doc.region() + " has no administrator account; findings stay in this account."
                                : "GuardDuty in " + doc.region() + " reports to " + Verdicts.clip(id) + " (relationship "
                                + Verdicts.clip(relation) + "), not to the security account " + expected + " (Enabled).");
                    }
                }
            }
        }
        if (judged > 0) {
            return v.scope(CheckStatus.PASS, account, "", "GuardDuty reports to the security account " + expected
                    + " (Enabled) in the " + judged + " exported region(s).");
        }
        if (orgAdmins.contains(expected)) {
            return v.scope(CheckStatus.PASS, account, "", "The security account " + expected
                    + " is the organisation's delegated GuardDuty administrator.");
        }
        if (failure != null) {
            return v.unavailable(account, "", failure);
        }
        String region = estate.enabledRegions(account).stream().findFirst().orElse("us-east-1");
        String detector = Detectors.lookup(estate, account, region) instanceof Detectors.Lookup.Found f ? f.id() : "<detector-id>";
        return v.unavailable(account, "", new Exported.Missing(account, region, "guardduty", "get-administrator-account", detector));
    }

    /** Accounts an exported list-organization-admin-accounts names as ENABLED delegated administrators. */
    static Set<String> organisationAdmins(Estate estate, String service, String idField, String statusField) {
        Set<String> out = new TreeSet<>();
        for (SupplementDoc doc : estate.supplements().all(service, "list-organization-admin-accounts")) {
            for (JsonNode a : doc.body().path("AdminAccounts")) {
                String id = Detectors.text(a.path(idField));
                String status = Detectors.text(a.path(statusField));
                if (id.matches("\\d{12}") && (status.isEmpty() || status.equalsIgnoreCase("ENABLED"))) {
                    out.add(id);
                }
            }
        }
        return out;
    }
}
